using DxGeo.Flight.Missions;
using DxGeo.Mavlink.Codec;
using static DxGeo.Mavlink.Messages.MessageSpec;

namespace DxGeo.Mavlink.Messages;

/// <summary>MISSION_REQUEST_INT (51): asks for one item as MISSION_ITEM_INT.</summary>
public sealed record MissionRequestInt : IMavlinkMessage<MissionRequestInt>
{
    public static MessageSpec Definition { get; } = new("MISSION_REQUEST_INT", 51,
        U8("target_system"), U8("target_component"), U16("seq"), U8("mission_type", true));
    public MessageSpec Spec => Definition;

    public byte TargetSystem { get; init; }
    public byte TargetComponent { get; init; }
    public ushort Seq { get; init; }
    public MissionType MissionType { get; init; }

    public void Write(ref PayloadWriter w)
    {
        w.U16(Seq); w.U8(TargetSystem); w.U8(TargetComponent); w.U8((byte)MissionType);
    }

    public static MissionRequestInt Read(ref PayloadReader r) => new()
    {
        Seq = r.U16(), TargetSystem = r.U8(), TargetComponent = r.U8(), MissionType = (MissionType)r.U8(),
    };
}
