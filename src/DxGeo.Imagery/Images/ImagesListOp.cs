using DxGeo.Core.Features;
using DxGeo.Core.Workspace;

namespace DxGeo.Imagery.Images;

/// <summary>One ingested photo as listed.</summary>
public sealed record ImageListItem(string ImageId, string FileName, string Path, DateTimeOffset? CapturedUtc, double? HeightM,
    string HeightSource, double? GsdCmPerPx, string View, string? FlightId, string? AssetLayer, string? AssetId, double? Score, string? ModelId);

/// <summary>Ingested photos (all, or one flight's) in capture order.</summary>
public static class ImagesListOp
{
    public static IReadOnlyList<ImageListItem> List(IWorkspace ws, string? flightId = null)
    {
        if (ws.FindLayer(ImagesLayer.Name) is null) return [];
        var s = ImagesLayer.Schema;
        var q = flightId is null ? null : new FeatureQuery { AttributeEquals = new Dictionary<string, object?> { ["flight_id"] = flightId } };
        return ws.Read(ImagesLayer.Name, q).Select(r => new ImageListItem(
                r.Text(s, "image_id")!, r.Text(s, "file_name")!, r.Text(s, "path")!, r.Time(s, "captured_at"), r.Real(s, "altitude_rel_m"),
                r.Text(s, "height_source") ?? "", r.Real(s, "gsd_cm_per_px"), r.Text(s, "view") ?? "", r.Text(s, "flight_id"),
                r.Text(s, "asset_layer"), r.Text(s, "asset_id"), r.Real(s, "score"), r.Text(s, "model_id")))
            .OrderBy(i => i.CapturedUtc).ThenBy(i => i.FileName, StringComparer.Ordinal).ToArray();
    }
}
