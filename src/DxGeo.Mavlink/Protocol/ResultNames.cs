using DxGeo.Mavlink.Messages;

namespace DxGeo.Mavlink.Protocol;

/// <summary>MAV_MISSION_RESULT and MAV_RESULT codes as their MAVLink names with a plain explanation.</summary>
public static class ResultNames
{
    public static string Describe(MavMissionResult r) => r switch
    {
        MavMissionResult.Accepted => "MAV_MISSION_ACCEPTED (mission accepted)",
        MavMissionResult.Error => "MAV_MISSION_ERROR (generic error / not accepting mission commands at all right now)",
        MavMissionResult.UnsupportedFrame => "MAV_MISSION_UNSUPPORTED_FRAME (coordinate frame not supported)",
        MavMissionResult.Unsupported => "MAV_MISSION_UNSUPPORTED (command not supported)",
        MavMissionResult.NoSpace => "MAV_MISSION_NO_SPACE (mission items exceed storage space)",
        MavMissionResult.Invalid => "MAV_MISSION_INVALID (one of the parameters has an invalid value)",
        MavMissionResult.InvalidParam1 => "MAV_MISSION_INVALID_PARAM1 (param1 has an invalid value)",
        MavMissionResult.InvalidParam2 => "MAV_MISSION_INVALID_PARAM2 (param2 has an invalid value)",
        MavMissionResult.InvalidParam3 => "MAV_MISSION_INVALID_PARAM3 (param3 has an invalid value)",
        MavMissionResult.InvalidParam4 => "MAV_MISSION_INVALID_PARAM4 (param4 has an invalid value)",
        MavMissionResult.InvalidParam5X => "MAV_MISSION_INVALID_PARAM5_X (x / param5 / latitude has an invalid value)",
        MavMissionResult.InvalidParam6Y => "MAV_MISSION_INVALID_PARAM6_Y (y / param6 / longitude has an invalid value)",
        MavMissionResult.InvalidParam7 => "MAV_MISSION_INVALID_PARAM7 (z / param7 / altitude has an invalid value)",
        MavMissionResult.InvalidSequence => "MAV_MISSION_INVALID_SEQUENCE (item received out of sequence)",
        MavMissionResult.Denied => "MAV_MISSION_DENIED (not accepting any mission commands from this communication partner)",
        MavMissionResult.OperationCancelled => "MAV_MISSION_OPERATION_CANCELLED (the current mission operation was cancelled)",
        _ => $"MAV_MISSION_RESULT {(int)r} (unknown code)",
    };

    public static string Describe(MavResult r) => r switch
    {
        MavResult.Accepted => "MAV_RESULT_ACCEPTED (command accepted and executed)",
        MavResult.TemporarilyRejected => "MAV_RESULT_TEMPORARILY_REJECTED (valid but cannot be executed now; retry later)",
        MavResult.Denied => "MAV_RESULT_DENIED (invalid in the current state, e.g. pre-arm checks failing)",
        MavResult.Unsupported => "MAV_RESULT_UNSUPPORTED (command not supported by this vehicle)",
        MavResult.Failed => "MAV_RESULT_FAILED (command failed while executing)",
        MavResult.InProgress => "MAV_RESULT_IN_PROGRESS (still executing)",
        MavResult.Cancelled => "MAV_RESULT_CANCELLED (command was cancelled)",
        MavResult.CommandLongOnly => "MAV_RESULT_COMMAND_LONG_ONLY (send it as COMMAND_LONG)",
        MavResult.CommandIntOnly => "MAV_RESULT_COMMAND_INT_ONLY (send it as COMMAND_INT)",
        MavResult.CommandUnsupportedMavFrame => "MAV_RESULT_COMMAND_UNSUPPORTED_MAV_FRAME (frame not supported)",
        _ => $"MAV_RESULT {(int)r} (unknown code)",
    };
}
