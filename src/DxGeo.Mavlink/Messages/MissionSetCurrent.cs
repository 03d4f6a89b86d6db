using DxGeo.Mavlink.Codec;
using static DxGeo.Mavlink.Messages.MessageSpec;

namespace DxGeo.Mavlink.Messages;

/// <summary>MISSION_SET_CURRENT (41): jump to item <see cref="Seq"/>; the vehicle answers with MISSION_CURRENT.</summary>
public sealed record MissionSetCurrent : IMavlinkMessage<MissionSetCurrent>
{
    public static MessageSpec Definition { get; } = new("MISSION_SET_CURRENT", 41,
        U8("target_system"), U8("target_component"), U16("seq"));
    public MessageSpec Spec => Definition;

    public byte TargetSystem { get; init; }
    public byte TargetComponent { get; init; }
    public ushort Seq { get; init; }

    public void Write(ref PayloadWriter w)
    {
        w.U16(Seq); w.U8(TargetSystem); w.U8(TargetComponent);
    }

    public static MissionSetCurrent Read(ref PayloadReader r) => new()
    {
        Seq = r.U16(), TargetSystem = r.U8(), TargetComponent = r.U8(),
    };
}
