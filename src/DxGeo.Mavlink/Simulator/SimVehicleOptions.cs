using DxGeo.Mavlink.Protocol;

namespace DxGeo.Mavlink.Simulator;

/// <summary>How the simulated vehicle behaves. Defaults: an ArduPilot-like quadcopter at a Japanese riverside.</summary>
public sealed record SimVehicleOptions
{
    public AutopilotFlavor Flavor { get; init; } = AutopilotFlavor.ArduPilot;
    public byte SystemId { get; init; } = 1;
    public byte ComponentId { get; init; } = 1;
    public double HomeLatDeg { get; init; } = 35.6812;
    public double HomeLonDeg { get; init; } = 139.7671;
    public double HomeAltAmslM { get; init; } = 20;

    public double CruiseSpeedMps { get; init; } = 10;
    public double ClimbRateMps { get; init; } = 3;
    public double DescentRateMps { get; init; } = 1.5;
    /// <summary>Default waypoint acceptance radius when an item's param2 is 0.</summary>
    public double AcceptanceRadiusM { get; init; } = 2;
    public double RtlAltitudeM { get; init; } = 15;

    /// <summary>Simulated seconds per real second (tests fly a plan in a fraction of its real duration).</summary>
    public double TimeScale { get; init; } = 1;
    public TimeSpan TickInterval { get; init; } = TimeSpan.FromMilliseconds(50);
    /// <summary>Most simulated time one tick may advance: when the host stalls, the simulation slows down instead of
    /// jumping (which would skip telemetry past waypoints).</summary>
    public double MaxStepS { get; init; } = 0.5;
    public TimeSpan HeartbeatInterval { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>Battery drain while flying and while armed on the ground, % per simulated minute.</summary>
    public double BatteryDrainFlyingPctPerMin { get; init; } = 4;
    public double BatteryDrainIdlePctPerMin { get; init; } = 0.3;
    public double BatteryStartPct { get; init; } = 100;
    /// <summary>Arming is refused below this charge.</summary>
    public double BatteryArmMinPct { get; init; } = 25;

    /// <summary>Vehicle-side mission protocol: re-request an item after this long without it, this many times.</summary>
    public TimeSpan MissionItemRetryTimeout { get; init; } = TimeSpan.FromMilliseconds(250);
    public int MissionMaxRetries { get; init; } = 10;
    /// <summary>Storage limit per mission type (more answers MAV_MISSION_NO_SPACE).</summary>
    public int MaxMissionItems { get; init; } = 1000;

    /// <summary>GPS receiver state reported in GPS_RAW_INT; arming needs a 3D fix (ArduPilot's pre-arm check).</summary>
    public Messages.GpsFixType GpsFix { get; init; } = Messages.GpsFixType.Fix3D;
    public int Satellites { get; init; } = 14;
    /// <summary>EKF/AHRS health (SYS_STATUS AHRS bit); arming is refused while unhealthy.</summary>
    public bool EkfHealthy { get; init; } = true;

    /// <summary>Steady wind (m/s) and the direction it blows from (° true): changes ground speed along track and the
    /// battery drain in flight (drain × (1 + (wind / cruise)²)).</summary>
    public double WindMps { get; init; }
    public double WindFromDeg { get; init; }

    /// <summary>Link cut injection: after this many simulated seconds armed the vehicle neither sends nor hears anything,
    /// for <see cref="LinkCutForS"/> simulated seconds (landed or not; null: until <see cref="SimVehicle.RestoreLink"/>).</summary>
    public double? LinkCutAtS { get; init; }
    public double? LinkCutForS { get; init; }
    /// <summary>GCS failsafe (ArduPilot FS_GCS): once a ground station's HEARTBEAT has been heard, silence for this long
    /// (wall-clock) while flying switches to RTL. Null disables it.</summary>
    public TimeSpan? GcsFailsafeTimeout { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>Send telemetry before any stream request (real autopilots stay quiet apart from HEARTBEAT).</summary>
    public bool StreamWithoutRequest { get; init; }
}
