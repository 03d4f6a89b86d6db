using DxGeo.Core.Crs;
using DxGeo.Core.Errors;
using DxGeo.Core.Spatial.Internal;
using DxGeo.Core.Workspace;
using NetTopologySuite.Geometries;
using NetTopologySuite.Geometries.Prepared;
using NetTopologySuite.Operation.Union;

namespace DxGeo.Core.Spatial;

/// <summary>
/// Features that intersect, lie within or contain a polygon or any feature of another layer ("pipes inside this
/// flood zone", "all pipes intersecting any flood zone"). For each target the R-tree returns candidates by
/// envelope; the predicate is then evaluated exactly on geometries projected to one metric CRS, where the
/// lengths and areas inside the targets are measured as well.
/// </summary>
public static class IntersectsOp
{
    /// <summary>Features of <paramref name="layer"/> related to one lon/lat geometry (usually a polygon).</summary>
    public static IntersectsResult Run(IWorkspace ws, string layer, Geometry targetLonLat, SpatialPredicate predicate = SpatialPredicate.Intersects)
    {
        if (targetLonLat is null || targetLonLat.IsEmpty) throw new DxGeoException("the target geometry is empty");
        if (!targetLonLat.IsValid) throw new DxGeoException("the target geometry is not valid (self-intersecting or unclosed)");
        var info = LayerAccess.RequireGeometry(ws, layer);
        return Evaluate(ws, info, [new TargetFeatures.Target(null, "target", targetLonLat)], MetricFrame.For(targetLonLat), predicate, null);
    }

    /// <summary>Features of <paramref name="layer"/> related to the features of <paramref name="withLayer"/>
    /// (all, or the one with id <paramref name="withId"/>). A feature matching several targets is reported once.</summary>
    public static IntersectsResult Run(IWorkspace ws, string layer, string withLayer, string? withId,
        SpatialPredicate predicate = SpatialPredicate.Intersects)
    {
        var info = LayerAccess.RequireGeometry(ws, layer);
        var targets = TargetFeatures.Read(ws, withLayer, withId);
        if (targets.Count == 0) return new IntersectsResult(info.Schema, predicate, []);
        var same = string.Equals(info.Name, LayerAccess.Require(ws, withLayer).Name, StringComparison.OrdinalIgnoreCase);
        return Evaluate(ws, info, targets, MetricFrame.For(TargetFeatures.Extent(targets)), predicate, same ? info.Name : null);
    }

    private sealed class Match(Geometry metric)
    {
        public Geometry Metric { get; } = metric;
        public List<string> TargetIds { get; } = [];
        public List<Geometry> Targets { get; } = [];
    }

    private static IntersectsResult Evaluate(IWorkspace ws, LayerInfo info, IReadOnlyList<TargetFeatures.Target> targets,
        MetricFrame frame, SpatialPredicate predicate, string? sameLayer)
    {
        var idIndex = LayerAccess.IdIndex(info.Schema);
        var matches = new Dictionary<long, (Match M, Features.FeatureRecord R)>();
        // A feature near several targets (one pipe, many flood zones) is projected once.
        var projected = new Dictionary<long, Geometry>();
        long ordinal = 0;
        foreach (var t in targets)
        {
            var target = frame.Project(t.Geometry);
            var prepared = PreparedGeometryFactory.Prepare(target);
            foreach (var r in ws.Read(info.Name, new FeatureQuery { BoundingBox = t.Geometry.EnvelopeInternal }))
            {
                ordinal++;
                if (r.Geometry is not { IsEmpty: false } g) continue;
                if (sameLayer is not null && r.Fid == t.Feature?.Fid) continue;
                var key = r.Fid ?? -ordinal;
                if (!projected.TryGetValue(key, out var metric)) projected[key] = metric = frame.Project(g);
                var m = matches.TryGetValue(key, out var known) ? known.M : new Match(metric);
                var ok = predicate switch
                {
                    SpatialPredicate.Intersects => prepared.Intersects(m.Metric),
                    SpatialPredicate.Within => prepared.Contains(m.Metric),
                    _ => prepared.Within(m.Metric),
                };
                if (!ok) continue;
                m.TargetIds.Add(t.Id);
                m.Targets.Add(target);
                matches[key] = (m, r);
            }
        }

        var hits = new List<IntersectsHit>(matches.Count);
        foreach (var (m, r) in matches.Values)
        {
            var g = m.Metric;
            double length = 0, lengthInside = 0, areaInside = 0;
            if (g is ILineal)
            {
                length = g.Length;
                lengthInside = predicate == SpatialPredicate.Within ? length : Inside(g, m.Targets).Length;
            }
            else if (g is IPolygonal)
                areaInside = predicate == SpatialPredicate.Within ? g.Area : Inside(g, m.Targets).Area;
            hits.Add(new IntersectsHit(r, LayerAccess.IdOf(r, idIndex), m.TargetIds, length, lengthInside, areaInside));
        }
        hits.Sort((a, b) => string.CompareOrdinal(a.Id, b.Id));
        return new IntersectsResult(info.Schema, predicate, hits);
    }

    // The part of g inside the union of its targets: overlapping targets must not count a stretch twice.
    private static Geometry Inside(Geometry g, List<Geometry> targets)
    {
        var area = targets.Count == 1 ? targets[0] : UnaryUnionOp.Union(targets);
        return g.Intersection(area);
    }
}
