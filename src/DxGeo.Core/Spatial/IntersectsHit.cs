using DxGeo.Core.Features;

namespace DxGeo.Core.Spatial;

/// <summary>A feature that satisfied the predicate against one or more target features.</summary>
/// <param name="Feature">The stored feature (EPSG:4326).</param>
/// <param name="Id">Its business id, or "fid:N".</param>
/// <param name="TargetIds">Ids of the target features it matched (e.g. the flood zones it crosses).</param>
/// <param name="LengthM">Ground length of the whole feature (lines; 0 otherwise).</param>
/// <param name="LengthInsideM">Ground length of the part inside the matched targets (lines; 0 otherwise).</param>
/// <param name="AreaInsideM2">Ground area of the part inside the matched targets (polygons; 0 otherwise).</param>
public sealed record IntersectsHit(FeatureRecord Feature, string Id, IReadOnlyList<string> TargetIds,
    double LengthM, double LengthInsideM, double AreaInsideM2);

/// <summary>The hits of one value of the group-by field.</summary>
/// <param name="Key">The field value as text ("" for null; "all" without grouping).</param>
public sealed record IntersectsGroup(string Key, long Count, double LengthM, double LengthInsideM, double AreaInsideM2)
{
    public double LengthKm => LengthM / 1000;
    public double LengthInsideKm => LengthInsideM / 1000;
}

/// <summary>What <see cref="IntersectsOp"/> found: the hits (ordered by id) over the source layer's schema.</summary>
public sealed record IntersectsResult(LayerSchema Schema, SpatialPredicate Predicate, IReadOnlyList<IntersectsHit> Hits)
{
    /// <summary>Count and lengths per value of <paramref name="field"/> (a field of the source layer), largest inside length first;
    /// without a field, one group "all".</summary>
    public IReadOnlyList<IntersectsGroup> GroupBy(string? field)
    {
        var index = field is null ? -1 : Internal.LayerAccess.RequireField(Schema, field);
        return Hits
            .GroupBy(h => index < 0 ? "all" : Internal.LayerAccess.Text(h.Feature.Values[index]), StringComparer.Ordinal)
            .Select(g => new IntersectsGroup(g.Key, g.LongCount(), g.Sum(h => h.LengthM), g.Sum(h => h.LengthInsideM), g.Sum(h => h.AreaInsideM2)))
            .OrderByDescending(g => g.LengthInsideM).ThenByDescending(g => g.Count).ThenBy(g => g.Key, StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>The hits as a layer: source fields plus target_ids, length_m, length_inside_m, area_inside_m2.</summary>
    public FeatureTable ToTable(string name)
    {
        var fields = Schema.Fields.ToList();
        fields.Add(new FieldDefinition("target_ids", FieldType.Text, true, "Ids of the matched target features (comma separated)"));
        fields.Add(new FieldDefinition("length_m", FieldType.Real, true, "Ground length of the feature (m)"));
        fields.Add(new FieldDefinition("length_inside_m", FieldType.Real, true, "Ground length inside the targets (m)"));
        fields.Add(new FieldDefinition("area_inside_m2", FieldType.Real, true, "Ground area inside the targets (m²)"));
        var n = Schema.Fields.Count;
        var records = Hits.Select(h =>
        {
            var v = new object?[fields.Count];
            Array.Copy(h.Feature.Values, v, Math.Min(h.Feature.Values.Length, n));
            v[n] = string.Join(",", h.TargetIds);
            v[n + 1] = h.LengthM;
            v[n + 2] = h.LengthInsideM;
            v[n + 3] = h.AreaInsideM2;
            return new FeatureRecord(h.Feature.Geometry, v, h.Feature.Fid);
        }).ToList();
        return new FeatureTable(Schema with { Name = name, Fields = fields, Title = null, Description = null }, records);
    }
}
