using System.Collections.Concurrent;
using System.IO.Compression;
using System.Security.Cryptography;

namespace DxGeo.Web.Tiles.Internal;

/// <summary>
/// Encoded tiles in memory, raw and gzipped, keyed by layer/z/x/y and the workspace's version (file times), so
/// a workspace changed by another process (an import, ogr2ogr) serves fresh tiles. Bounded: cleared when full.
/// </summary>
internal sealed class TileCache(int maxEntries)
{
    public sealed record Entry(byte[] Raw, byte[] Gzip, string ETag);

    private readonly ConcurrentDictionary<(string, int, long, long, long), Lazy<Entry>> _tiles = new();

    public Entry GetOrBuild(string layer, int z, long x, long y, long version, Func<byte[]> build)
    {
        if (_tiles.Count >= maxEntries) _tiles.Clear();
        // Lazy: concurrent requests for the same tile (a map opening) encode it once.
        var lazy = _tiles.GetOrAdd((layer, z, x, y, version), _ => new Lazy<Entry>(() => Encode(build())));
        try { return lazy.Value; }
        catch
        {
            _tiles.TryRemove((layer, z, x, y, version), out _);
            throw;
        }
    }

    private static Entry Encode(byte[] raw)
    {
        using var ms = new MemoryStream();
        using (var gz = new GZipStream(ms, CompressionLevel.Fastest, leaveOpen: true)) gz.Write(raw);
        var etag = "\"" + Convert.ToHexString(SHA256.HashData(raw), 0, 12).ToLowerInvariant() + "\"";
        return new Entry(raw, ms.ToArray(), etag);
    }

    /// <summary>A number that changes whenever the workspace file (or its WAL) is written.</summary>
    public static long WorkspaceVersion(string location)
    {
        long v = 0;
        foreach (var f in new[] { location, location + "-wal" })
            if (File.Exists(f)) v = v * 31 + File.GetLastWriteTimeUtc(f).Ticks + new FileInfo(f).Length;
        return v;
    }
}
