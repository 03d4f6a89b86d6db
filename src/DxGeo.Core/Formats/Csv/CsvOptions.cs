using System.Text;

namespace DxGeo.Core.Formats.Csv;

/// <summary>How to read a CSV: all optional; by default the delimiter, encoding and geometry columns are detected.</summary>
public sealed record CsvOptions
{
    /// <summary>Text encoding; default: UTF-8 when the file has a BOM or is valid UTF-8, else CP932 (Shift_JIS).</summary>
    public Encoding? Encoding { get; init; }
    /// <summary>Field delimiter; default: ',' ('\t' for .tsv), or whichever of , ; tab the header line uses most.</summary>
    public char? Delimiter { get; init; }
    /// <summary>Column of x (longitude or easting); default: lon, lng, longitude, 経度, x, easting, x座標.</summary>
    public string? XColumn { get; init; }
    /// <summary>Column of y (latitude or northing); default: lat, latitude, 緯度, y, northing, y座標.</summary>
    public string? YColumn { get; init; }
    /// <summary>Column holding WKT geometry; default: wkt, wkt_geom, geometry, geom, the_geom.</summary>
    public string? WktColumn { get; init; }
    /// <summary>EPSG code of the coordinates; default 4326 for lon/lat-named columns, none otherwise.</summary>
    public int? Srid { get; init; }
}
