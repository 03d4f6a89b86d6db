using DxGeo.Mavlink.Codec;
using static DxGeo.Mavlink.Messages.MessageSpec;

namespace DxGeo.Mavlink.Messages;

/// <summary>MISSION_ITEM_REACHED (46): the vehicle reached item <see cref="Seq"/>.</summary>
public sealed record MissionItemReached : IMavlinkMessage<MissionItemReached>
{
    public static MessageSpec Definition { get; } = new("MISSION_ITEM_REACHED", 46, U16("seq"));
    public MessageSpec Spec => Definition;

    public ushort Seq { get; init; }

    public void Write(ref PayloadWriter w) => w.U16(Seq);

    public static MissionItemReached Read(ref PayloadReader r) => new() { Seq = r.U16() };
}
