using DxGeo.Core.Errors;
using DxGeo.Flight.Planning;
using NetTopologySuite.Geometries;

namespace DxGeo.Flight.Formats;

/// <summary>
/// Writes a <see cref="FlightPlan"/> in the format its output path names: <c>.plan</c> (QGroundControl) and
/// <c>.waypoints</c>/<c>.txt</c> (QGC WPL 110) hold one mission, so a plan of several sorties becomes one file per
/// sortie (<c>name-s1.plan</c>, …); <c>.geojson</c>/<c>.json</c> and <c>.kml</c> hold the whole plan for maps.
/// </summary>
public static class PlanExport
{
    public static readonly string[] Extensions = [".plan", ".waypoints", ".txt", ".geojson", ".json", ".kml"];

    /// <summary>The plan file of one sortie: its mission, the geofence as inclusion and the no-fly zones as exclusion
    /// polygons, the launch points as rally points, home at its launch point.</summary>
    public static FlightPlanFile ToFile(FlightPlan plan, PlannedSortie sortie)
    {
        var fences = new List<FencePolygon> { new(true, Ring(plan.Geofence.ExteriorRing)) };
        foreach (var z in plan.NoFlyZones)
            for (var i = 0; i < z.Geometry.NumGeometries; i++)
                fences.Add(new FencePolygon(false, Ring(((Polygon)z.Geometry.GetGeometryN(i)).ExteriorRing)));
        return new FlightPlanFile
        {
            Mission = sortie.Mission, FencePolygons = fences,
            RallyPoints = plan.LaunchSites.Select(l => (l.LatDeg, l.LonDeg, plan.TransitAltitudeM)).ToList(),
            Home = (sortie.LaunchLatDeg, sortie.LaunchLonDeg, 0), CruiseSpeedMps = plan.CruiseSpeedMps,
            HoverSpeedMps = plan.LineSpeedMps, FirmwareType = (byte)plan.Firmware, VehicleType = 2,
        };
    }

    /// <summary>Writes the plan; returns the files written.</summary>
    public static IReadOnlyList<string> Write(FlightPlan plan, string outPath)
    {
        var ext = Path.GetExtension(outPath).ToLowerInvariant();
        if (!Extensions.Contains(ext))
            throw new DxGeoException($"cannot tell the format of '{outPath}': use one of {string.Join(", ", Extensions)}");
        var dir = Path.GetDirectoryName(Path.GetFullPath(outPath))!;
        Directory.CreateDirectory(dir);
        switch (ext)
        {
            case ".geojson" or ".json":
                PlanGeoJson.Write(outPath, plan);
                return [outPath];
            case ".kml":
                PlanKml.Write(outPath, plan);
                return [outPath];
        }
        var written = new List<string>();
        foreach (var s in plan.Sorties)
        {
            var path = plan.Sorties.Count == 1 ? outPath
                : Path.Combine(dir, $"{Path.GetFileNameWithoutExtension(outPath)}-s{s.Index}{ext}");
            var file = ToFile(plan, s);
            if (ext == ".plan") QgcPlan.Write(path, file); else Wpl.Write(path, file);
            written.Add(path);
        }
        return written;
    }

    private static List<(double LatDeg, double LonDeg)> Ring(LineString ring)
    {
        var pts = ring.Coordinates.Select(c => (c.Y, c.X)).ToList();
        if (pts.Count > 1 && pts[0] == pts[^1]) pts.RemoveAt(pts.Count - 1);
        return pts;
    }
}
