using System.Text;
using DxGeo.Core.Formats.Csv;
using DxGeo.Core.Workspace;

namespace DxGeo.Core.Export;

/// <summary>How to export a layer. The format follows the output file's extension (.geojson/.json, .shp, .csv, .gpkg).</summary>
public sealed record ExportOptions
{
    /// <summary>EPSG code to write coordinates in (default: the layer's, EPSG:4326). GeoJSON is always 4326 (RFC 7946).</summary>
    public int? Srid { get; init; }
    /// <summary>Text encoding of .dbf/CSV attributes (default UTF-8; cp932 for Shift_JIS tools and older Excel).</summary>
    public Encoding? Encoding { get; init; }
    /// <summary>GeoJSON coordinate decimals (default: full precision; 7 ≈ 1 cm).</summary>
    public int? CoordinateDecimals { get; init; }
    /// <summary>CSV geometry as WKT or x/y columns (default: x/y for point layers, WKT otherwise).</summary>
    public CsvGeometryMode? CsvGeometry { get; init; }
    /// <summary>Only the features matching this filter.</summary>
    public FeatureQuery? Query { get; init; }
    public IProgress<(long Done, long? Total, string What)>? Progress { get; init; }
}

/// <summary>What an export wrote.</summary>
/// <param name="RenamedFields">Field → column name in the output where the format forced a change (.dbf: 10 bytes).</param>
public sealed record ExportReport(string Path, string Format, string Layer, long Count, int Epsg,
    IReadOnlyDictionary<string, string> RenamedFields, IReadOnlyList<string> Warnings);
