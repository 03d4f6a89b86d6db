using DxGeo.Mavlink.Codec;

namespace DxGeo.Mavlink.Messages;

/// <summary>MISSION_REQUEST (40): asks for one item; deprecated, yet current ArduPilot uses it during upload and still expects MISSION_ITEM_INT.</summary>
public sealed record MissionRequest : MissionItemRequestMessage, IMavlinkMessage<MissionRequest>
{
    public static MessageSpec Definition { get; } = new("MISSION_REQUEST", 40, Fields);
    public MessageSpec Spec => Definition;

    public static MissionRequest Read(ref PayloadReader r) => ReadInto<MissionRequest>(ref r);
}
