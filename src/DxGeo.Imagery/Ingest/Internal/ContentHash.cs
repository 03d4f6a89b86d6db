using System.Security.Cryptography;

namespace DxGeo.Imagery.Ingest.Internal;

/// <summary>SHA-256 of a file's bytes (lower-case hex): the photo's identity, whatever its name or folder.</summary>
internal static class ContentHash
{
    public static string Of(string path)
    {
        using var fs = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);
        return Convert.ToHexStringLower(SHA256.HashData(fs));
    }
}
