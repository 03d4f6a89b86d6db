namespace DxGeo.Mavlink.Messages;

/// <summary>MAV_AUTOPILOT (the values DxGeo tells apart).</summary>
public enum MavAutopilot : byte { Generic = 0, ArduPilotMega = 3, Invalid = 8, Px4 = 12 }

/// <summary>MAV_TYPE (vehicle kinds DxGeo meets).</summary>
public enum MavVehicleType : byte
{
    Generic = 0, FixedWing = 1, Quadrotor = 2, Coaxial = 3, Helicopter = 4, Gcs = 6, GroundRover = 10,
    Hexarotor = 13, Octorotor = 14, Tricopter = 15, Camera = 30,
}

/// <summary>MAV_STATE.</summary>
public enum MavState : byte
{
    Uninit = 0, Boot = 1, Calibrating = 2, Standby = 3, Active = 4, Critical = 5, Emergency = 6, Poweroff = 7,
    FlightTermination = 8,
}

/// <summary>MAV_MODE_FLAG bits of HEARTBEAT.base_mode.</summary>
[Flags]
public enum MavModeFlag : byte
{
    None = 0, CustomModeEnabled = 1, TestEnabled = 2, AutoEnabled = 4, GuidedEnabled = 8, StabilizeEnabled = 16,
    HilEnabled = 32, ManualInputEnabled = 64, SafetyArmed = 128,
}

/// <summary>MAV_MISSION_RESULT: the outcome a MISSION_ACK reports.</summary>
public enum MavMissionResult : byte
{
    Accepted = 0, Error = 1, UnsupportedFrame = 2, Unsupported = 3, NoSpace = 4, Invalid = 5,
    InvalidParam1 = 6, InvalidParam2 = 7, InvalidParam3 = 8, InvalidParam4 = 9, InvalidParam5X = 10,
    InvalidParam6Y = 11, InvalidParam7 = 12, InvalidSequence = 13, Denied = 14, OperationCancelled = 15,
}

/// <summary>MAV_RESULT: the outcome a COMMAND_ACK reports.</summary>
public enum MavResult : byte
{
    Accepted = 0, TemporarilyRejected = 1, Denied = 2, Unsupported = 3, Failed = 4, InProgress = 5,
    Cancelled = 6, CommandLongOnly = 7, CommandIntOnly = 8, CommandUnsupportedMavFrame = 9,
}

/// <summary>GPS_FIX_TYPE.</summary>
public enum GpsFixType : byte
{
    NoGps = 0, NoFix = 1, Fix2D = 2, Fix3D = 3, Dgps = 4, RtkFloat = 5, RtkFixed = 6, Static = 7, Ppp = 8,
}

/// <summary>MAV_SEVERITY of STATUSTEXT.</summary>
public enum MavSeverity : byte { Emergency = 0, Alert = 1, Critical = 2, Error = 3, Warning = 4, Notice = 5, Info = 6, Debug = 7 }

/// <summary>MAV_DATA_STREAM groups of the legacy REQUEST_DATA_STREAM (ArduPilot still honours them).</summary>
public enum MavDataStream : byte
{
    All = 0, RawSensors = 1, ExtendedStatus = 2, RcChannels = 3, RawController = 4, Position = 6,
    Extra1 = 10, Extra2 = 11, Extra3 = 12,
}

/// <summary>MISSION_STATE of MISSION_CURRENT.</summary>
public enum MissionState : byte { Unknown = 0, NoMission = 1, NotStarted = 2, Active = 3, Paused = 4, Complete = 5 }

/// <summary>MAVLINK_IFLAG_*: incompatibility flags; a frame with any other bit set must be dropped.</summary>
[Flags]
public enum IncompatFlags : byte { None = 0, Signed = 1 }

/// <summary>MAV_SYS_STATUS_SENSOR bits of SYS_STATUS present/enabled/health (the ones DxGeo reads).</summary>
[Flags]
public enum MavSysStatusSensor : uint
{
    None = 0, Gyro3D = 1, Accel3D = 2, Mag3D = 4, AbsolutePressure = 8, Gps = 32, MotorOutputs = 0x8000,
    Geofence = 0x100000, Ahrs = 0x200000, Battery = 0x2000000, PrearmCheck = 0x10000000,
}
