using DxGeo.Mavlink.Codec;
using static DxGeo.Mavlink.Messages.MessageSpec;

namespace DxGeo.Mavlink.Messages;

/// <summary>REQUEST_DATA_STREAM (66): the legacy telemetry request ArduPilot still honours.</summary>
public sealed record RequestDataStream : IMavlinkMessage<RequestDataStream>
{
    public static MessageSpec Definition { get; } = new("REQUEST_DATA_STREAM", 66,
        U8("target_system"), U8("target_component"), U8("req_stream_id"), U16("req_message_rate"), U8("start_stop"));
    public MessageSpec Spec => Definition;

    public byte TargetSystem { get; init; }
    public byte TargetComponent { get; init; }
    [MavField("req_stream_id")] public MavDataStream StreamId { get; init; }
    [MavField("req_message_rate")] public ushort MessageRateHz { get; init; }
    /// <summary>1 to start, 0 to stop.</summary>
    public byte StartStop { get; init; }

    public void Write(ref PayloadWriter w)
    {
        w.U16(MessageRateHz); w.U8(TargetSystem); w.U8(TargetComponent); w.U8((byte)StreamId); w.U8(StartStop);
    }

    public static RequestDataStream Read(ref PayloadReader r) => new()
    {
        MessageRateHz = r.U16(), TargetSystem = r.U8(), TargetComponent = r.U8(), StreamId = (MavDataStream)r.U8(),
        StartStop = r.U8(),
    };
}
