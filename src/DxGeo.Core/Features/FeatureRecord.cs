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
}
