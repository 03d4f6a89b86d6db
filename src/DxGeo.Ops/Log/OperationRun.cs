using DxGeo.Mavlink.FlightLog;

namespace DxGeo.Ops.Log;

public enum OperationResult
{
    /// <summary>Flew the plan and came back (landed, disarmed).</summary>
    Completed,
    /// <summary>The gate said no-go: nothing was armed.</summary>
    GateRefused,
    /// <summary>A failsafe (lost link, battery reserve, wind) sent it home early; it landed.</summary>
    ReturnedEarly,
    /// <summary>Something failed (link, command refused, timeout); the reason says what and where the vehicle was last seen.</summary>
    Failed,
}

/// <summary>One launch of a standing mission by a trigger, with everything that happened (the operation log).</summary>
public sealed record OperationRun
{
    public required string RunId { get; init; }
    public required string MissionName { get; init; }
    public required string AlertId { get; init; }
    public string AlertSummary { get; init; } = "";
    public string TriggerSource { get; init; } = "";
    public string VehicleLink { get; init; } = "";
    public byte VehicleSystemId { get; init; }
    /// <summary>The mission's launch point: where entries without a vehicle position (trigger, gate) are placed.</summary>
    public double LaunchLonDeg { get; init; }
    public double LaunchLatDeg { get; init; }
    public DateTimeOffset AlertReceivedUtc { get; init; }
    public DateTimeOffset StartedUtc { get; init; }
    public DateTimeOffset EndedUtc { get; init; }
    public OperationResult Result { get; init; }
    public string ResultReason { get; init; } = "";
    /// <summary>flight_tracks.flight_id of the recorded track (null when nothing flew).</summary>
    public string? FlightId { get; init; }
    public FlightRecord? Flight { get; init; }
    public IReadOnlyList<OperationEvent> Events { get; init; } = [];
    /// <summary>From alert received to motors armed / to take-off altitude reached, seconds (null when not reached).</summary>
    public double? AlertToArmedS { get; init; }
    public double? AlertToTakeoffS { get; init; }
    public IReadOnlyList<string> Failsafes { get; init; } = [];

    /// <summary>A new run id: UTC time, mission and vehicle (sortable, unique per mission and start second).</summary>
    public static string NewId(DateTimeOffset at, string mission) => $"OP{at.UtcDateTime:yyyyMMdd'T'HHmmssfff'Z'}-{mission}";
}
