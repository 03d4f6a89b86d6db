using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using DxGeo.Core.Errors;

namespace DxGeo.Ops.Triggers;

/// <summary>
/// What authenticates an alert delivery: Unix time (s), a one-time nonce and HMAC-SHA256 over
/// <c>"{timestamp}\n{nonce}\n" + body</c> with the shared secret, written <c>sha256=&lt;hex&gt;</c>.
/// Over HTTP these are the headers <c>X-DxGeo-Timestamp</c>, <c>X-DxGeo-Nonce</c>, <c>X-DxGeo-Signature</c>; for a
/// watched file, a sidecar <c>&lt;file&gt;.sig</c> with the three as <c>name: value</c> lines.
/// </summary>
public sealed record AlertSignature(long TimestampUnixS, string Nonce, string Signature)
{
    public const string TimestampHeader = "X-DxGeo-Timestamp";
    public const string NonceHeader = "X-DxGeo-Nonce";
    public const string SignatureHeader = "X-DxGeo-Signature";
    public const int MinSecretBytes = 16;

    public static AlertSignature Sign(ReadOnlySpan<byte> body, byte[] secret, DateTimeOffset now, string? nonce = null)
    {
        CheckSecret(secret);
        var ts = now.ToUnixTimeSeconds();
        var n = nonce ?? Convert.ToHexString(RandomNumberGenerator.GetBytes(16)).ToLowerInvariant();
        return new AlertSignature(ts, n, "sha256=" + Convert.ToHexString(Mac(body, secret, ts, n)).ToLowerInvariant());
    }

    /// <summary>True when <see cref="Signature"/> is the HMAC of this body (compared in constant time).</summary>
    public bool Matches(ReadOnlySpan<byte> body, byte[] secret)
    {
        CheckSecret(secret);
        if (!Signature.StartsWith("sha256=", StringComparison.OrdinalIgnoreCase)) return false;
        byte[] given;
        try { given = Convert.FromHexString(Signature.AsSpan(7)); }
        catch (FormatException) { return false; }
        return CryptographicOperations.FixedTimeEquals(given, Mac(body, secret, TimestampUnixS, Nonce));
    }

    private static byte[] Mac(ReadOnlySpan<byte> body, byte[] secret, long ts, string nonce)
    {
        using var h = IncrementalHash.CreateHMAC(HashAlgorithmName.SHA256, secret);
        h.AppendData(Encoding.UTF8.GetBytes(string.Create(CultureInfo.InvariantCulture, $"{ts}\n{nonce}\n")));
        h.AppendData(body);
        return h.GetHashAndReset();
    }

    private static void CheckSecret(byte[] secret)
    {
        if (secret.Length < MinSecretBytes) throw new DxGeoException($"the alert secret must be at least {MinSecretBytes} bytes");
    }

    /// <summary>The sidecar text (<c>&lt;file&gt;.sig</c>).</summary>
    public string ToSidecar() => string.Create(CultureInfo.InvariantCulture,
        $"{TimestampHeader}: {TimestampUnixS}\n{NonceHeader}: {Nonce}\n{SignatureHeader}: {Signature}\n");

    /// <summary>Reads the three values from headers or sidecar lines; null when any is missing (an unsigned delivery).</summary>
    public static AlertSignature? FromHeaders(Func<string, string?> header)
    {
        var ts = header(TimestampHeader);
        var nonce = header(NonceHeader);
        var sig = header(SignatureHeader);
        if (string.IsNullOrWhiteSpace(ts) || string.IsNullOrWhiteSpace(nonce) || string.IsNullOrWhiteSpace(sig)) return null;
        return long.TryParse(ts.Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var t)
            ? new AlertSignature(t, nonce.Trim(), sig.Trim()) : new AlertSignature(long.MinValue, nonce.Trim(), sig.Trim());
    }

    public static AlertSignature? FromSidecar(string text)
    {
        var d = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var line in text.Split('\n'))
            if (line.IndexOf(':') is var c and > 0) d[line[..c].Trim()] = line[(c + 1)..].Trim();
        return FromHeaders(k => d.GetValueOrDefault(k));
    }
}
