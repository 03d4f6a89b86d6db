using System.Text;
using DxGeo.Core.Formats.Csv;
using DxGeo.Core.Formats.GeoJson;
using DxGeo.Core.Formats.GeoPackage;
using DxGeo.Core.Formats.Shapefile;

namespace DxGeo.Core.Formats;

/// <summary>Opens the right reader for a file after checking that its content is what its extension says.</summary>
public static class FeatureSources
{
    public static IFeatureSource Open(string path, Encoding? encoding = null, CsvOptions? csv = null, string? layer = null) =>
        FormatDetector.Detect(path) switch
        {
            FormatKind.GeoJson => new GeoJsonSource(path),
            FormatKind.Shapefile => new ShapefileSource(path, encoding),
            FormatKind.Csv => new CsvSource(path, (csv ?? new CsvOptions()) with { Encoding = encoding ?? csv?.Encoding }),
            _ => new GeoPackageSource(path, layer),
        };
}
