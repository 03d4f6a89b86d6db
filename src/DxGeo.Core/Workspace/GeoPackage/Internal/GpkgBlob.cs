using System.Buffers.Binary;
using NetTopologySuite.Geometries;
using NetTopologySuite.IO;

namespace DxGeo.Core.Workspace.GeoPackage.Internal;

/// <summary>
/// Reads the envelope of a GeoPackage geometry blob without building the geometry: from the header envelope when
/// present (we and GDAL write one for every non-point), from the WKB coordinates for a point. This is what the R-tree
/// triggers call on every insert, so it must not allocate.
/// </summary>
internal static class GpkgBlob
{
    /// <summary>False when the blob is not a GeoPackage geometry. <paramref name="empty"/> is set for empty geometries.</summary>
    public static bool TryEnvelope(ReadOnlySpan<byte> b, out bool empty, out double minX, out double maxX, out double minY, out double maxY)
    {
        empty = false; minX = maxX = minY = maxY = double.NaN;
        if (b.Length < 8 || b[0] != (byte)'G' || b[1] != (byte)'P') return false;
        var flags = b[3];
        var littleEndian = (flags & 1) == 1;
        var envelopeKind = (flags >> 1) & 7;
        if ((flags & 0x10) != 0) { empty = true; return true; }
        var envelopeBytes = envelopeKind switch { 0 => 0, 1 => 32, 2 or 3 => 48, 4 => 64, _ => -1 };
        if (envelopeBytes < 0 || b.Length < 8 + envelopeBytes) return false;
        if (envelopeKind != 0)
        {
            minX = D(b, 8, littleEndian); maxX = D(b, 16, littleEndian);
            minY = D(b, 24, littleEndian); maxY = D(b, 32, littleEndian);
            empty = double.IsNaN(minX);
            return true;
        }
        var wkb = b[8..];
        if (wkb.Length < 5) return false;
        var wkbLittle = wkb[0] == 1;
        var type = wkbLittle ? BinaryPrimitives.ReadUInt32LittleEndian(wkb[1..]) : BinaryPrimitives.ReadUInt32BigEndian(wkb[1..]);
        if ((type & 0xFFFF) % 1000 == 1 && wkb.Length >= 21)
        {
            minX = maxX = D(wkb, 5, wkbLittle);
            minY = maxY = D(wkb, 13, wkbLittle);
            empty = double.IsNaN(minX);
            return true;
        }
        // No header envelope on a non-point (some writers): decode it. Rare, so the allocation is acceptable.
        Geometry g;
        try { g = new GeoPackageGeoReader().Read(b.ToArray()); }
        catch (Exception) { return false; }
        if (g.IsEmpty) { empty = true; return true; }
        var e = g.EnvelopeInternal;
        minX = e.MinX; maxX = e.MaxX; minY = e.MinY; maxY = e.MaxY;
        return true;
    }

    /// <summary>Rewrites the srs_id in a blob header (the NTS writer takes it from Geometry.SRID, which we do not mutate).</summary>
    public static void SetSrsId(Span<byte> b, int srsId)
    {
        if ((b[3] & 1) == 1) BinaryPrimitives.WriteInt32LittleEndian(b[4..], srsId);
        else BinaryPrimitives.WriteInt32BigEndian(b[4..], srsId);
    }

    private static double D(ReadOnlySpan<byte> b, int at, bool little) =>
        little ? BinaryPrimitives.ReadDoubleLittleEndian(b[at..]) : BinaryPrimitives.ReadDoubleBigEndian(b[at..]);
}
