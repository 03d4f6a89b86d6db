using System.Text;
using DxGeo.Core.Crs;
using DxGeo.Core.Errors;
using NetTopologySuite;
using NetTopologySuite.Geometries;
using NetTopologySuite.IO.Esri;
using NetTopologySuite.IO.Esri.Shapefiles.Readers;

namespace DxGeo.Core.Formats.Shapefile;

/// <summary>
/// Reads an Esri shapefile (.shp + .dbf, .prj and .cpg when present) record by record. The .prj is identified as an
/// EPSG code (OGC or ESRI WKT); the .dbf text encoding comes from --encoding, .cpg, the language driver byte or a guess.
/// </summary>
public sealed class ShapefileSource : IFeatureSource
{
    private readonly List<string> _warnings = [];

    public ShapefileSource(string path, Encoding? encoding = null)
    {
        Path = path;
        if (DbfEncodingDetector.SidecarPath(path, ".dbf") is null)
            throw new InputDataException("the .dbf file that holds the attributes is missing next to the .shp", path);
        Encoding = DbfEncodingDetector.Resolve(path, encoding, _warnings);
        if (DbfEncodingDetector.SidecarPath(path, ".prj") is { } prj)
        {
            var wkt = File.ReadAllText(prj).Trim();
            DeclaredEpsg = CrsRegistry.Default.IdentifyWkt(wkt);
            if (DeclaredEpsg is null) UnidentifiedCrs = wkt;
        }
        using var reader = Open(0);
        FieldNames = reader.Fields.Select(f => f.Name).ToArray();
    }

    public string Path { get; }
    public string FormatName => "Shapefile";
    public int? DeclaredEpsg { get; }
    public string? UnidentifiedCrs { get; }
    public IReadOnlyList<string> FieldNames { get; }
    public bool ValuesAreText => false;
    public IReadOnlyList<string> Warnings => _warnings;
    /// <summary>The encoding the .dbf text is read with.</summary>
    public Encoding Encoding { get; }

    public IEnumerable<SourceFeature> Read()
    {
        using var reader = Open(DeclaredEpsg ?? 0);
        for (long index = 0; ; index++)
        {
            bool more, deleted = false;
            try { more = reader.Read(out deleted); }
            catch (Exception e) when (e is ShapefileException or ArgumentException or InvalidOperationException or IOException or DecoderFallbackException)
            { throw new InputDataException($"unreadable record: {e.Message}", Path, index, inner: e); }
            if (!more) yield break;
            if (deleted) { index--; continue; }
            var props = new Dictionary<string, object?>(StringComparer.Ordinal);
            foreach (var f in reader.Fields) props[f.Name] = Normalize(f.Value);
            var g = reader.Geometry;
            yield return new SourceFeature(index, g is null || g.IsEmpty ? null : g, props);
        }
    }

    private static object? Normalize(object? v) => v switch
    {
        null or DBNull => null,
        string s => s.Length == 0 ? null : s,
        int i => (long)i,
        decimal m => (double)m,
        float f => (double)f,
        DateTime d => DateOnly.FromDateTime(d),
        _ => v,
    };

    private ShapefileReader Open(int srid)
    {
        var options = new ShapefileReaderOptions
        {
            Encoding = Encoding,
            Factory = NtsGeometryServices.Instance.CreateGeometryFactory(srid),
            GeometryBuilderMode = GeometryBuilderMode.Strict,
        };
        try { return NetTopologySuite.IO.Esri.Shapefile.OpenRead(Path, options); }
        catch (Exception e) when (e is ShapefileException or IOException or ArgumentException or NotSupportedException or InvalidOperationException)
        { throw new InputDataException($"not a readable shapefile: {e.Message}", Path, inner: e); }
    }

    public void Dispose() { }
}
