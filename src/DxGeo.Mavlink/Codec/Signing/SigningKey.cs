using System.Security.Cryptography;
using System.Text;

namespace DxGeo.Mavlink.Codec.Signing;

/// <summary>A 32-byte MAVLink 2 signing secret.</summary>
public sealed class SigningKey
{
    public const int Length = 32;
    private readonly byte[] _bytes;

    public SigningKey(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length != Length) throw new ArgumentException($"a MAVLink signing key has {Length} bytes, got {bytes.Length}");
        _bytes = bytes.ToArray();
    }

    public ReadOnlySpan<byte> Bytes => _bytes;

    /// <summary>SHA-256 of the passphrase: the key Mission Planner and QGroundControl derive from the same phrase.</summary>
    public static SigningKey FromPassphrase(string passphrase) => new(SHA256.HashData(Encoding.UTF8.GetBytes(passphrase)));

    public static SigningKey Generate() => new(RandomNumberGenerator.GetBytes(Length));

    public static SigningKey FromHex(string hex) => new(Convert.FromHexString(hex.Trim()));

    public string ToHex() => Convert.ToHexStringLower(_bytes);
}
