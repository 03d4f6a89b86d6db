namespace DxGeo.Mavlink.Codec;

/// <summary>CRC-16/MCRF4XX (the "X.25" CRC of MAVLink): poly 0x1021 reflected, init 0xFFFF, no final XOR.</summary>
public static class Crc16
{
    public const ushort Init = 0xFFFF;

    public static ushort Accumulate(byte b, ushort crc)
    {
        var tmp = (byte)(b ^ (byte)crc);
        tmp ^= (byte)(tmp << 4);
        return (ushort)((crc >> 8) ^ (tmp << 8) ^ (tmp << 3) ^ (tmp >> 4));
    }

    public static ushort Accumulate(ReadOnlySpan<byte> data, ushort crc = Init)
    {
        foreach (var b in data) crc = Accumulate(b, crc);
        return crc;
    }

    /// <summary>The frame checksum: CRC over the header (without STX) and payload, then the message's CRC_EXTRA.</summary>
    public static ushort Frame(ReadOnlySpan<byte> headerAndPayloadWithoutStx, byte crcExtra) =>
        Accumulate(crcExtra, Accumulate(headerAndPayloadWithoutStx));
}
