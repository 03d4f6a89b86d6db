using DxGeo.Flight.Missions;
using DxGeo.Mavlink.Codec;
using static DxGeo.Mavlink.Messages.MessageSpec;

namespace DxGeo.Mavlink.Messages;

/// <summary>COMMAND_ACK (77): the result of a COMMAND_LONG/COMMAND_INT.</summary>
public sealed record CommandAck : IMavlinkMessage<CommandAck>
{
    public static MessageSpec Definition { get; } = new("COMMAND_ACK", 77,
        U16("command"), U8("result"), U8("progress", true), I32("result_param2", true), U8("target_system", true),
        U8("target_component", true));
    public MessageSpec Spec => Definition;

    public MavCmd Command { get; init; }
    public MavResult Result { get; init; }
    /// <summary>Progress % while <see cref="MavResult.InProgress"/> (255: unknown).</summary>
    public byte Progress { get; init; }
    public int ResultParam2 { get; init; }
    public byte TargetSystem { get; init; }
    public byte TargetComponent { get; init; }

    public void Write(ref PayloadWriter w)
    {
        w.U16((ushort)Command); w.U8((byte)Result); w.U8(Progress); w.I32(ResultParam2); w.U8(TargetSystem);
        w.U8(TargetComponent);
    }

    public static CommandAck Read(ref PayloadReader r) => new()
    {
        Command = (MavCmd)r.U16(), Result = (MavResult)r.U8(), Progress = r.U8(), ResultParam2 = r.I32(),
        TargetSystem = r.U8(), TargetComponent = r.U8(),
    };
}
