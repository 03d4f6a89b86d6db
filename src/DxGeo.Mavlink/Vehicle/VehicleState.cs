using DxGeo.Mavlink.Messages;
using DxGeo.Mavlink.Protocol;

namespace DxGeo.Mavlink.Vehicle;

/// <summary>What the ground station knows of a vehicle from its telemetry (an immutable snapshot).</summary>
public sealed record VehicleState
{
    public byte SystemId { get; init; }
    public AutopilotFlavor Flavor { get; init; }
    public MavVehicleType VehicleType { get; init; }
    public bool Armed { get; init; }
    public FlightMode Mode { get; init; }
    public uint CustomMode { get; init; }
    public MavState SystemStatus { get; init; }
    public DateTimeOffset? LastHeartbeatUtc { get; init; }

    public double? LatitudeDeg { get; init; }
    public double? LongitudeDeg { get; init; }
    public double? AltitudeAmslM { get; init; }
    /// <summary>Altitude above home.</summary>
    public double? AltitudeRelM { get; init; }
    public double? HeadingDeg { get; init; }
    public double? GroundSpeedMps { get; init; }
    public double? ClimbRateMps { get; init; }
    public DateTimeOffset? LastPositionUtc { get; init; }

    public GpsFixType GpsFix { get; init; }
    public int Satellites { get; init; }

    public double? BatteryPct { get; init; }
    /// <summary>SYS_STATUS sensor bits (present, enabled, healthy); all zero until the first SYS_STATUS.</summary>
    public MavSysStatusSensor SensorsPresent { get; init; }
    public MavSysStatusSensor SensorsEnabled { get; init; }
    public MavSysStatusSensor SensorsHealth { get; init; }
    public bool HasSysStatus { get; init; }
    public double? BatteryVoltageV { get; init; }

    public int MissionSeq { get; init; }
    public int MissionTotal { get; init; }
    public MissionState MissionState { get; init; }
    /// <summary>Highest item reported by MISSION_ITEM_REACHED (-1: none yet).</summary>
    public int LastReachedSeq { get; init; } = -1;
    public int ReachedCount { get; init; }

    public double? HomeLatitudeDeg { get; init; }
    public double? HomeLongitudeDeg { get; init; }
    public double? HomeAltitudeAmslM { get; init; }

    public int ImagesCaptured { get; init; }
    public string? LastStatusText { get; init; }

    /// <summary>On the ground (or no altitude yet): relative altitude under half a metre.</summary>
    public bool Landed => AltitudeRelM is null or < 0.5;
}
