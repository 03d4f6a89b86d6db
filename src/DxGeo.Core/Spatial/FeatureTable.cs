using DxGeo.Core.Features;
using DxGeo.Core.Workspace;

namespace DxGeo.Core.Spatial;

/// <summary>
/// An answer shaped as a layer: a schema plus its records (EPSG:4326). The CLI prints it as a table or GeoJSON,
/// and <see cref="WriteTo"/> stores it in the workspace as a new layer.
/// </summary>
public sealed record FeatureTable(LayerSchema Schema, IReadOnlyList<FeatureRecord> Records)
{
    /// <summary>Creates (or with <paramref name="replace"/> replaces) the layer <see cref="Schema"/> names and inserts
    /// every record, in one transaction: on any error nothing is written.</summary>
    public void WriteTo(IWorkspace ws, bool replace = false)
    {
        using var write = ws.BeginWrite();
        write.CreateLayer(Schema, replace);
        foreach (var r in Records)
            write.Insert(Schema.Name, new FeatureRecord(r.Geometry, r.Values));
        write.Commit();
    }
}
