using DxGeo.Flight.Missions;
using DxGeo.Mavlink.Codec;
using static DxGeo.Mavlink.Messages.MessageSpec;

namespace DxGeo.Mavlink.Messages;

/// <summary>MISSION_ACK (47): ends (or cancels) a mission transaction with a MAV_MISSION_RESULT.</summary>
public sealed record MissionAck : IMavlinkMessage<MissionAck>
{
    public static MessageSpec Definition { get; } = new("MISSION_ACK", 47,
        U8("target_system"), U8("target_component"), U8("type"), U8("mission_type", true), U32("opaque_id", true));
    public MessageSpec Spec => Definition;

    public byte TargetSystem { get; init; }
    public byte TargetComponent { get; init; }
    public MavMissionResult Type { get; init; }
    public MissionType MissionType { get; init; }
    public uint OpaqueId { get; init; }

    public void Write(ref PayloadWriter w)
    {
        w.U8(TargetSystem); w.U8(TargetComponent); w.U8((byte)Type); w.U8((byte)MissionType); w.U32(OpaqueId);
    }

    public static MissionAck Read(ref PayloadReader r) => new()
    {
        TargetSystem = r.U8(), TargetComponent = r.U8(), Type = (MavMissionResult)r.U8(),
        MissionType = (MissionType)r.U8(), OpaqueId = r.U32(),
    };
}
