using System.Security.Cryptography;

namespace DxGeo.Mavlink.Codec.Signing;

/// <summary>
/// Signs outgoing MAVLink 2 frames on one link: appends link id, a strictly increasing 48-bit timestamp and the
/// first 6 bytes of SHA-256(key + frame up to and including the timestamp).
/// </summary>
public sealed class MessageSigner(SigningKey key, byte linkId, TimeProvider? time = null)
{
    private readonly TimeProvider _time = time ?? TimeProvider.System;
    private readonly Lock _lock = new();
    private ulong _last;

    public byte LinkId { get; } = linkId;

    /// <summary>Now as a signing timestamp, but always above the previous one (several frames per 10 µs are common).</summary>
    public ulong NextTimestamp()
    {
        lock (_lock)
        {
            var now = SigningTime.From(_time.GetUtcNow());
            _last = Math.Max(now, _last + 1);
            return _last;
        }
    }

    /// <summary>Writes the 13-byte signature block at <paramref name="offset"/> (after the CRC) and returns 13.</summary>
    internal int AppendSignature(Span<byte> frame, int offset) => AppendSignature(key, LinkId, NextTimestamp(), frame, offset);

    internal static int AppendSignature(SigningKey key, byte linkId, ulong timestamp, Span<byte> frame, int offset)
    {
        frame[offset] = linkId;
        for (var i = 0; i < 6; i++) frame[offset + 1 + i] = (byte)(timestamp >> (8 * i));
        Span<byte> sig = stackalloc byte[6];
        Compute(key, frame[..(offset + 7)], sig);
        sig.CopyTo(frame[(offset + 7)..]);
        return MavlinkFrame.SignatureLength;
    }

    /// <summary>SHA-256(key ‖ <paramref name="signedPart"/>), first 6 bytes.</summary>
    internal static void Compute(SigningKey key, ReadOnlySpan<byte> signedPart, Span<byte> signature6)
    {
        Span<byte> input = stackalloc byte[SigningKey.Length + FrameWriter.MaxFrameLength];
        key.Bytes.CopyTo(input);
        signedPart.CopyTo(input[SigningKey.Length..]);
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(input[..(SigningKey.Length + signedPart.Length)], hash);
        hash[..6].CopyTo(signature6);
    }
}
