namespace DxGeo.Core.Formats;

/// <summary>The file formats DxGeo reads and writes.</summary>
public enum FormatKind { GeoJson, Shapefile, Csv, GeoPackage }
