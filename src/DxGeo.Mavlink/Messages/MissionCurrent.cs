using DxGeo.Mavlink.Codec;
using static DxGeo.Mavlink.Messages.MessageSpec;

namespace DxGeo.Mavlink.Messages;

/// <summary>MISSION_CURRENT (42): the item the vehicle is flying to, and the mission's state.</summary>
public sealed record MissionCurrent : IMavlinkMessage<MissionCurrent>
{
    public static MessageSpec Definition { get; } = new("MISSION_CURRENT", 42,
        U16("seq"), U16("total", true), U8("mission_state", true), U8("mission_mode", true), U32("mission_id", true),
        U32("fence_id", true), U32("rally_points_id", true));
    public MessageSpec Spec => Definition;

    public ushort Seq { get; init; }
    /// <summary>Number of mission items (UINT16_MAX: unknown).</summary>
    public ushort Total { get; init; }
    public MissionState MissionState { get; init; }
    public byte MissionMode { get; init; }
    public uint MissionId { get; init; }
    public uint FenceId { get; init; }
    public uint RallyPointsId { get; init; }

    public void Write(ref PayloadWriter w)
    {
        w.U16(Seq); w.U16(Total); w.U8((byte)MissionState); w.U8(MissionMode); w.U32(MissionId); w.U32(FenceId);
        w.U32(RallyPointsId);
    }

    public static MissionCurrent Read(ref PayloadReader r) => new()
    {
        Seq = r.U16(), Total = r.U16(), MissionState = (MissionState)r.U8(), MissionMode = r.U8(),
        MissionId = r.U32(), FenceId = r.U32(), RallyPointsId = r.U32(),
    };
}
