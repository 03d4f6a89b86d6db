using DxGeo.Core.Features;

namespace DxGeo.Core.Spatial;

/// <summary>A feature answering a spatial question.</summary>
/// <param name="Feature">The stored feature (EPSG:4326).</param>
/// <param name="Id">Its business id (e.g. pipe_id), or "fid:N" when the layer has none.</param>
/// <param name="DistanceM">Ground distance in metres to the query point/geometry, when the question has one.</param>
/// <param name="TargetId">For questions against another layer: the id of the nearest matching feature of it.</param>
public sealed record SpatialHit(FeatureRecord Feature, string Id, double? DistanceM = null, string? TargetId = null)
{
    /// <summary>The hits as a layer: the source fields followed by <c>distance_m</c> and <c>target_id</c> when any hit has them.</summary>
    public static FeatureTable ToTable(LayerSchema source, IReadOnlyList<SpatialHit> hits, string name, string? targetLabel = null)
    {
        var withDistance = hits.Any(h => h.DistanceM is not null);
        var withTarget = hits.Any(h => h.TargetId is not null);
        var fields = source.Fields.ToList();
        if (withDistance) fields.Add(new FieldDefinition("distance_m", FieldType.Real, true, "Ground distance (m)"));
        if (withTarget) fields.Add(new FieldDefinition("target_id", FieldType.Text, true, targetLabel ?? "Id of the nearest matching feature"));
        var schema = source with { Name = name, Fields = fields, Title = null, Description = null };
        var records = hits.Select(h =>
        {
            var values = new object?[fields.Count];
            Array.Copy(h.Feature.Values, values, Math.Min(h.Feature.Values.Length, source.Fields.Count));
            var i = source.Fields.Count;
            if (withDistance) values[i++] = h.DistanceM;
            if (withTarget) values[i] = h.TargetId;
            return new FeatureRecord(h.Feature.Geometry, values, h.Feature.Fid);
        }).ToList();
        return new FeatureTable(schema, records);
    }
}
