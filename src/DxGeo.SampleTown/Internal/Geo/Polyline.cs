using DxGeo.SampleTown.Internal.Numerics;
using NetTopologySuite.Geometries;

namespace DxGeo.SampleTown.Internal.Geo;

/// <summary>Arithmetic on metric polylines (plain coordinate arrays, EPSG:6678 metres relative to the town frame).</summary>
internal static class Polyline
{
    public static GeometryFactory Factory { get; } = new(new PrecisionModel(), 0);

    public static double Length(IReadOnlyList<Coordinate> pts)
    {
        var sum = 0.0;
        for (var i = 1; i < pts.Count; i++) sum += pts[i - 1].Distance(pts[i]);
        return sum;
    }

    /// <summary>Cumulative distance along the line at each vertex.</summary>
    public static double[] Stations(IReadOnlyList<Coordinate> pts)
    {
        var s = new double[pts.Count];
        for (var i = 1; i < pts.Count; i++) s[i] = s[i - 1] + pts[i - 1].Distance(pts[i]);
        return s;
    }

    /// <summary>Offsets each vertex along its averaged normal; positive = to the left of the direction of travel.
    /// Meant for smooth, densely sampled curves whose radius is larger than the offset.</summary>
    public static Coordinate[] Offset(IReadOnlyList<Coordinate> pts, Func<int, double> distance)
    {
        var n = pts.Count;
        var result = new Coordinate[n];
        for (var i = 0; i < n; i++)
        {
            var a = pts[Math.Max(0, i - 1)];
            var b = pts[Math.Min(n - 1, i + 1)];
            var dx = b.X - a.X;
            var dy = b.Y - a.Y;
            var len = Math.Sqrt(dx * dx + dy * dy);
            var d = distance(i);
            result[i] = new Coordinate(pts[i].X - dy / len * d, pts[i].Y + dx / len * d);
        }
        return result;
    }

    public static Coordinate[] Offset(IReadOnlyList<Coordinate> pts, double distance) => Offset(pts, _ => distance);

    public static Coordinate PointAt(IReadOnlyList<Coordinate> pts, double station)
    {
        var s = 0.0;
        for (var i = 1; i < pts.Count; i++)
        {
            var seg = pts[i - 1].Distance(pts[i]);
            if (s + seg >= station && seg > 0)
            {
                var t = (station - s) / seg;
                return new Coordinate(pts[i - 1].X + t * (pts[i].X - pts[i - 1].X), pts[i - 1].Y + t * (pts[i].Y - pts[i - 1].Y));
            }
            s += seg;
        }
        return pts[^1].Copy();
    }

    /// <summary>The part of the line between two stations (metres from the start).</summary>
    public static Coordinate[] Substring(IReadOnlyList<Coordinate> pts, double from, double to)
    {
        var result = new List<Coordinate> { PointAt(pts, from) };
        var s = 0.0;
        for (var i = 1; i < pts.Count; i++)
        {
            s += pts[i - 1].Distance(pts[i]);
            if (s > from && s < to) result.Add(pts[i].Copy());
        }
        result.Add(PointAt(pts, to));
        return Dedup(result);
    }

    /// <summary>Centripetal-free (uniform) Catmull–Rom spline through the control points, sampled about every <paramref name="stepM"/>.</summary>
    public static Coordinate[] CatmullRom(IReadOnlyList<Coordinate> ctrl, double stepM)
    {
        var result = new List<Coordinate>();
        for (var i = 0; i < ctrl.Count - 1; i++)
        {
            var p0 = ctrl[Math.Max(0, i - 1)];
            var p1 = ctrl[i];
            var p2 = ctrl[i + 1];
            var p3 = ctrl[Math.Min(ctrl.Count - 1, i + 2)];
            var steps = Math.Max(2, (int)Math.Ceiling(p1.Distance(p2) / stepM));
            for (var k = 0; k < steps; k++)
            {
                var t = (double)k / steps;
                var t2 = t * t;
                var t3 = t2 * t;
                double F(double a, double b, double c, double d) =>
                    0.5 * (2 * b + (-a + c) * t + (2 * a - 5 * b + 4 * c - d) * t2 + (-a + 3 * b - 3 * c + d) * t3);
                result.Add(new Coordinate(F(p0.X, p1.X, p2.X, p3.X), F(p0.Y, p1.Y, p2.Y, p3.Y)));
            }
        }
        result.Add(ctrl[^1].Copy());
        return Dedup(result);
    }

    public static Coordinate[] Dedup(IEnumerable<Coordinate> pts)
    {
        var list = new List<Coordinate>();
        foreach (var p in pts)
            if (list.Count == 0 || list[^1].Distance(p) > 1e-6) list.Add(p);
        return list.ToArray();
    }

    public static LineString Line(IEnumerable<Coordinate> pts) => Factory.CreateLineString(Dedup(pts));

    /// <summary>Polygon between two roughly parallel lines running the same way (left side, then right side reversed).</summary>
    public static Polygon Band(IReadOnlyList<Coordinate> left, IReadOnlyList<Coordinate> right)
    {
        var ring = new List<Coordinate>(left.Select(c => c.Copy()));
        ring.AddRange(right.Reverse().Select(c => c.Copy()));
        ring.Add(left[0].Copy());
        return Factory.CreatePolygon(Dedup(ring));
    }

    /// <summary>A band of half-width <paramref name="halfWidthM"/> around a line, with flat ends (a road strip).</summary>
    public static Polygon Strip(IReadOnlyList<Coordinate> pts, double halfWidthM) =>
        Band(Offset(pts, halfWidthM), Offset(pts, -halfWidthM));

    /// <summary>Ellipse with semi-axes a (along the unit direction (ux, uy)) and b, as a polygon of n vertices.</summary>
    public static Polygon Ellipse(Coordinate centre, double a, double b, double ux, double uy, int n = 48)
    {
        var ring = new Coordinate[n + 1];
        for (var i = 0; i < n; i++)
        {
            var t = 2 * DetMath.Pi * i / n;
            var ca = DetMath.Cos(t) * a;
            var sb = DetMath.Sin(t) * b;
            ring[i] = new Coordinate(centre.X + ca * ux - sb * uy, centre.Y + ca * uy + sb * ux);
        }
        ring[n] = ring[0].Copy();
        return Factory.CreatePolygon(ring);
    }

    public static Polygon Rect(double minX, double minY, double maxX, double maxY) => Factory.CreatePolygon(
    [
        new(minX, minY), new(maxX, minY), new(maxX, maxY), new(minX, maxY), new(minX, minY),
    ]);

    /// <summary>Unit direction of the line near a station (from the chord over ±5 m).</summary>
    public static (double Ux, double Uy) Direction(IReadOnlyList<Coordinate> pts, double station)
    {
        var a = PointAt(pts, Math.Max(0, station - 5));
        var b = PointAt(pts, station + 5);
        var dx = b.X - a.X;
        var dy = b.Y - a.Y;
        var len = Math.Sqrt(dx * dx + dy * dy);
        return (dx / len, dy / len);
    }
}
