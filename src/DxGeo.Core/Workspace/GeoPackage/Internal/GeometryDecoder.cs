using System.Buffers.Binary;
using NetTopologySuite;
using NetTopologySuite.Geometries;
using NetTopologySuite.IO;

namespace DxGeo.Core.Workspace.GeoPackage.Internal;

/// <summary>
/// Decodes GeoPackage geometry blobs on the read path: skips the header itself and hands the WKB to a WKBReader
/// whose factory already carries the blob's srs_id (one reader per SRID, reused). About twice as fast as
/// GeoPackageGeoReader, which builds its readers per call; that one remains the fallback for unusual blobs
/// (extended geometry types). Not thread-safe: one per reader connection.
/// </summary>
internal sealed class GeometryDecoder
{
    private readonly Dictionary<int, WKBReader> _readers = new();
    private readonly GeoPackageGeoReader _fallback = new() { HandleSRID = true };

    public Geometry Read(byte[] blob)
    {
        if (blob.Length < 8 || blob[0] != (byte)'G' || blob[1] != (byte)'P')
            throw new FormatException("not a GeoPackage geometry blob (no 'GP' magic)");
        var flags = blob[3];
        if ((flags & 0x20) != 0) return _fallback.Read(blob); // extended (non-standard) geometry type
        var srid = (flags & 1) == 1 ? BinaryPrimitives.ReadInt32LittleEndian(blob.AsSpan(4)) : BinaryPrimitives.ReadInt32BigEndian(blob.AsSpan(4));
        var envelopeBytes = ((flags >> 1) & 7) switch
        {
            0 => 0,
            1 => 32,
            2 or 3 => 48,
            4 => 64,
            var k => throw new FormatException($"invalid envelope indicator {k} in geometry blob"),
        };
        var offset = 8 + envelopeBytes;
        if (blob.Length <= offset) throw new FormatException("geometry blob is shorter than its header");
        if (!_readers.TryGetValue(srid, out var reader))
            _readers[srid] = reader = new WKBReader(new NtsGeometryServices(PrecisionModel.Floating.Value, srid)) { HandleSRID = false };
        using var wkb = new MemoryStream(blob, offset, blob.Length - offset, writable: false);
        return reader.Read(wkb);
    }
}
