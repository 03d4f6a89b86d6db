using DxGeo.Flight.Missions;
using DxGeo.Mavlink.Codec;
using static DxGeo.Mavlink.Messages.MessageSpec;

namespace DxGeo.Mavlink.Messages;

/// <summary>MISSION_REQUEST_LIST (43): starts a download; answered by MISSION_COUNT.</summary>
public sealed record MissionRequestList : IMavlinkMessage<MissionRequestList>
{
    public static MessageSpec Definition { get; } = new("MISSION_REQUEST_LIST", 43,
        U8("target_system"), U8("target_component"), U8("mission_type", true));
    public MessageSpec Spec => Definition;

    public byte TargetSystem { get; init; }
    public byte TargetComponent { get; init; }
    public MissionType MissionType { get; init; }

    public void Write(ref PayloadWriter w)
    {
        w.U8(TargetSystem); w.U8(TargetComponent); w.U8((byte)MissionType);
    }

    public static MissionRequestList Read(ref PayloadReader r) => new()
    {
        TargetSystem = r.U8(), TargetComponent = r.U8(), MissionType = (MissionType)r.U8(),
    };
}
