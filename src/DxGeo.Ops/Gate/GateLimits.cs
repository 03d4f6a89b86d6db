using DxGeo.Mavlink.Messages;

namespace DxGeo.Ops.Gate;

/// <summary>The go/no-go limits of one standing mission. Defaults suit a small multicopter with a loudspeaker.</summary>
public sealed record GateLimits
{
    public double MaxWindMps { get; init; } = 10;
    public double MaxGustMps { get; init; } = 15;
    public double MaxPrecipitationMmPerH { get; init; } = 10;
    /// <summary>An observation older than this is no answer.</summary>
    public TimeSpan MaxObservationAge { get; init; } = TimeSpan.FromMinutes(30);
    public double MinBatteryPct { get; init; } = 80;
    public GpsFixType MinGpsFix { get; init; } = GpsFixType.Fix3D;
    public int MinSatellites { get; init; } = 8;
    public bool RequireEkfHealthy { get; init; } = true;
    public bool RequireGeofence { get; init; } = true;
    /// <summary>In flight: wind above this (default: <see cref="MaxWindMps"/>) turns the vehicle home.</summary>
    public double? InFlightMaxWindMps { get; init; }
}
