namespace DxGeo.Ops.Supervision;

/// <summary>Timing of flight supervision (wall-clock). Defaults suit a real vehicle on a telemetry radio.</summary>
public sealed record SupervisorOptions
{
    public TimeSpan ConnectTimeout { get; init; } = TimeSpan.FromSeconds(15);
    public double TelemetryRateHz { get; init; } = 4;
    /// <summary>Ground-station HEARTBEAT rate (the vehicle's GCS failsafe listens for it).</summary>
    public TimeSpan GcsHeartbeatInterval { get; init; } = TimeSpan.FromSeconds(1);
    /// <summary>No vehicle HEARTBEAT for this long in flight: lost link (RTL commanded, the vehicle's own failsafe expected).</summary>
    public TimeSpan LostLinkTimeout { get; init; } = TimeSpan.FromSeconds(5);
    /// <summary>Link still lost after this long: the run ends as failed with the last known position.</summary>
    public TimeSpan LostLinkGiveUp { get; init; } = TimeSpan.FromMinutes(10);
    public TimeSpan WeatherPollInterval { get; init; } = TimeSpan.FromSeconds(30);
    /// <summary>The whole flight, take-off to landing; null: estimated from the route (×2 + 2 min) divided by <see cref="TimeScale"/>.</summary>
    public TimeSpan? FlightTimeout { get; init; }
    /// <summary>Take-off altitude above home when the plan has no NAV_TAKEOFF.</summary>
    public double DefaultTakeoffAltitudeM { get; init; } = 30;
    public TimeSpan TrackSampleInterval { get; init; } = TimeSpan.FromMilliseconds(500);
    /// <summary>How long to wait for a fresh SYS_STATUS (fence enabled) after the fence upload before the gate reads it.</summary>
    public TimeSpan GateSettleTimeout { get; init; } = TimeSpan.FromSeconds(3);
    /// <summary>Simulated seconds per real second of the vehicle (1 for real vehicles): scales estimated flight times.</summary>
    public double TimeScale { get; init; } = 1;
}
