using DxGeo.Flight.Missions;

namespace DxGeo.Flight.Formats;

/// <summary>
/// Plan files in the QGC WPL 110 text format (through <see cref="WplFormat"/>): home as line 0, mission items from
/// line 1, with the classic frame numbers in the file and the MISSION_ITEM_INT frames in memory. The format has no
/// fence or rally points.
/// </summary>
public static class Wpl
{
    public static void Write(string path, FlightPlanFile plan) => File.WriteAllText(path, Format(plan));

    public static string Format(FlightPlanFile plan)
    {
        MissionItem? home = plan.Home is { } h
            ? new MissionItem { Command = MavCmd.NavWaypoint, Frame = MavFrame.Global, LatitudeDeg = h.LatDeg, LongitudeDeg = h.LonDeg, Z = (float)h.AltM }
            : null;
        return WplFormat.Format(home, plan.Mission.Select(i => i with { Frame = MissionFrames.ToFile(i.Frame) }).ToList());
    }

    public static FlightPlanFile Read(string path)
    {
        var m = WplFormat.Read(path);
        return new FlightPlanFile
        {
            Mission = m.Items.Select(i => i with { Frame = MissionFrames.FromFile(i.Frame) }).ToList(),
            Home = m.Home is { } h ? (h.LatitudeDeg, h.LongitudeDeg, h.Z) : null,
        };
    }
}
