using DxGeo.Core.Errors;
using DxGeo.Flight.Missions;
using DxGeo.Mavlink.Messages;

namespace DxGeo.Mavlink.Protocol;

/// <summary>What the vehicle holds after a failed mission transaction.</summary>
public enum VehicleMissionState
{
    /// <summary>Nothing was written: the vehicle keeps its previous items.</summary>
    Unchanged,
    /// <summary>Some items were written (non-atomic autopilots such as ArduPilot): clear or re-upload before flying.</summary>
    PartiallyWritten,
    /// <summary>The vehicle acknowledged the operation (e.g. the upload) but did not report back what we sent.</summary>
    Mismatch,
    /// <summary>Reading or clearing failed: the vehicle's items were not changed by DxGeo but are not known.</summary>
    Unknown,
}

/// <summary>A mission upload/download/clear that did not complete, with the MAVLink reason and the vehicle's state.</summary>
public sealed class MissionProtocolException(string operation, MissionType type, string reason,
    MavMissionResult? result, VehicleMissionState state)
    : DxGeoException($"{operation} of the {type.ToString().ToLowerInvariant()} failed: {reason}. Vehicle: {StateText(state)}")
{
    public string Operation { get; } = operation;
    public MissionType MissionType { get; } = type;
    /// <summary>The vehicle's MISSION_ACK code, or null when it stopped answering.</summary>
    public MavMissionResult? Result { get; } = result;
    public VehicleMissionState VehicleState { get; } = state;

    private static string StateText(VehicleMissionState s) => s switch
    {
        VehicleMissionState.Unchanged => "previous items unchanged",
        VehicleMissionState.PartiallyWritten => "items partially written (this autopilot writes as it receives) - clear or re-upload before flying",
        VehicleMissionState.Mismatch => "holds items that differ from the plan - re-upload before flying",
        _ => "items not verified",
    };
}
