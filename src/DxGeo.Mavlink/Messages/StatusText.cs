using DxGeo.Mavlink.Codec;
using static DxGeo.Mavlink.Messages.MessageSpec;

namespace DxGeo.Mavlink.Messages;

/// <summary>STATUSTEXT (253): a human-readable message from the vehicle (pre-arm failures, mission events).</summary>
public sealed record StatusText : IMavlinkMessage<StatusText>
{
    public const int TextLength = 50;

    public static MessageSpec Definition { get; } = new("STATUSTEXT", 253,
        U8("severity"), Arr("text", WireType.Char, TextLength), U16("id", true), U8("chunk_seq", true));
    public MessageSpec Spec => Definition;

    public MavSeverity Severity { get; init; }
    public string Text { get; init; } = "";
    public ushort Id { get; init; }
    public byte ChunkSeq { get; init; }

    public void Write(ref PayloadWriter w)
    {
        w.U8((byte)Severity); w.Chars(Text, TextLength); w.U16(Id); w.U8(ChunkSeq);
    }

    public static StatusText Read(ref PayloadReader r) => new()
    {
        Severity = (MavSeverity)r.U8(), Text = r.Chars(TextLength), Id = r.U16(), ChunkSeq = r.U8(),
    };
}
