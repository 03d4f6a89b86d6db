using DxGeo.Flight.Missions;
using DxGeo.Mavlink.Codec;
using static DxGeo.Mavlink.Messages.MessageSpec;

namespace DxGeo.Mavlink.Messages;

/// <summary>MISSION_ITEM (39): the deprecated float-position mission item (lat/lon as float32 degrees, ~1 m rounding),
/// still sent by old autopilots in answer to MISSION_REQUEST.</summary>
public sealed record MissionItemLegacy : IMavlinkMessage<MissionItemLegacy>
{
    public static MessageSpec Definition { get; } = new("MISSION_ITEM", 39,
        U8("target_system"), U8("target_component"), U16("seq"), U8("frame"), U16("command"), U8("current"),
        U8("autocontinue"), F32("param1"), F32("param2"), F32("param3"), F32("param4"), F32("x"), F32("y"), F32("z"),
        U8("mission_type", true));
    public MessageSpec Spec => Definition;

    public byte TargetSystem { get; init; }
    public byte TargetComponent { get; init; }
    public ushort Seq { get; init; }
    public MavFrame Frame { get; init; }
    public MavCmd Command { get; init; }
    public byte Current { get; init; }
    public byte Autocontinue { get; init; }
    public float Param1 { get; init; }
    public float Param2 { get; init; }
    public float Param3 { get; init; }
    public float Param4 { get; init; }
    /// <summary>Latitude in degrees in global frames.</summary>
    public float X { get; init; }
    /// <summary>Longitude in degrees in global frames.</summary>
    public float Y { get; init; }
    public float Z { get; init; }
    public MissionType MissionType { get; init; }

    public void Write(ref PayloadWriter w)
    {
        w.F32(Param1); w.F32(Param2); w.F32(Param3); w.F32(Param4); w.F32(X); w.F32(Y); w.F32(Z); w.U16(Seq);
        w.U16((ushort)Command); w.U8(TargetSystem); w.U8(TargetComponent); w.U8((byte)Frame); w.U8(Current);
        w.U8(Autocontinue); w.U8((byte)MissionType);
    }

    public static MissionItemLegacy Read(ref PayloadReader r) => new()
    {
        Param1 = r.F32(), Param2 = r.F32(), Param3 = r.F32(), Param4 = r.F32(), X = r.F32(), Y = r.F32(), Z = r.F32(),
        Seq = r.U16(), Command = (MavCmd)r.U16(), TargetSystem = r.U8(), TargetComponent = r.U8(),
        Frame = (MavFrame)r.U8(), Current = r.U8(), Autocontinue = r.U8(), MissionType = (MissionType)r.U8(),
    };
}
