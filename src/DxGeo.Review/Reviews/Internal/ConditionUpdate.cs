using DxGeo.Core.Features;
using DxGeo.Core.Workspace;
using DxGeo.Imagery.Findings;
using DxGeo.Review.Internal;

namespace DxGeo.Review.Reviews.Internal;

/// <summary>
/// Brings <c>asset_condition</c> up to date for the asset of a finding whose status just changed, inside the caller's
/// write. Readers see the last committed state, so the changed finding is taken from the caller, not re-read.
/// </summary>
internal static class ConditionUpdate
{
    private static LayerSchema C => AssetConditionLayer.Schema;

    public static void Apply(ReviewStore store, IWorkspaceWrite w, FindingView changed, DateTimeOffset now)
    {
        if (changed.AssetLayer is not { } layer || changed.AssetId is not { } id) return;
        var confirmed = store.Workspace.Read(FindingsLayer.Name, new FeatureQuery
        {
            AttributeEquals = new Dictionary<string, object?> { ["asset_layer"] = layer, ["asset_id"] = id, ["status"] = "confirmed" },
        }).Select(FindingView.From).Where(f => f.FindingId != changed.FindingId).ToList();
        if (changed.Status == FindingStatus.Confirmed) confirmed.Add(changed);

        // The table may have been created by this very write, which readers cannot see yet.
        var existing = !store.Has(C.Name) ? null : store.Workspace.Read(C.Name, new FeatureQuery
        {
            AttributeEquals = new Dictionary<string, object?> { ["asset_layer"] = layer, ["asset_id"] = id },
        }).FirstOrDefault();
        var graded = confirmed.Where(f => SeverityScale.Rank(layer, f.Severity) >= 0).ToList();
        if (graded.Count == 0)
        {
            if (existing is not null) w.Delete(C.Name, existing.Fid!.Value);
            return;
        }
        var worst = graded.MaxBy(f => SeverityScale.Rank(layer, f.Severity))!.Severity!;
        var rec = FeatureRecord.Create(C, existing?.Geometry ?? AssetGeometry(store, layer, id) ?? changed.Footprint,
            ("asset_layer", layer), ("asset_id", id), ("worst_grade", SeverityScale.For(layer)[SeverityScale.Rank(layer, worst)]),
            ("confirmed_findings", (long)confirmed.Count), ("updated_at", now));
        if (existing is null) w.Insert(C.Name, rec);
        else { rec.Fid = existing.Fid; w.Update(C.Name, rec); }
    }

    /// <summary>The asset's own geometry, found by the layer's id field; null when the layer or asset is not there.</summary>
    private static NetTopologySuite.Geometries.Geometry? AssetGeometry(ReviewStore store, string layer, string id)
    {
        var info = store.Workspace.FindLayer(layer);
        if (info?.Schema.IdField is not { } idField || info.Schema.Srid != C.Srid) return null;
        return store.Workspace.Read(layer, new FeatureQuery { AttributeEquals = new Dictionary<string, object?> { [idField] = id }, Limit = 1 })
            .FirstOrDefault()?.Geometry;
    }
}
