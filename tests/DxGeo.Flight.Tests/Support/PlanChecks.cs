using DxGeo.Flight.Constraints;
using DxGeo.Flight.Planning;
using NetTopologySuite.Geometries;

namespace DxGeo.Flight.Tests.Support;

/// <summary>Independent checks of a plan's legs against the zones and fence they must respect.</summary>
internal static class PlanChecks
{
    public static List<string> LegViolations(IEnumerable<Sortie> sorties, NoFlyConstraint noFly, GeofenceConstraint? fence)
    {
        var bad = new List<string>();
        var f = Scenarios.F;
        foreach (var s in sorties)
        {
            var wps = s.Waypoints().ToList();
            for (var i = 0; i + 1 < wps.Count; i++)
            {
                var seg = wps[i].Equals2D(wps[i + 1])
                    ? (Geometry)f.CreatePoint(new Coordinate(wps[i].X, wps[i].Y))
                    : f.CreateLineString([new Coordinate(wps[i].X, wps[i].Y), new Coordinate(wps[i + 1].X, wps[i + 1].Y)]);
                foreach (var z in noFly.Zones)
                {
                    var d = z.GeometryM.Distance(seg);
                    if (d < noFly.MarginM - 1e-6) bad.Add($"sortie {s.Index} leg {i} {seg} is {d:0.00} m from zone {z.Id} (margin {noFly.MarginM:0.00})");
                }
                if (fence is not null && !fence.FenceM.Covers(seg)) bad.Add($"sortie {s.Index} leg {i} {seg} leaves the fence");
            }
        }
        return bad;
    }
}
