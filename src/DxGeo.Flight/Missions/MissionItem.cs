namespace DxGeo.Flight.Missions;

/// <summary>
/// One MAVLink mission item, as MISSION_ITEM_INT carries it: the shared currency between the planner (which
/// produces them), the plan files (.plan, WPL) and the MAVLink mission protocol (which uploads them).
/// Positions are WGS84 degrees; <see cref="Z"/> is metres in the item's <see cref="Frame"/>
/// (for <see cref="MavFrame.GlobalRelativeAltInt"/>: above the home/launch point).
/// </summary>
public sealed record MissionItem
{
    public int Seq { get; init; }
    public MavFrame Frame { get; init; } = MavFrame.GlobalRelativeAltInt;
    public MavCmd Command { get; init; }
    public bool Current { get; init; }
    public bool Autocontinue { get; init; } = true;
    public float Param1 { get; init; }
    public float Param2 { get; init; }
    public float Param3 { get; init; }
    public float Param4 { get; init; }
    /// <summary>Latitude in degrees (MISSION_ITEM_INT x = lat × 1e7).</summary>
    public double LatitudeDeg { get; init; }
    /// <summary>Longitude in degrees (MISSION_ITEM_INT y = lon × 1e7).</summary>
    public double LongitudeDeg { get; init; }
    /// <summary>Altitude in metres in <see cref="Frame"/>.</summary>
    public float Z { get; init; }
    public MissionType MissionType { get; init; } = MissionType.Mission;
}

/// <summary>MAV_MISSION_TYPE.</summary>
public enum MissionType : byte { Mission = 0, Fence = 1, Rally = 2, All = 255 }

/// <summary>MAV_FRAME values used by missions.</summary>
public enum MavFrame : byte
{
    Global = 0,
    Mission = 2,
    GlobalRelativeAlt = 3,
    GlobalInt = 5,
    GlobalRelativeAltInt = 6,
    GlobalTerrainAltInt = 11,
}

/// <summary>MAV_CMD values DxGeo plans and flies (numbers from MAVLink common.xml).</summary>
public enum MavCmd : ushort
{
    NavWaypoint = 16,
    NavLoiterUnlim = 17,
    NavReturnToLaunch = 20,
    NavLand = 21,
    NavTakeoff = 22,
    NavRoi = 80,
    ConditionYaw = 115,
    DoSetMode = 176,
    DoChangeSpeed = 178,
    DoSetHome = 179,
    DoSetRelay = 181,
    DoSetServo = 183,
    DoSetRoi = 201,
    DoDigicamControl = 203,
    DoMountControl = 205,
    DoSetCamTriggDist = 206,
    DoFenceEnable = 207,
    DoSetRoiLocation = 195,
    DoSetRoiNone = 197,
    DoGimbalManagerPitchYaw = 1000,
    ImageStartCapture = 2000,
    ImageStopCapture = 2001,
    NavFenceReturnPoint = 5000,
    NavFencePolygonVertexInclusion = 5001,
    NavFencePolygonVertexExclusion = 5002,
    NavFenceCircleInclusion = 5003,
    NavFenceCircleExclusion = 5004,
    NavRallyPoint = 5100,
    ComponentArmDisarm = 400,
    MissionStart = 300,
    SetMessageInterval = 511,
    RequestMessage = 512,
}
