using DxGeo.Flight.Missions;
using DxGeo.Mavlink.Messages;
using DxGeo.Mavlink.Protocol;
using DxGeo.Mavlink.Vehicle;

namespace DxGeo.Mavlink.Simulator;

public sealed partial class SimVehicle
{
    private void Streams(List<IMavlinkMessage> outbox, DateTime now)
    {
        foreach (var (id, interval) in _intervals)
        {
            if (_nextSend.TryGetValue(id, out var due) && now < due) continue;
            _nextSend[id] = now + interval;
            if (Single(id) is { } m) outbox.Add(m);
        }
    }

    /// <summary>One message of the given id describing the current state, or null if the simulator does not produce it.</summary>
    private IMavlinkMessage? Single(uint id) => id switch
    {
        0 => Heartbeat(),
        1 => new SysStatus
        {
            VoltageBatteryMv = (ushort)(VoltageV() * 1000), CurrentBatteryCa = (short)(_flight.InAir ? 1500 : 50),
            BatteryRemainingPct = (sbyte)Math.Round(_flight.BatteryPct), Load = 300,
            OnboardControlSensorsPresent = (uint)SensorsPresent, OnboardControlSensorsEnabled = (uint)SensorsEnabled(),
            OnboardControlSensorsHealth = (uint)SensorsHealth(),
        },
        24 => new GpsRawInt
        {
            TimeUsec = (ulong)BootMs() * 1000, FixType = _o.GpsFix, SatellitesVisible = (byte)_o.Satellites,
            Lat = MissionItemConversion.ToE7(_flight.LatDeg), Lon = MissionItemConversion.ToE7(_flight.LonDeg),
            AltMm = (int)((_o.HomeAltAmslM + _flight.AltRelM) * 1000), Eph = 70, Epv = 110,
            Vel = (ushort)(_flight.GroundSpeedMps * 100), Cog = (ushort)(_flight.HeadingDeg * 100),
        },
        30 => new Attitude { TimeBootMs = BootMs(), YawRad = (float)(_flight.HeadingDeg * Math.PI / 180) },
        33 => new GlobalPositionInt
        {
            TimeBootMs = BootMs(), Lat = MissionItemConversion.ToE7(_flight.LatDeg), Lon = MissionItemConversion.ToE7(_flight.LonDeg),
            AltMm = (int)((_o.HomeAltAmslM + _flight.AltRelM) * 1000), RelativeAltMm = (int)(_flight.AltRelM * 1000),
            Vx = (short)(_flight.VelNorthMps * 100), Vy = (short)(_flight.VelEastMps * 100), Vz = (short)(-_flight.ClimbMps * 100),
            Hdg = (ushort)(_flight.HeadingDeg * 100),
        },
        42 => MissionCurrentMessage(),
        74 => new VfrHud
        {
            AirspeedMps = (float)_flight.GroundSpeedMps, GroundspeedMps = (float)_flight.GroundSpeedMps,
            HeadingDeg = (short)_flight.HeadingDeg, ThrottlePct = (ushort)(_flight.InAir ? 45 : 0),
            AltM = (float)(_o.HomeAltAmslM + _flight.AltRelM), ClimbMps = (float)_flight.ClimbMps,
        },
        147 => new BatteryStatus
        {
            Id = 0, BatteryFunction = 1, BatteryType = 1, Temperature = 2500,
            VoltagesMv = [.. Enumerable.Repeat((ushort)(VoltageV() / 4 * 1000), 4), .. Enumerable.Repeat(ushort.MaxValue, 6)],
            CurrentBatteryCa = (short)(_flight.InAir ? 1500 : 50), CurrentConsumedMah = (int)((100 - _flight.BatteryPct) * 50),
            EnergyConsumedHj = -1, BatteryRemainingPct = (sbyte)Math.Round(_flight.BatteryPct),
        },
        242 => HomePositionMessage(),
        _ => null,
    };

    private const MavSysStatusSensor SensorsPresent = MavSysStatusSensor.Gyro3D | MavSysStatusSensor.Accel3D | MavSysStatusSensor.Mag3D
        | MavSysStatusSensor.AbsolutePressure | MavSysStatusSensor.Gps | MavSysStatusSensor.MotorOutputs | MavSysStatusSensor.Geofence
        | MavSysStatusSensor.Ahrs | MavSysStatusSensor.Battery | MavSysStatusSensor.PrearmCheck;

    // ArduPilot reports the fence as enabled once one is loaded, and PREARM_CHECK healthy when arming would pass.
    private MavSysStatusSensor SensorsEnabled() => FenceLoaded() ? SensorsPresent : SensorsPresent & ~MavSysStatusSensor.Geofence;

    private MavSysStatusSensor SensorsHealth()
    {
        var h = SensorsEnabled();
        if (_o.GpsFix < GpsFixType.Fix3D) h &= ~MavSysStatusSensor.Gps;
        if (!_o.EkfHealthy) h &= ~MavSysStatusSensor.Ahrs;
        if (_flight.BatteryPct < _o.BatteryArmMinPct) h &= ~MavSysStatusSensor.Battery;
        if (PreArmFailure() is not null) h &= ~MavSysStatusSensor.PrearmCheck;
        return h;
    }

    private bool FenceLoaded() => _missions.Items(MissionType.Fence).Count > 0;

    /// <summary>The first pre-arm check that fails (ArduPilot's wording), or null when the vehicle may arm.</summary>
    private string? PreArmFailure() =>
        _o.GpsFix < GpsFixType.Fix3D ? "PreArm: Need 3D Fix"
        : !_o.EkfHealthy ? "PreArm: EKF attitude is bad"
        : _flight.BatteryPct < _o.BatteryArmMinPct ? $"PreArm: Battery below {_o.BatteryArmMinPct:F0}%"
        : null;

    /// <summary>4S LiPo: 16.8 V full to 14.0 V empty.</summary>
    private double VoltageV() => 14.0 + 2.8 * _flight.BatteryPct / 100;

    private Heartbeat Heartbeat()
    {
        var flags = MavModeFlag.CustomModeEnabled | MavModeFlag.StabilizeEnabled;
        if (_flight.Armed) flags |= MavModeFlag.SafetyArmed;
        if (_flight.Mode is FlightMode.Auto or FlightMode.Rtl or FlightMode.Land) flags |= MavModeFlag.AutoEnabled | MavModeFlag.GuidedEnabled;
        if (_flight.Mode == FlightMode.Guided) flags |= MavModeFlag.GuidedEnabled;
        return new Heartbeat
        {
            Type = MavVehicleType.Quadrotor,
            Autopilot = _o.Flavor == AutopilotFlavor.Px4 ? MavAutopilot.Px4 : MavAutopilot.ArduPilotMega,
            BaseMode = flags, CustomMode = FlightModes.ToCustomMode(_o.Flavor, _flight.Mode),
            SystemStatus = _flight.Armed ? MavState.Active : MavState.Standby,
        };
    }

    private MissionCurrent MissionCurrentMessage()
    {
        var total = _missions.Items(MissionType.Mission).Count;
        return new MissionCurrent
        {
            Seq = (ushort)Math.Min(_flight.CurrentSeq, Math.Max(0, total - 1)), Total = (ushort)total,
            MissionState = total <= (_o.Flavor == AutopilotFlavor.ArduPilot ? 1 : 0) ? MissionState.NoMission
                : _flight.MissionComplete ? MissionState.Complete
                : _flight.Mode == FlightMode.Auto ? MissionState.Active : MissionState.NotStarted,
        };
    }

    private HomePosition HomePositionMessage() => new()
    {
        Latitude = MissionItemConversion.ToE7(_o.HomeLatDeg), Longitude = MissionItemConversion.ToE7(_o.HomeLonDeg),
        AltitudeMm = (int)(_o.HomeAltAmslM * 1000),
    };
}
