using NetTopologySuite.Geometries;

namespace DxGeo.Core.Features;

/// <summary>
/// A feature in transport between formats and the workspace: geometry plus values aligned with a
/// <see cref="LayerSchema"/>'s fields. Typed assets (WaterPipe, Bridge…) map to and from it.
/// </summary>
public sealed class FeatureRecord
{
    public FeatureRecord(Geometry? geometry, object?[] values, long? fid = null)
    {
        Geometry = geometry;
        Values = values;
        Fid = fid;
    }

    /// <summary>Feature id in the store (GeoPackage fid); null before insert.</summary>
    public long? Fid { get; set; }
    public Geometry? Geometry { get; set; }
    public object?[] Values { get; }

    public object? this[int i] => Values[i];

    /// <summary>A new record for <paramref name="schema"/> from field/value pairs; fields not given are null.</summary>
    public static FeatureRecord Create(LayerSchema schema, Geometry? geometry, params (string Field, object? Value)[] values)
    {
        var rec = new FeatureRecord(geometry, new object?[schema.Fields.Count]);
        foreach (var (f, v) in values) rec.Set(schema, f, v);
        return rec;
    }
}
