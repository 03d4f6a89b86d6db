using DxGeo.Core.Crs;
using DxGeo.Core.Errors;
using DxGeo.Core.Features;
using DxGeo.Core.Spatial.Internal;
using DxGeo.Core.Workspace;
using NetTopologySuite.Geometries;
using NetTopologySuite.Operation.Union;

namespace DxGeo.Core.Spatial;

/// <summary>
/// Buffers by a ground distance: the geometry is projected to a metric CRS, buffered there by metres, and the
/// polygon brought back to lon/lat (a degree buffer would be an ellipse ~20 % too narrow east–west in Japan).
/// </summary>
public static class BufferOp
{
    /// <summary>The lon/lat polygon of all points within <paramref name="distanceM"/> of the lon/lat geometry.</summary>
    public static Geometry Buffer(Geometry lonLat, double distanceM, MetricFrame? frame = null)
    {
        WithinDistanceOp.ValidateDistance(distanceM);
        frame ??= MetricFrame.For(lonLat);
        var buffered = frame.Project(lonLat).Buffer(distanceM);
        var back = frame.Unproject(buffered);
        back.SRID = 4326;
        return back;
    }

    /// <summary>
    /// Buffers the features of <paramref name="layer"/> (all, or the one with id <paramref name="id"/>): one polygon per
    /// feature, or with <paramref name="dissolve"/> their union as one feature. Fields: source_id, distance_m, feature_count.
    /// </summary>
    public static FeatureTable Run(IWorkspace ws, string layer, string? id, double distanceM, bool dissolve = false, string? outputName = null)
    {
        WithinDistanceOp.ValidateDistance(distanceM);
        var targets = TargetFeatures.Read(ws, layer, id);
        var info = LayerAccess.Require(ws, layer);
        var schema = new LayerSchema
        {
            Name = outputName ?? $"{info.Name}_buffer",
            GeometryType = LayerGeometryType.MultiPolygon,
            IdField = "source_id",
            Title = FormattableString.Invariant($"{info.Name} buffered by {distanceM} m"),
            Fields =
            [
                new FieldDefinition("source_id", FieldType.Text, true, $"Id of the buffered {info.Name} feature (null when dissolved)"),
                new FieldDefinition("distance_m", FieldType.Real, false, "Buffer distance (m)"),
                new FieldDefinition("feature_count", FieldType.Integer, false, "Number of features in this polygon"),
            ],
        };
        if (targets.Count == 0) return new FeatureTable(schema, []);
        var frame = MetricFrame.For(TargetFeatures.Extent(targets));
        var metric = targets.Select(t => frame.Project(t.Geometry).Buffer(distanceM)).ToList();
        if (dissolve)
        {
            var union = frame.Unproject(UnaryUnionOp.Union(metric));
            return new FeatureTable(schema, [new FeatureRecord(AsMulti(union), [null, distanceM, (long)targets.Count])]);
        }
        var records = new List<FeatureRecord>(targets.Count);
        for (var i = 0; i < targets.Count; i++)
            records.Add(new FeatureRecord(AsMulti(frame.Unproject(metric[i])), [targets[i].Id, distanceM, 1L]));
        return new FeatureTable(schema, records);
    }

    private static MultiPolygon AsMulti(Geometry g)
    {
        var f = new GeometryFactory(new PrecisionModel(), 4326);
        return g switch
        {
            MultiPolygon mp => f.CreateMultiPolygon(Enumerable.Range(0, mp.NumGeometries).Select(i => (Polygon)mp.GetGeometryN(i)).ToArray()),
            Polygon p => f.CreateMultiPolygon([p]),
            _ => throw new DxGeoException($"buffer produced a {g.GeometryType}, not a polygon"),
        };
    }
}
