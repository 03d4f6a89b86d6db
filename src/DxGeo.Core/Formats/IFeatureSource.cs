namespace DxGeo.Core.Formats;

/// <summary>
/// A readable foreign file (GeoJSON, Shapefile, CSV, GeoPackage layer). <see cref="Read"/> streams features one at a
/// time and may be called again to read the file again (schema inference reads twice); nothing holds the whole file.
/// Readers throw <see cref="Errors.InputDataException"/> naming the file, the feature index and the field.
/// </summary>
public interface IFeatureSource : IDisposable
{
    /// <summary>The file read, as given (for messages).</summary>
    string Path { get; }

    /// <summary>Short format name for messages and reports ("GeoJSON", "Shapefile", "CSV", "GeoPackage").</summary>
    string FormatName { get; }

    /// <summary>EPSG code the file declares for its coordinates (GeoJSON: 4326 unless a legacy crs member says otherwise;
    /// Shapefile: from the .prj; CSV: none unless given), or null when it declares none.</summary>
    int? DeclaredEpsg { get; }

    /// <summary>The CRS text the file carries (a .prj's WKT, a GeoJSON crs name) when it could not be identified as an
    /// EPSG code, for the "unknown CRS" message; otherwise null.</summary>
    string? UnidentifiedCrs { get; }

    /// <summary>Attribute column names in file order. GeoJSON has no header, so its source scans the file once on first use.</summary>
    IReadOnlyList<string> FieldNames { get; }

    /// <summary>True when every attribute value arrives as text (CSV), so numbers and dates must be recognised from it.</summary>
    bool ValuesAreText { get; }

    /// <summary>Notes about how the file was read (encoding guessed, Z dropped…), filled while reading.</summary>
    IReadOnlyList<string> Warnings { get; }

    IEnumerable<SourceFeature> Read();
}
