using System.Buffers.Binary;
using DxGeo.Core.Errors;

namespace DxGeo.Core.Workspace.GeoPackage.Internal;

/// <summary>
/// Checks a file's SQLite header before SQLite touches it, so a text file, a truncated copy or another SQLite
/// database gets a clear error and is never modified (SQLite itself would only fail at the first query, or worse,
/// start writing to it).
/// </summary>
internal static class FileCheck
{
    private static ReadOnlySpan<byte> Magic => "SQLite format 3\0"u8;

    public static void RequireGeoPackage(string path)
    {
        if (Directory.Exists(path)) throw new DxGeoException($"{path}: is a directory, not a GeoPackage file");
        if (!File.Exists(path)) throw new DxGeoException($"{path}: no such workspace (create one with 'dxgeo init')");
        Span<byte> header = stackalloc byte[100];
        long length;
        try
        {
            using var fs = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            length = fs.Length;
            if (length < 100) throw new DxGeoException($"{path}: not a GeoPackage: {length} bytes is too short for a SQLite database");
            fs.ReadExactly(header);
        }
        catch (IOException e) { throw new DxGeoException($"{path}: cannot read the file ({e.Message})", e); }
        catch (UnauthorizedAccessException e) { throw new DxGeoException($"{path}: cannot read the file ({e.Message})", e); }

        if (!header[..16].SequenceEqual(Magic))
            throw new DxGeoException($"{path}: not a GeoPackage: the file is not a SQLite database (no SQLite header)");
        var appId = BinaryPrimitives.ReadUInt32BigEndian(header[68..]);
        if (appId is not (0x47504B47 or 0x47503130 or 0x47503131)) // GPKG, GP10, GP11
            throw new DxGeoException($"{path}: not a GeoPackage: SQLite application_id is 0x{appId:X8}, expected 0x47504B47 ('GPKG')");

        var pageSize = (long)BinaryPrimitives.ReadUInt16BigEndian(header[16..]);
        if (pageSize == 1) pageSize = 65536;
        var pages = BinaryPrimitives.ReadUInt32BigEndian(header[28..]);
        var changeCounter = BinaryPrimitives.ReadUInt32BigEndian(header[24..]);
        var validFor = BinaryPrimitives.ReadUInt32BigEndian(header[92..]);
        // The in-header page count is authoritative only when it was written with the current change counter.
        if (pages > 0 && changeCounter == validFor && length < pages * pageSize)
            throw new DxGeoException($"{path}: GeoPackage is truncated: {length:N0} bytes, the header says {pages * pageSize:N0}");
        if (length % pageSize != 0)
            throw new DxGeoException($"{path}: GeoPackage is damaged: {length:N0} bytes is not a whole number of {pageSize}-byte pages");
    }
}
