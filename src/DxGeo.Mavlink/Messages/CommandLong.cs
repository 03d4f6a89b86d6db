using DxGeo.Flight.Missions;
using DxGeo.Mavlink.Codec;
using static DxGeo.Mavlink.Messages.MessageSpec;

namespace DxGeo.Mavlink.Messages;

/// <summary>COMMAND_LONG (76): a MAV_CMD with seven float parameters; answered by COMMAND_ACK.</summary>
public sealed record CommandLong : IMavlinkMessage<CommandLong>
{
    public static MessageSpec Definition { get; } = new("COMMAND_LONG", 76,
        U8("target_system"), U8("target_component"), U16("command"), U8("confirmation"), F32("param1"),
        F32("param2"), F32("param3"), F32("param4"), F32("param5"), F32("param6"), F32("param7"));
    public MessageSpec Spec => Definition;

    public byte TargetSystem { get; init; }
    public byte TargetComponent { get; init; }
    public MavCmd Command { get; init; }
    /// <summary>0 for the first transmission, incremented on each retransmission.</summary>
    public byte Confirmation { get; init; }
    public float Param1 { get; init; }
    public float Param2 { get; init; }
    public float Param3 { get; init; }
    public float Param4 { get; init; }
    public float Param5 { get; init; }
    public float Param6 { get; init; }
    public float Param7 { get; init; }

    public void Write(ref PayloadWriter w)
    {
        w.F32(Param1); w.F32(Param2); w.F32(Param3); w.F32(Param4); w.F32(Param5); w.F32(Param6); w.F32(Param7);
        w.U16((ushort)Command); w.U8(TargetSystem); w.U8(TargetComponent); w.U8(Confirmation);
    }

    public static CommandLong Read(ref PayloadReader r) => new()
    {
        Param1 = r.F32(), Param2 = r.F32(), Param3 = r.F32(), Param4 = r.F32(), Param5 = r.F32(), Param6 = r.F32(),
        Param7 = r.F32(), Command = (MavCmd)r.U16(), TargetSystem = r.U8(), TargetComponent = r.U8(),
        Confirmation = r.U8(),
    };
}
