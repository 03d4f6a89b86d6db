using DxGeo.Core.Crs;
using DxGeo.Core.Errors;
using DxGeo.Core.Features;
using DxGeo.Core.Spatial.Internal;
using DxGeo.Core.Workspace;
using NetTopologySuite.Geometries;
using NetTopologySuite.Operation.Distance;

namespace DxGeo.Core.Spatial;

/// <summary>
/// Features within a ground distance (m) of a geometry, or of another layer's features ("bridges within 300 m
/// of this levee"). Candidates come from the R-tree with a box grown by the distance; the distance itself is
/// measured between the geometries projected to a metric CRS. Each feature is reported once, with its
/// distance to the nearest target and that target's id; nearest first.
/// </summary>
public static class WithinDistanceOp
{
    /// <summary>Features of <paramref name="layer"/> within <paramref name="distanceM"/> of a lon/lat geometry.</summary>
    public static IReadOnlyList<SpatialHit> Run(IWorkspace ws, string layer, Geometry targetLonLat, double distanceM)
    {
        ValidateDistance(distanceM);
        if (targetLonLat is null || targetLonLat.IsEmpty) throw new DxGeoException("the target geometry is empty");
        var info = LayerAccess.RequireGeometry(ws, layer);
        var frame = MetricFrame.For(targetLonLat);
        var best = new Dictionary<long, SpatialHit>();
        Collect(ws, info, frame, targetLonLat, null, null, distanceM, best, []);
        return Sorted(best);
    }

    /// <summary>Features of <paramref name="layer"/> within <paramref name="distanceM"/> of the features of
    /// <paramref name="ofLayer"/> (all of them, or only the one whose id is <paramref name="ofId"/>).</summary>
    public static IReadOnlyList<SpatialHit> Run(IWorkspace ws, string layer, string ofLayer, string? ofId, double distanceM)
    {
        ValidateDistance(distanceM);
        var info = LayerAccess.RequireGeometry(ws, layer);
        var targets = TargetFeatures.Read(ws, ofLayer, ofId);
        if (targets.Count == 0) return [];
        var frame = MetricFrame.For(TargetFeatures.Extent(targets));
        var sameLayer = string.Equals(info.Name, LayerAccess.Require(ws, ofLayer).Name, StringComparison.OrdinalIgnoreCase);
        var best = new Dictionary<long, SpatialHit>();
        var projected = new Dictionary<long, Geometry>(); // a bridge near several levee sections is projected once
        foreach (var t in targets)
            Collect(ws, info, frame, t.Geometry, t.Id, sameLayer ? t.Feature?.Fid : null, distanceM, best, projected);
        return Sorted(best);
    }

    private static void Collect(IWorkspace ws, LayerInfo info, MetricFrame frame, Geometry targetLonLat, string? targetId,
        long? skipFid, double distanceM, Dictionary<long, SpatialHit> best, Dictionary<long, Geometry> projected)
    {
        var idIndex = LayerAccess.IdIndex(info.Schema);
        var target = frame.Project(targetLonLat);
        var facets = new IndexedFacetDistance(target);
        var box = LonLatBox.Expand(targetLonLat.EnvelopeInternal, distanceM);
        long ordinal = 0;
        foreach (var r in ws.Read(info.Name, new FeatureQuery { BoundingBox = box }))
        {
            ordinal++;
            if (r.Geometry is not { IsEmpty: false } g || (skipFid is not null && r.Fid == skipFid)) continue;
            var key = r.Fid ?? -ordinal; // stores always give fids; keep fid-less test records apart
            if (r.Fid is null || !projected.TryGetValue(key, out var metric))
            {
                metric = frame.Project(g);
                if (r.Fid is not null) projected[key] = metric;
            }
            var d = facets.Distance(metric);
            if (d > distanceM) continue;
            if (!best.TryGetValue(key, out var prev) || d < prev.DistanceM)
                best[key] = new SpatialHit(r, LayerAccess.IdOf(r, idIndex), d, targetId);
        }
    }

    private static IReadOnlyList<SpatialHit> Sorted(Dictionary<long, SpatialHit> best) =>
        best.Values.OrderBy(h => h.DistanceM).ThenBy(h => h.Id, StringComparer.Ordinal).ToList();

    internal static void ValidateDistance(double distanceM)
    {
        if (!double.IsFinite(distanceM) || distanceM < 0)
            throw new DxGeoException(FormattableString.Invariant($"distance must be a non-negative number of metres (got {distanceM})"));
    }
}
