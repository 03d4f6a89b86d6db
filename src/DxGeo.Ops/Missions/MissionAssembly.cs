using DxGeo.Core.Errors;
using DxGeo.Flight.Missions;
using DxGeo.Mavlink.Plans;
using NetTopologySuite.Geometries;

namespace DxGeo.Ops.Missions;

/// <summary>What a standing mission uploads: the plan's items with the payload actions inserted after their waypoints
/// and the return appended, the fence, and where each payload action sits.</summary>
public sealed record AssembledMission(IReadOnlyList<MissionItem> Items, IReadOnlyList<MissionItem> Fence,
    IReadOnlyList<(PayloadAction Action, int ItemIndex, int AfterWaypointIndex)> PayloadItems, LineString Route);

/// <summary>Builds the uploaded mission from a standing mission.</summary>
public static class MissionAssembly
{
    private static readonly GeometryFactory Wgs84 = new(new PrecisionModel(), 4326);

    public static FlightPlan ParsePlan(StandingMission m) => PlanFileReader.Parse(m.PlanJson, $"standing mission '{m.Name}' plan", m.PlanId);

    public static AssembledMission Build(StandingMission m)
    {
        var plan = ParsePlan(m);
        var items = plan.Mission.ToList();
        var waypointIdx = items.Select((it, i) => (it, i)).Where(x => x.it.Command == MavCmd.NavWaypoint).Select(x => x.i).ToList();
        if (waypointIdx.Count == 0) throw new DxGeoException($"standing mission '{m.Name}': plan {m.PlanId} has no NAV_WAYPOINT to fly");
        // Trailing RTL/LAND are replaced by the mission's own return.
        while (items.Count > 0 && items[^1].Command is MavCmd.NavReturnToLaunch or MavCmd.NavLand) items.RemoveAt(items.Count - 1);

        var inserts = new List<(PayloadAction A, int AfterItem, int Wp)>();
        foreach (var a in m.Payload)
        {
            var wp = a.AtWaypoint == -1 ? waypointIdx.Count : a.AtWaypoint;
            if (wp < 1 || wp > waypointIdx.Count)
                throw new DxGeoException($"standing mission '{m.Name}': payload action at waypoint {a.AtWaypoint}, the plan has waypoints 1–{waypointIdx.Count}");
            inserts.Add((a, waypointIdx[wp - 1], wp));
        }
        var result = new List<MissionItem>();
        var placed = new List<(PayloadAction, int, int)>();
        for (var i = 0; i < items.Count; i++)
        {
            result.Add(items[i]);
            foreach (var ins in inserts.Where(x => x.AfterItem == i))
            {
                placed.Add((ins.A, result.Count, ins.Wp));
                result.Add(PayloadItem(ins.A));
            }
        }
        result.Add(m.Return == ReturnBehaviour.Rtl
            ? new MissionItem { Command = MavCmd.NavReturnToLaunch, Frame = MavFrame.Mission }
            : new MissionItem { Command = MavCmd.NavLand, LatitudeDeg = m.LaunchLatDeg, LongitudeDeg = m.LaunchLonDeg });
        var numbered = result.Select((it, i) => it with { Seq = i }).ToList();

        var coords = numbered.Where(i => i.Command == MavCmd.NavWaypoint).Select(i => new Coordinate(i.LongitudeDeg, i.LatitudeDeg)).ToList();
        coords.Insert(0, new Coordinate(m.LaunchLonDeg, m.LaunchLatDeg));
        coords.Add(new Coordinate(m.LaunchLonDeg, m.LaunchLatDeg));
        var fence = plan.Fence.Count > 0 ? plan.Fence : FenceItems.Numbered([FenceItems.Circle(m.LaunchLatDeg, m.LaunchLonDeg, FenceRadius(m, numbered), true)]);
        return new AssembledMission(numbered, fence, placed, Wgs84.CreateLineString([.. coords]));
    }

    private static MissionItem PayloadItem(PayloadAction a) => a.Kind switch
    {
        PayloadKind.RelayOn => new MissionItem { Command = MavCmd.DoSetRelay, Frame = MavFrame.Mission, Param1 = a.Channel, Param2 = 1 },
        PayloadKind.RelayOff => new MissionItem { Command = MavCmd.DoSetRelay, Frame = MavFrame.Mission, Param1 = a.Channel, Param2 = 0 },
        PayloadKind.Servo => new MissionItem { Command = MavCmd.DoSetServo, Frame = MavFrame.Mission, Param1 = a.Channel, Param2 = a.PwmUs },
        _ => new MissionItem { Command = MavCmd.DoDigicamControl, Frame = MavFrame.Mission },
    };

    private static double FenceRadius(StandingMission m, IEnumerable<MissionItem> items)
    {
        if (m.FenceRadiusM is { } r) return r;
        var far = items.Where(i => i.LatitudeDeg != 0 || i.LongitudeDeg != 0)
            .Select(i => Internal.Geo.DistanceM(m.LaunchLatDeg, m.LaunchLonDeg, i.LatitudeDeg, i.LongitudeDeg)).DefaultIfEmpty(0).Max();
        return Math.Ceiling(far + 100);
    }
}
