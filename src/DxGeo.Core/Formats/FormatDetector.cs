using System.Buffers.Binary;
using DxGeo.Core.Errors;

namespace DxGeo.Core.Formats;

/// <summary>
/// Decides a file's format from its extension AND its first bytes, so that a file that is not what its name says
/// (a PNG renamed .geojson, JSON renamed .shp, a truncated GeoPackage) fails with a message saying what it really is,
/// instead of a parser error deep inside a reader.
/// </summary>
public static class FormatDetector
{
    private const int SampleBytes = 4096;

    /// <summary>The format an extension promises, or null for an unknown extension.</summary>
    public static FormatKind? FromExtension(string path) => Path.GetExtension(path).ToLowerInvariant() switch
    {
        ".geojson" or ".json" => FormatKind.GeoJson,
        ".shp" => FormatKind.Shapefile,
        ".csv" or ".tsv" or ".txt" => FormatKind.Csv,
        ".gpkg" => FormatKind.GeoPackage,
        _ => null,
    };

    /// <summary>Checks that <paramref name="path"/> exists, is readable and its content matches its extension; returns the format.</summary>
    public static FormatKind Detect(string path)
    {
        if (Directory.Exists(path))
            throw new InputDataException("is a folder, not a file (give the .shp, .geojson, .csv or .gpkg file itself)", path);
        if (!File.Exists(path)) throw new InputDataException("file not found", path);
        var expected = FromExtension(path)
            ?? throw new InputDataException($"unknown file extension '{Path.GetExtension(path)}' (supported: .geojson/.json, .shp, .csv/.tsv/.txt, .gpkg)", path);
        byte[] head;
        long length;
        try
        {
            using var s = File.OpenRead(path);
            length = s.Length;
            head = new byte[Math.Min(SampleBytes, length)];
            s.ReadExactly(head);
        }
        catch (IOException e) { throw new InputDataException($"cannot read the file: {e.Message}", path, inner: e); }
        catch (UnauthorizedAccessException e) { throw new InputDataException($"cannot read the file: {e.Message}", path, inner: e); }

        if (length == 0 || (length == head.Length && FirstNonSpace(SkipBom(head)) < 0))
            throw new InputDataException("file is empty", path);
        var actual = Sniff(head);
        if (actual.Kind != expected)
            throw new InputDataException(
                $"has the extension {Path.GetExtension(path)} ({Describe(expected)}) but its content looks like {actual.Description}", path);
        CheckComplete(path, expected, head, length);
        return expected;
    }

    /// <summary>What the first bytes look like: a format we read, or a description of something else.</summary>
    public static (FormatKind? Kind, string Description) Sniff(ReadOnlySpan<byte> head)
    {
        if (head.StartsWith("SQLite format 3\0"u8)) return (FormatKind.GeoPackage, "an SQLite database (GeoPackage)");
        if (head.Length >= 4 && BinaryPrimitives.ReadInt32BigEndian(head) == 9994) return (FormatKind.Shapefile, "an Esri shapefile (.shp)");
        if (head.StartsWith((ReadOnlySpan<byte>)[0x89, 0x50, 0x4E, 0x47])) return (null, "a PNG image");
        if (head.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xD8, 0xFF])) return (null, "a JPEG image");
        if (head.StartsWith("GIF8"u8)) return (null, "a GIF image");
        if (head.StartsWith("II*\0"u8) || head.StartsWith("MM\0*"u8)) return (null, "a TIFF image (raster, not vector features)");
        if (head.StartsWith("%PDF"u8)) return (null, "a PDF document");
        if (head.StartsWith("PK\x03\x04"u8)) return (null, "a ZIP archive (unzip it and import the file inside)");
        if (head.StartsWith((ReadOnlySpan<byte>)[0x1F, 0x8B])) return (null, "a gzip archive (decompress it first)");
        if (head.Length >= 33 && head[0] is 0x03 or 0x83 or 0x8B or 0xF5 && LooksLikeDbf(head))
            return (null, "a dBASE table (.dbf): import the .shp next to it");
        var text = SkipBom(head);
        if (text.IndexOf((byte)0) >= 0) return (null, "binary data of an unknown kind");
        var first = FirstNonSpace(text);
        if (first is '{' or '[') return (FormatKind.GeoJson, "JSON text");
        if (first is '<') return (null, "XML/HTML text (KML or GML are not supported: convert with ogr2ogr)");
        return (FormatKind.Csv, "plain text (CSV)");
    }

    private static bool LooksLikeDbf(ReadOnlySpan<byte> h)
    {
        // dBASE: version byte, YY MM DD, record count, header length (LE) and a field descriptor array ending in 0x0D.
        var headerLen = BinaryPrimitives.ReadUInt16LittleEndian(h[8..]);
        return h[2] is >= 1 and <= 12 && h[3] is >= 1 and <= 31 && headerLen >= 33 && headerLen <= h.Length && h[headerLen - 1] == 0x0D;
    }

    private static ReadOnlySpan<byte> SkipBom(ReadOnlySpan<byte> s) => s.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]) ? s[3..] : s;

    /// <summary>The first byte that is not ASCII white space, or -1 when there is none.</summary>
    private static int FirstNonSpace(ReadOnlySpan<byte> s)
    {
        foreach (var b in s)
            if (b is not ((byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n')) return b;
        return -1;
    }

    private static string Describe(FormatKind k) => k switch
    {
        FormatKind.GeoJson => "GeoJSON", FormatKind.Shapefile => "Esri shapefile", FormatKind.Csv => "CSV text",
        _ => "GeoPackage",
    };

    /// <summary>Binary formats state their own length in the header: a shorter file was cut off (an interrupted copy or download).</summary>
    private static void CheckComplete(string path, FormatKind kind, ReadOnlySpan<byte> head, long length)
    {
        if (kind == FormatKind.Shapefile && head.Length < 100)
            throw new InputDataException($"the shapefile is truncated: only {length} bytes, shorter than its 100-byte header", path);
        if (kind == FormatKind.Shapefile)
        {
            var declared = 2L * BinaryPrimitives.ReadInt32BigEndian(head[24..]); // in 16-bit words
            if (declared > length)
                throw new InputDataException($"the shapefile is truncated: its header says {declared:N0} bytes, the file has {length:N0}", path);
        }
        if (kind == FormatKind.GeoPackage && head.Length >= 100)
        {
            int pageSize = BinaryPrimitives.ReadUInt16BigEndian(head[16..]);
            if (pageSize == 1) pageSize = 65536;
            var pages = BinaryPrimitives.ReadUInt32BigEndian(head[28..]);
            // The in-header page count is only valid when "version-valid-for" equals the change counter.
            var valid = BinaryPrimitives.ReadUInt32BigEndian(head[92..]) == BinaryPrimitives.ReadUInt32BigEndian(head[24..]);
            if (valid && pages > 0 && (long)pageSize * pages > length)
                throw new InputDataException(
                    $"the GeoPackage is truncated or damaged: its header says {(long)pageSize * pages:N0} bytes, the file has {length:N0}", path);
            if (length % pageSize != 0)
                throw new InputDataException($"the GeoPackage is truncated or damaged: {length:N0} bytes is not a whole number of {pageSize}-byte pages", path);
        }
        else if (kind == FormatKind.GeoPackage)
            throw new InputDataException($"the GeoPackage is truncated: only {length} bytes", path);
    }
}
