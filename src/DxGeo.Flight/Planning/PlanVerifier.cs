using DxGeo.Flight.Constraints;
using NetTopologySuite.Geometries;

namespace DxGeo.Flight.Planning;

/// <summary>
/// Last line of defence for the hard constraints: re-checks every leg of every sortie against the zones themselves,
/// the fence, the altitude limit, radio range and battery budget. A violation here is a planner bug, never a plan.
/// </summary>
internal static class PlanVerifier
{
    public static void Verify(IReadOnlyList<Sortie> sorties, MetricSite site)
    {
        var f = site.Factory;
        foreach (var s in sorties)
        {
            if (s.TimeS > site.Battery.BudgetS + 1e-6)
                throw new InvalidOperationException($"planner bug: sortie {s.Index} takes {s.TimeS:0} s, over the {site.Battery.BudgetS:0} s budget");
            var wps = s.Waypoints().ToList();
            var home = s.Launch.PositionM;
            for (var i = 0; i < wps.Count; i++)
            {
                var p = wps[i];
                if (p.Z > site.Altitude.MaxAltitudeM + 1e-6)
                    throw new InvalidOperationException($"planner bug: sortie {s.Index} waypoint {i} at {p.Z:0.0} m, above the limit");
                if (!site.Radio.Reaches(home, p))
                    throw new InvalidOperationException($"planner bug: sortie {s.Index} waypoint {i} out of radio range");
                if (i + 1 == wps.Count) break;
                var q = wps[i + 1];
                Geometry leg = p.Equals2D(q) ? f.CreatePoint(new Coordinate(p.X, p.Y))
                    : f.CreateLineString([new Coordinate(p.X, p.Y), new Coordinate(q.X, q.Y)]);
                foreach (var z in site.NoFly.Zones)
                    if (z.GeometryM.Distance(leg) < site.NoFly.MarginM - 1e-6)
                        throw new InvalidOperationException($"planner bug: sortie {s.Index} leg {i} comes within the margin of no-fly zone {z.Label}: {leg} is {z.GeometryM.Distance(leg):0.000} m from it (margin {site.NoFly.MarginM:0.000} m)");
                if (site.Fence is not null && !site.Fence.FenceM.Covers(leg))
                    throw new InvalidOperationException($"planner bug: sortie {s.Index} leg {i} leaves the geofence");
            }
        }
    }
}
