using System.Buffers.Binary;

namespace DxGeo.Mavlink.Codec;

/// <summary>
/// One validated frame (CRC checked) exactly as it came off the wire; header fields are read from the raw bytes.
/// MAVLink 2: STX 0xFD, len, incompat, compat, seq, sysid, compid, msgid (3 bytes LE), payload, CRC, [signature 13].
/// MAVLink 1: STX 0xFE, len, seq, sysid, compid, msgid, payload, CRC.
/// </summary>
public sealed class MavlinkFrame
{
    public const byte StxV2 = 0xFD;
    public const byte StxV1 = 0xFE;
    public const int HeaderLengthV2 = 10;
    public const int HeaderLengthV1 = 6;
    public const int SignatureLength = 13;

    public MavlinkFrame(byte[] raw) => Raw = raw;

    /// <summary>The whole frame, signature included.</summary>
    public byte[] Raw { get; }

    public int Version => Raw[0] == StxV2 ? 2 : 1;
    private int HeaderLength => Version == 2 ? HeaderLengthV2 : HeaderLengthV1;
    public int PayloadLength => Raw[1];
    public byte IncompatFlags => Version == 2 ? Raw[2] : (byte)0;
    public byte CompatFlags => Version == 2 ? Raw[3] : (byte)0;
    public byte Seq => Version == 2 ? Raw[4] : Raw[2];
    public byte SystemId => Version == 2 ? Raw[5] : Raw[3];
    public byte ComponentId => Version == 2 ? Raw[6] : Raw[4];
    public uint MessageId => Version == 2 ? (uint)(Raw[7] | Raw[8] << 8 | Raw[9] << 16) : Raw[5];

    /// <summary>The payload as sent (MAVLink 2 may have truncated trailing zeros).</summary>
    public ReadOnlySpan<byte> Payload => Raw.AsSpan(HeaderLength, PayloadLength);

    public ushort Checksum => BinaryPrimitives.ReadUInt16LittleEndian(Raw.AsSpan(HeaderLength + PayloadLength));

    public bool IsSigned => (IncompatFlags & 0x01) != 0;
    private int SignatureOffset => HeaderLength + PayloadLength + 2;
    public byte SignatureLinkId => IsSigned ? Raw[SignatureOffset] : (byte)0;

    /// <summary>Signature timestamp: 10 µs units since 2015-01-01 00:00 UTC (48 bits).</summary>
    public ulong SignatureTimestamp
    {
        get
        {
            if (!IsSigned) return 0;
            Span<byte> b = stackalloc byte[8];
            b.Clear();
            Raw.AsSpan(SignatureOffset + 1, 6).CopyTo(b);
            return BinaryPrimitives.ReadUInt64LittleEndian(b);
        }
    }

    /// <summary>The 6-byte signature (empty when unsigned).</summary>
    public ReadOnlySpan<byte> Signature => IsSigned ? Raw.AsSpan(SignatureOffset + 7, 6) : default;

    public override string ToString() =>
        $"v{Version} msg {MessageId} from {SystemId}/{ComponentId} seq {Seq} len {PayloadLength}{(IsSigned ? " signed" : "")}";
}
