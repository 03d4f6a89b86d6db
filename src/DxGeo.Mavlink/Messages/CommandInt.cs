using DxGeo.Flight.Missions;
using DxGeo.Mavlink.Codec;
using static DxGeo.Mavlink.Messages.MessageSpec;

namespace DxGeo.Mavlink.Messages;

/// <summary>COMMAND_INT (75): a MAV_CMD whose position travels as degE7 integers in a frame; answered by COMMAND_ACK.</summary>
public sealed record CommandInt : IMavlinkMessage<CommandInt>
{
    public static MessageSpec Definition { get; } = new("COMMAND_INT", 75,
        U8("target_system"), U8("target_component"), U8("frame"), U16("command"), U8("current"), U8("autocontinue"),
        F32("param1"), F32("param2"), F32("param3"), F32("param4"), I32("x"), I32("y"), F32("z"));
    public MessageSpec Spec => Definition;

    public byte TargetSystem { get; init; }
    public byte TargetComponent { get; init; }
    public MavFrame Frame { get; init; }
    public MavCmd Command { get; init; }
    public byte Current { get; init; }
    public byte Autocontinue { get; init; }
    public float Param1 { get; init; }
    public float Param2 { get; init; }
    public float Param3 { get; init; }
    public float Param4 { get; init; }
    /// <summary>Latitude degE7 (or local x).</summary>
    public int X { get; init; }
    /// <summary>Longitude degE7 (or local y).</summary>
    public int Y { get; init; }
    public float Z { get; init; }

    public void Write(ref PayloadWriter w)
    {
        w.F32(Param1); w.F32(Param2); w.F32(Param3); w.F32(Param4); w.I32(X); w.I32(Y); w.F32(Z);
        w.U16((ushort)Command); w.U8(TargetSystem); w.U8(TargetComponent); w.U8((byte)Frame); w.U8(Current);
        w.U8(Autocontinue);
    }

    public static CommandInt Read(ref PayloadReader r) => new()
    {
        Param1 = r.F32(), Param2 = r.F32(), Param3 = r.F32(), Param4 = r.F32(), X = r.I32(), Y = r.I32(), Z = r.F32(),
        Command = (MavCmd)r.U16(), TargetSystem = r.U8(), TargetComponent = r.U8(), Frame = (MavFrame)r.U8(),
        Current = r.U8(), Autocontinue = r.U8(),
    };
}
