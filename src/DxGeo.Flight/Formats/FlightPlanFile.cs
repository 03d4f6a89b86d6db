using DxGeo.Flight.Missions;

namespace DxGeo.Flight.Formats;

/// <summary>A geofence polygon: vertices (lat, lon) without the closing repeat; inclusion = stay inside, else stay out.</summary>
public sealed record FencePolygon(bool Inclusion, IReadOnlyList<(double LatDeg, double LonDeg)> Vertices);

/// <summary>A circular geofence.</summary>
public sealed record FenceCircle(bool Inclusion, double LatDeg, double LonDeg, double RadiusM);

/// <summary>
/// What a plan file holds, ready for the MAVLink mission protocol: the mission items, the fence and rally items
/// (mission types 1 and 2, as QGroundControl uploads them), the planned home, and the fence shapes themselves.
/// Items use the MISSION_ITEM_INT frames (GLOBAL_RELATIVE_ALT_INT for waypoints); files keep the classic numbers.
/// </summary>
public sealed record FlightPlanFile
{
    public required IReadOnlyList<MissionItem> Mission { get; init; }
    public IReadOnlyList<FencePolygon> FencePolygons { get; init; } = [];
    public IReadOnlyList<FenceCircle> FenceCircles { get; init; } = [];
    /// <summary>Rally points (lat, lon, altitude above home).</summary>
    public IReadOnlyList<(double LatDeg, double LonDeg, double AltM)> RallyPoints { get; init; } = [];
    /// <summary>Planned home (lat, lon, AMSL altitude; 0 when unknown).</summary>
    public (double LatDeg, double LonDeg, double AltM)? Home { get; init; }
    public double CruiseSpeedMps { get; init; } = 15;
    public double HoverSpeedMps { get; init; } = 5;
    /// <summary>MAV_AUTOPILOT the mission was made for (3 ArduPilot, 12 PX4).</summary>
    public byte FirmwareType { get; init; } = (byte)Autopilot.ArduPilot;
    /// <summary>MAV_TYPE (2 quadrotor).</summary>
    public byte VehicleType { get; init; } = 2;

    /// <summary>Fence as MAVLink items: one vertex item per polygon corner (param1 = vertex count), one per circle.</summary>
    public IReadOnlyList<MissionItem> FenceItems() => Missions.FenceItems.Numbered(
        FencePolygons.SelectMany(p => Missions.FenceItems.Polygon(p.Vertices, p.Inclusion))
            .Concat(FenceCircles.Select(c => Missions.FenceItems.Circle(c.LatDeg, c.LonDeg, c.RadiusM, c.Inclusion))));

    /// <summary>Rally points as MAVLink items (MAV_CMD_NAV_RALLY_POINT, mission type 2).</summary>
    public IReadOnlyList<MissionItem> RallyItems() => RallyPoints.Select((r, i) => new MissionItem
    {
        Seq = i, Command = MavCmd.NavRallyPoint, Frame = MavFrame.GlobalRelativeAltInt, LatitudeDeg = r.LatDeg,
        LongitudeDeg = r.LonDeg, Z = (float)r.AltM, MissionType = MissionType.Rally,
    }).ToList();
}

/// <summary>Classic (file) ↔ INT (MISSION_ITEM_INT) frame numbers.</summary>
public static class MissionFrames
{
    public static MavFrame ToFile(MavFrame f) => f switch
    {
        MavFrame.GlobalRelativeAltInt => MavFrame.GlobalRelativeAlt,
        MavFrame.GlobalInt => MavFrame.Global,
        MavFrame.GlobalTerrainAltInt => (MavFrame)10,
        _ => f,
    };

    public static MavFrame FromFile(MavFrame f) => f switch
    {
        MavFrame.GlobalRelativeAlt => MavFrame.GlobalRelativeAltInt,
        MavFrame.Global => MavFrame.GlobalInt,
        (MavFrame)10 => MavFrame.GlobalTerrainAltInt,
        _ => f,
    };
}
