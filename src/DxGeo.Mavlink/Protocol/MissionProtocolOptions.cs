namespace DxGeo.Mavlink.Protocol;

/// <summary>Which autopilot family is on the other end (from HEARTBEAT.autopilot): their mission protocols differ.</summary>
public enum AutopilotFlavor
{
    Generic,
    /// <summary>Item 0 of the mission is home; uploads are written as they arrive; requests may use MISSION_REQUEST (40).</summary>
    ArduPilot,
    /// <summary>Uploads are atomic; MISSION_REQUEST_INT.</summary>
    Px4,
}

/// <summary>
/// Timeouts and retries of the mission protocol. Defaults are QGroundControl's: 1.5 s for an acknowledgement,
/// 250 ms before re-requesting an item, 5 retries. Tests over an in-memory link use much shorter times.
/// </summary>
public sealed record MissionProtocolOptions
{
    public TimeSpan AckTimeout { get; init; } = TimeSpan.FromMilliseconds(1500);
    public TimeSpan ItemTimeout { get; init; } = TimeSpan.FromMilliseconds(250);
    /// <summary>Consecutive unanswered attempts before giving up (progress resets the count).</summary>
    public int MaxRetries { get; init; } = 5;
    /// <summary>Download after upload and compare (ArduPilot's upload is not atomic and rounds values).</summary>
    public bool VerifyAfterUpload { get; init; } = true;
    /// <summary>Answer MISSION_REQUEST (40) with the legacy float MISSION_ITEM instead of MISSION_ITEM_INT
    /// (current ArduPilot asks with 40 yet expects MISSION_ITEM_INT, so this is off by default).</summary>
    public bool AnswerLegacyRequestsWithLegacyItems { get; init; }
    public double PositionToleranceDeg { get; init; } = 2e-7;
    /// <summary>ArduPilot stores altitudes in centimetres.</summary>
    public double AltitudeToleranceM { get; init; } = 0.011;
    /// <summary>Absolute or relative tolerance on param1–4 (autopilots store some in smaller types).</summary>
    public double ParamTolerance { get; init; } = 1e-3;

    public static MissionProtocolOptions Default { get; } = new();
}
