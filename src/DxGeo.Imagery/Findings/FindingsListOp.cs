using DxGeo.Core.Features;
using DxGeo.Core.Workspace;

namespace DxGeo.Imagery.Findings;

/// <summary>One finding as listed: where (image, box, asset), how sure, and its review state.</summary>
public sealed record FindingListItem(string FindingId, string ImageId, string? FlightId, string? AssetLayer, string? AssetId,
    double Score, string? ModelId, int BoxXPx, int BoxYPx, int BoxWPx, int BoxHPx, string Status, long Version);

/// <summary>Findings of one asset, summed up.</summary>
public sealed record AssetFindings(string? AssetLayer, string? AssetId, int Count, int ToReview, double MaxScore, int Images);

/// <summary>Lists findings per asset (highest score first), or every finding of one asset.</summary>
public static class FindingsListOp
{
    public static IReadOnlyList<AssetFindings> PerAsset(IWorkspace ws, string? flightId = null) =>
        Items(ws, flightId: flightId)
            .GroupBy(f => (f.AssetLayer, f.AssetId))
            .Select(g => new AssetFindings(g.Key.AssetLayer, g.Key.AssetId, g.Count(),
                g.Count(f => f.Status == FindingStatus.ToReview.ToCode()), g.Max(f => f.Score), g.Select(f => f.ImageId).Distinct().Count()))
            .OrderByDescending(a => a.MaxScore).ThenBy(a => a.AssetId, StringComparer.Ordinal).ToArray();

    /// <param name="assetId">Only this asset's findings (null: all; empty string: findings linked to no asset).</param>
    public static IReadOnlyList<FindingListItem> Items(IWorkspace ws, string? assetId = null, string? flightId = null)
    {
        if (ws.FindLayer(FindingsLayer.Name) is null) return [];
        var filter = new Dictionary<string, object?>();
        if (assetId is { Length: > 0 }) filter["asset_id"] = assetId;
        if (flightId is not null) filter["flight_id"] = flightId;
        var s = FindingsLayer.Schema;
        return ws.Read(FindingsLayer.Name, filter.Count == 0 ? null : new FeatureQuery { AttributeEquals = filter })
            .Select(r => Map(r, s))
            .Where(f => assetId is not { Length: 0 } || f.AssetId is null)
            .OrderByDescending(f => f.Score).ThenBy(f => f.FindingId, StringComparer.Ordinal).ToArray();
    }

    private static FindingListItem Map(FeatureRecord r, LayerSchema s) => new(
        r.Text(s, "finding_id")!, r.Text(s, "image_id")!, r.Text(s, "flight_id"), r.Text(s, "asset_layer"), r.Text(s, "asset_id"),
        r.Real(s, "score") ?? 0, r.Text(s, "model_id"), (int)(r.Integer(s, "box_x_px") ?? 0), (int)(r.Integer(s, "box_y_px") ?? 0),
        (int)(r.Integer(s, "box_w_px") ?? 0), (int)(r.Integer(s, "box_h_px") ?? 0), r.Text(s, "status") ?? "", r.Integer(s, "version") ?? 0);
}
