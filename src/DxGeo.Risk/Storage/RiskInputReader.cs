using DxGeo.Core.Assets.Layers;
using DxGeo.Core.Errors;
using DxGeo.Core.Features;
using DxGeo.Core.Workspace;

namespace DxGeo.Risk.Storage;

/// <summary>
/// Reads the risk layers from a workspace through the asset layer mappings, so a bad value (an unknown material
/// code, a date that is not a date) fails here, naming the layer, feature and field, before anything is computed or written.
/// </summary>
public static class RiskInputReader
{
    public static RiskInputs Read(IWorkspace ws)
    {
        var pipes = ReadLayer(ws, AssetLayers.Pipes);
        if (pipes.Count == 0)
            throw new DxGeoException($"{ws.Location}: no water pipes (layer '{AssetLayers.Pipes.Schema.Name}' is missing or empty; import the ledger first)");
        var duplicate = pipes.GroupBy(p => p.PipeId).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
            throw new InputDataException($"pipe id occurs {duplicate.Count()} times (ids must be unique)", ws.Location,
                featureId: duplicate.Key, field: "pipe_id");
        return new RiskInputs
        {
            Source = ws.Location,
            Pipes = pipes,
            Breaks = ReadLayer(ws, AssetLayers.Breaks),
            Soil = ReadLayer(ws, AssetLayers.Soil),
            FloodZones = ReadLayer(ws, AssetLayers.FloodZones),
            Roads = ReadLayer(ws, AssetLayers.Roads),
            Facilities = ReadLayer(ws, AssetLayers.Facilities),
            RoadWorks = ReadLayer(ws, AssetLayers.RoadWorks),
            Elevation = ReadLayer(ws, AssetLayers.ElevationPoints),
        };
    }

    private static List<T> ReadLayer<T>(IWorkspace ws, IAssetLayer<T> layer)
    {
        var info = ws.FindLayer(layer.Schema.Name);
        if (info is null) return [];
        var missing = layer.Schema.Fields.Where(f => !f.Nullable && info.Schema.IndexOf(f.Name) < 0).Select(f => f.Name).ToArray();
        if (missing.Length > 0)
            throw new DxGeoException($"{ws.Location}: layer '{info.Name}' lacks required field(s) {string.Join(", ", missing)}");
        var list = new List<T>();
        foreach (var r in ws.Read(info.Name))
        {
            try { list.Add(layer.FromRecord(Align(r, info.Schema, layer.Schema))); }
            catch (InputDataException e) when (e.File is null)
            {
                throw new InputDataException(e.Reason, $"{ws.Location} layer '{info.Name}'", e.FeatureIndex ?? r.Fid, e.FeatureId, e.Field);
            }
        }
        return list;
    }

    /// <summary>Reorders a stored record's values to the known schema (a layer written by another tool may order or omit fields differently).</summary>
    private static FeatureRecord Align(FeatureRecord r, LayerSchema stored, LayerSchema known)
    {
        if (ReferenceEquals(stored, known) || SameOrder(stored, known)) return r;
        var values = new object?[known.Fields.Count];
        for (var i = 0; i < values.Length; i++)
        {
            var j = stored.IndexOf(known.Fields[i].Name);
            values[i] = j >= 0 && j < r.Values.Length ? r.Values[j] : null;
        }
        return new FeatureRecord(r.Geometry, values, r.Fid);
    }

    private static bool SameOrder(LayerSchema a, LayerSchema b) =>
        a.Fields.Count == b.Fields.Count && a.Fields.Select(f => f.Name).SequenceEqual(b.Fields.Select(f => f.Name), StringComparer.OrdinalIgnoreCase);
}
