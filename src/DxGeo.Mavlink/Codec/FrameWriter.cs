using DxGeo.Mavlink.Codec.Signing;
using DxGeo.Mavlink.Messages;

namespace DxGeo.Mavlink.Codec;

/// <summary>
/// Encodes messages as MAVLink 2 frames from one system/component, numbering them, truncating trailing zero bytes
/// of the payload (keeping at least one, as the C library does) and signing them when a signer is set.
/// </summary>
public sealed class FrameWriter(byte systemId, byte componentId)
{
    /// <summary>The longest possible frame: header 10 + payload 255 + CRC 2 + signature 13.</summary>
    public const int MaxFrameLength = 280;

    private int _seq = -1;

    public byte SystemId { get; } = systemId;
    public byte ComponentId { get; } = componentId;
    /// <summary>When set, every frame is signed (incompat flag 0x01 and a 13-byte signature block).</summary>
    public MessageSigner? Signer { get; set; }

    public byte[] Encode(IMavlinkMessage message)
    {
        Span<byte> buf = stackalloc byte[MaxFrameLength];
        return buf[..Write(message, buf)].ToArray();
    }

    /// <summary>Writes the next frame into <paramref name="dest"/> (at least <see cref="MaxFrameLength"/> bytes) and returns its length.</summary>
    public int Write(IMavlinkMessage message, Span<byte> dest)
    {
        var seq = (byte)Interlocked.Increment(ref _seq);
        return WriteFrame(message, seq, SystemId, ComponentId, dest, Signer);
    }

    public static int WriteFrame(IMavlinkMessage message, byte seq, byte systemId, byte componentId, Span<byte> dest,
        MessageSigner? signer = null)
    {
        var spec = message.Spec;
        var payload = dest.Slice(MavlinkFrame.HeaderLengthV2, spec.MaxLength);
        payload.Clear();
        var w = new PayloadWriter(payload);
        message.Write(ref w);
        if (w.Length != spec.MaxLength)
            throw new InvalidOperationException($"{spec.Name} wrote {w.Length} bytes, its layout has {spec.MaxLength}");
        var len = spec.MaxLength;
        while (len > 1 && payload[len - 1] == 0) len--;

        dest[0] = MavlinkFrame.StxV2;
        dest[1] = (byte)len;
        dest[2] = signer is null ? (byte)0 : (byte)IncompatFlags.Signed;
        dest[3] = 0;
        dest[4] = seq;
        dest[5] = systemId;
        dest[6] = componentId;
        dest[7] = (byte)spec.Id;
        dest[8] = (byte)(spec.Id >> 8);
        dest[9] = (byte)(spec.Id >> 16);
        var end = MavlinkFrame.HeaderLengthV2 + len;
        var crc = Crc16.Frame(dest[1..end], spec.CrcExtra);
        dest[end] = (byte)crc;
        dest[end + 1] = (byte)(crc >> 8);
        end += 2;
        if (signer is not null) end += signer.AppendSignature(dest, end);
        return end;
    }
}
