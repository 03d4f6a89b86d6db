using DxGeo.Flight.Missions;
using DxGeo.Mavlink.Codec;
using static DxGeo.Mavlink.Messages.MessageSpec;

namespace DxGeo.Mavlink.Messages;

/// <summary>MISSION_COUNT (44): starts an upload, or answers a MISSION_REQUEST_LIST.</summary>
public sealed record MissionCount : IMavlinkMessage<MissionCount>
{
    public static MessageSpec Definition { get; } = new("MISSION_COUNT", 44,
        U8("target_system"), U8("target_component"), U16("count"), U8("mission_type", true), U32("opaque_id", true));
    public MessageSpec Spec => Definition;

    public byte TargetSystem { get; init; }
    public byte TargetComponent { get; init; }
    public ushort Count { get; init; }
    public MissionType MissionType { get; init; }
    public uint OpaqueId { get; init; }

    public void Write(ref PayloadWriter w)
    {
        w.U16(Count); w.U8(TargetSystem); w.U8(TargetComponent); w.U8((byte)MissionType); w.U32(OpaqueId);
    }

    public static MissionCount Read(ref PayloadReader r) => new()
    {
        Count = r.U16(), TargetSystem = r.U8(), TargetComponent = r.U8(), MissionType = (MissionType)r.U8(),
        OpaqueId = r.U32(),
    };
}
