using DxGeo.Flight.Camera;
using DxGeo.Flight.Constraints;
using DxGeo.Flight.Patterns;
using DxGeo.Flight.Planning;
using NetTopologySuite.Geometries;

namespace DxGeo.Flight.Tests.Support;

/// <summary>Random survey sites in metres (bounded sizes so a property run stays within seconds).</summary>
internal static class Scenarios
{
    public static readonly GeometryFactory F = new();

    public static Polygon Star(Random r, Coordinate c, double radius, int n, double minFrac)
    {
        var rot = r.NextDouble() * 2 * Math.PI;
        var pts = new Coordinate[n + 1];
        for (var i = 0; i < n; i++)
        {
            var a = rot + 2 * Math.PI * i / n;
            var rr = radius * (minFrac + (1 - minFrac) * r.NextDouble());
            pts[i] = new Coordinate(c.X + rr * Math.Cos(a), c.Y + rr * Math.Sin(a));
        }
        pts[n] = pts[0];
        return F.CreatePolygon(pts);
    }

    /// <summary>A star-shaped (often concave) area, sometimes with a hole.</summary>
    public static Polygon Area(Random r)
    {
        var radius = 150 + r.NextDouble() * 350;
        var shell = Star(r, new Coordinate(0, 0), radius, 5 + r.Next(8), 0.35);
        if (r.NextDouble() < 0.35)
        {
            var hole = Star(r, new Coordinate(radius * 0.1 * (r.NextDouble() - 0.5), radius * 0.1 * (r.NextDouble() - 0.5)), radius * 0.25, 6, 0.6);
            if (shell.Contains(hole))
            {
                var withHole = F.CreatePolygon((LinearRing)shell.Shell, [(LinearRing)hole.Shell]);
                if (withHole.IsValid) return withHole;
            }
        }
        return shell;
    }

    /// <summary>A polyline wandering from the origin (bends up to ±70°), 300–1500 m long.</summary>
    public static LineString Corridor(Random r)
    {
        var n = 2 + r.Next(6);
        var pts = new List<Coordinate> { new(0, 0) };
        var heading = r.NextDouble() * 2 * Math.PI;
        for (var i = 0; i < n; i++)
        {
            heading += (r.NextDouble() - 0.5) * 2 * 70 * Math.PI / 180;
            var len = 80 + r.NextDouble() * 250;
            var last = pts[^1];
            pts.Add(new Coordinate(last.X + len * Math.Cos(heading), last.Y + len * Math.Sin(heading)));
        }
        return F.CreateLineString(pts.ToArray());
    }

    public static List<NoFlyArea> Zones(Random r, Envelope around, int max)
    {
        var zones = new List<NoFlyArea>();
        var count = r.Next(max + 1);
        for (var i = 0; i < count; i++)
        {
            var c = new Coordinate(around.MinX + r.NextDouble() * around.Width, around.MinY + r.NextDouble() * around.Height);
            zones.Add(new NoFlyArea($"Z{i}", Star(r, c, 20 + r.NextDouble() * 60, 6, 0.5)));
        }
        return zones;
    }

    public static CameraModel Camera => CameraPresets.Get("dji-m3e-wide");

    /// <summary>Launch candidates on a grid every <paramref name="spacingM"/> over <paramref name="around"/>, clear of zones and fence.</summary>
    public static List<LaunchPoint> LaunchGrid(Envelope around, double spacingM, NoFlyConstraint noFly, GeofenceConstraint? fence)
    {
        var list = new List<LaunchPoint>();
        for (var x = around.MinX; x <= around.MaxX + spacingM; x += spacingM)
            for (var y = around.MinY; y <= around.MaxY + spacingM; y += spacingM)
            {
                var p = F.CreatePoint(new Coordinate(x, y));
                if (!noFly.Forbidden.IsEmpty && noFly.Forbidden.Distance(p) < 1) continue;
                if (fence is not null && !fence.Inner.Contains(p)) continue;
                list.Add(new LaunchPoint($"G{list.Count}", p.Coordinate));
            }
        return list;
    }

    /// <summary>Launch candidates scattered around the site, keeping those clear of zones and inside the fence.</summary>
    public static List<LaunchPoint> Launches(Random r, Envelope around, NoFlyConstraint noFly, GeofenceConstraint? fence, int count)
    {
        var list = new List<LaunchPoint>();
        for (var tries = 0; list.Count < count && tries < 500; tries++)
        {
            var c = new Coordinate(around.MinX + r.NextDouble() * around.Width, around.MinY + r.NextDouble() * around.Height);
            var p = F.CreatePoint(c);
            if (!noFly.Forbidden.IsEmpty && noFly.Forbidden.Distance(p) < 1) continue;
            if (fence is not null && !fence.Inner.Contains(p)) continue;
            list.Add(new LaunchPoint($"L{list.Count}", c));
        }
        return list;
    }
}
