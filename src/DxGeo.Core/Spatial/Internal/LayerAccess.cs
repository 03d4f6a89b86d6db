using System.Globalization;
using DxGeo.Core.Errors;
using DxGeo.Core.Features;
using DxGeo.Core.Workspace;

namespace DxGeo.Core.Spatial.Internal;

/// <summary>Looks up layers and fields with errors a user can act on, and names features for output.</summary>
internal static class LayerAccess
{
    public static LayerInfo Require(IWorkspace ws, string layer)
    {
        if (string.IsNullOrWhiteSpace(layer)) throw new DxGeoException("a layer name is required");
        return ws.FindLayer(layer) ?? throw new DxGeoException(
            $"{ws.Location}: no layer '{layer}' (layers: {string.Join(", ", ws.ListLayers().Select(l => l.Name))})");
    }

    public static LayerInfo RequireGeometry(IWorkspace ws, string layer)
    {
        var info = Require(ws, layer);
        if (info.Schema.GeometryType == LayerGeometryType.None)
            throw new DxGeoException($"{ws.Location}: layer '{info.Name}' has no geometry");
        return info;
    }

    public static int RequireField(LayerSchema schema, string field)
    {
        var i = schema.IndexOf(field);
        if (i < 0)
            throw new DxGeoException(
                $"layer '{schema.Name}' has no field '{field}' (fields: {string.Join(", ", schema.Fields.Select(f => f.Name))})");
        return i;
    }

    /// <summary>Index of the business id field (e.g. pipe_id), or -1 when the layer has none.</summary>
    public static int IdIndex(LayerSchema schema) => schema.IdField is { } f ? schema.IndexOf(f) : -1;

    /// <summary>The feature's business id, or "fid:N" when the layer has no id field or the value is empty.</summary>
    public static string IdOf(FeatureRecord r, int idIndex)
    {
        if (idIndex >= 0 && idIndex < r.Values.Length && r.Values[idIndex] is { } v && Text(v) is { Length: > 0 } s) return s;
        return r.Fid is { } fid ? "fid:" + fid.ToString(CultureInfo.InvariantCulture) : "?";
    }

    /// <summary>A value as group/label text ("" for null).</summary>
    public static string Text(object? v) => v switch
    {
        null => "",
        string s => s,
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => v.ToString() ?? "",
    };
}
