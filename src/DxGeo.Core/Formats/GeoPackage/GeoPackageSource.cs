using DxGeo.Core.Crs;
using DxGeo.Core.Errors;
using DxGeo.Core.Features;
using DxGeo.Core.Workspace;
using DxGeo.Core.Workspace.GeoPackage;

namespace DxGeo.Core.Formats.GeoPackage;

/// <summary>
/// One layer of a GeoPackage (another tool's, e.g. written by ogr2ogr or QGIS, or another DxGeo workspace), read
/// through the workspace store. With several layers the layer must be named.
/// </summary>
public sealed class GeoPackageSource : IFeatureSource
{
    private readonly GeoPackageWorkspace _gpkg;
    private readonly LayerSchema _schema;

    public GeoPackageSource(string path, string? layer = null)
    {
        Path = path;
        _gpkg = GeoPackageWorkspace.OpenReadOnly(path);
        try
        {
            var layers = _gpkg.ListLayers();
            if (layer is not null)
                _schema = (_gpkg.FindLayer(layer) ?? throw new InputDataException(
                    $"no layer '{layer}' (layers: {string.Join(", ", layers.Select(l => l.Name))})", path)).Schema;
            else if (layers.Count == 1) _schema = layers[0].Schema;
            else throw new InputDataException(layers.Count == 0
                ? "the GeoPackage has no layers"
                : $"the GeoPackage has {layers.Count} layers: name one with --source-layer ({string.Join(", ", layers.Select(l => l.Name))})", path);
        }
        catch
        {
            _gpkg.Dispose();
            throw;
        }
        if (_schema.GeometryType == LayerGeometryType.None || CrsRegistry.Default.IsKnown(_schema.Srid)) DeclaredEpsg = _schema.Srid;
        else UnidentifiedCrs = $"srs_id {_schema.Srid}";
        FieldNames = _schema.Fields.Select(f => f.Name).ToArray();
    }

    public string Path { get; }
    public string FormatName => "GeoPackage";
    public string LayerName => _schema.Name;
    public int? DeclaredEpsg { get; }
    public string? UnidentifiedCrs { get; }
    public IReadOnlyList<string> FieldNames { get; }
    public bool ValuesAreText => false;
    public IReadOnlyList<string> Warnings => [];

    public IEnumerable<SourceFeature> Read()
    {
        long index = 0;
        foreach (var r in _gpkg.Read(_schema.Name))
        {
            var props = new Dictionary<string, object?>(StringComparer.Ordinal);
            for (var i = 0; i < _schema.Fields.Count; i++) props[_schema.Fields[i].Name] = i < r.Values.Length ? r.Values[i] : null;
            yield return new SourceFeature(index++, r.Geometry, props, r.Fid?.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }
    }

    public void Dispose() => _gpkg.Dispose();
}
