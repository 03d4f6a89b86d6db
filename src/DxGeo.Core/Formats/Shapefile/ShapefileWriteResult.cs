namespace DxGeo.Core.Formats.Shapefile;

/// <summary>What writing a shapefile did: features written, layer field → .dbf column names that had to change, warnings.</summary>
public sealed record ShapefileWriteResult(long Count, IReadOnlyDictionary<string, string> RenamedFields, IReadOnlyList<string> Warnings);
