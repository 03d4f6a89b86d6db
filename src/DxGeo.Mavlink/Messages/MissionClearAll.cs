using DxGeo.Mavlink.Codec;

namespace DxGeo.Mavlink.Messages;

/// <summary>MISSION_CLEAR_ALL (45): deletes all items of one mission type; answered by MISSION_ACK.</summary>
public sealed record MissionClearAll : MissionListMessage, IMavlinkMessage<MissionClearAll>
{
    public static MessageSpec Definition { get; } = new("MISSION_CLEAR_ALL", 45, Fields);
    public MessageSpec Spec => Definition;

    public static MissionClearAll Read(ref PayloadReader r) => ReadInto<MissionClearAll>(ref r);
}
