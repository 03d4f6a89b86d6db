namespace DxGeo.Core.Formats.Csv;

/// <summary>How a CSV carries geometry: a WKT column (any geometry) or x/y columns (points only).</summary>
public enum CsvGeometryMode { Wkt, XY }
