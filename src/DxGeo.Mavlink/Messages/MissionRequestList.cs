using DxGeo.Mavlink.Codec;

namespace DxGeo.Mavlink.Messages;

/// <summary>MISSION_REQUEST_LIST (43): starts a download; answered by MISSION_COUNT.</summary>
public sealed record MissionRequestList : MissionListMessage, IMavlinkMessage<MissionRequestList>
{
    public static MessageSpec Definition { get; } = new("MISSION_REQUEST_LIST", 43, Fields);
    public MessageSpec Spec => Definition;

    public static MissionRequestList Read(ref PayloadReader r) => ReadInto<MissionRequestList>(ref r);
}
