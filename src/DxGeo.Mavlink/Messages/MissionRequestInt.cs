using DxGeo.Mavlink.Codec;

namespace DxGeo.Mavlink.Messages;

/// <summary>MISSION_REQUEST_INT (51): asks for one item as MISSION_ITEM_INT.</summary>
public sealed record MissionRequestInt : MissionItemRequestMessage, IMavlinkMessage<MissionRequestInt>
{
    public static MessageSpec Definition { get; } = new("MISSION_REQUEST_INT", 51, Fields);
    public MessageSpec Spec => Definition;

    public static MissionRequestInt Read(ref PayloadReader r) => ReadInto<MissionRequestInt>(ref r);
}
