using DxGeo.Core.Assets.Layers;
using DxGeo.Core.Crs;
using DxGeo.Core.Errors;
using DxGeo.Core.Features;
using DxGeo.Core.Spatial.Internal;
using DxGeo.Core.Workspace;
using NetTopologySuite.Geometries;

namespace DxGeo.Core.Spatial;

/// <summary>Where one pipe break snapped: the nearest pipe within the tolerance, or none.</summary>
/// <param name="BreakId">The break's id (or "fid:N").</param>
/// <param name="Fid">The break's fid in the workspace, when it came from there.</param>
/// <param name="PipeId">Id of the nearest pipe, or null when no pipe lies within the tolerance.</param>
/// <param name="DistanceM">Ground distance (m) from the recorded point to that pipe; null when not snapped.</param>
public sealed record BreakSnap(string BreakId, long? Fid, string? PipeId, double? DistanceM)
{
    public bool Snapped => PipeId is not null;
}

/// <summary>How <see cref="BreakSnapOp"/> finds the nearest pipe.</summary>
public enum SnapStrategy
{
    /// <summary>Snapshot for many breaks, R-tree queries for a few.</summary>
    Auto,
    /// <summary>Load the pipes once into a <see cref="SpatialIndexSnapshot"/> (bulk work).</summary>
    Snapshot,
    /// <summary>One R-tree query to the workspace per break (no loading; best for a handful).</summary>
    WorkspaceIndex,
}

/// <summary>
/// Snaps recorded pipe breaks (points) to the nearest pipe within a tolerance in metres, measured in a metric CRS,
/// and reports "none within tolerance" (PipeId null) instead of guessing. <see cref="Apply"/> writes the result into
/// the breaks layer's pipe_id and snap_distance_m fields in one transaction.
/// </summary>
public static class BreakSnapOp
{
    /// <summary>Below this many breaks the per-break R-tree query beats loading the pipe layer (see benchmarks/results/query.md).</summary>
    public const int AutoSnapshotThreshold = 200;

    private static readonly GeometryFactory Wgs84 = new(new PrecisionModel(), 4326);

    /// <summary>Snaps points already in hand against a snapshot of the pipes.</summary>
    public static IReadOnlyList<BreakSnap> Run(IEnumerable<(string BreakId, long? Fid, Point LonLat)> breaks, SpatialIndexSnapshot pipes, double toleranceM)
    {
        WithinDistanceOp.ValidateDistance(toleranceM);
        var result = new List<BreakSnap>();
        foreach (var (id, fid, p) in breaks)
        {
            var hit = p.IsEmpty ? null : pipes.NearestWithin(p.X, p.Y, toleranceM);
            result.Add(hit is { } h ? new BreakSnap(id, fid, h.Id, h.DistanceM) : new BreakSnap(id, fid, null, null));
        }
        return result;
    }

    /// <summary>Snaps every feature of the breaks layer to the pipes layer of the workspace.</summary>
    public static IReadOnlyList<BreakSnap> Run(IWorkspace ws, double toleranceM, SnapStrategy strategy = SnapStrategy.Auto,
        string? breaksLayer = null, string? pipesLayer = null)
    {
        WithinDistanceOp.ValidateDistance(toleranceM);
        breaksLayer ??= AssetLayers.Breaks.Schema.Name;
        pipesLayer ??= AssetLayers.Pipes.Schema.Name;
        var breaks = ReadBreaks(ws, breaksLayer);
        LayerAccess.RequireGeometry(ws, pipesLayer);
        if (strategy == SnapStrategy.Auto)
            strategy = breaks.Count >= AutoSnapshotThreshold ? SnapStrategy.Snapshot : SnapStrategy.WorkspaceIndex;
        if (strategy == SnapStrategy.Snapshot)
            return Run(breaks, SpatialIndexSnapshot.Load(ws, pipesLayer, keepFeatures: false), toleranceM);
        return RunViaIndex(breaks, ws, toleranceM, pipesLayer);
    }

    /// <summary>Snaps points in hand with one R-tree query to the workspace per break (no loading of the pipes).</summary>
    public static IReadOnlyList<BreakSnap> RunViaIndex(IReadOnlyList<(string BreakId, long? Fid, Point LonLat)> breaks, IWorkspace ws,
        double toleranceM, string? pipesLayer = null)
    {
        WithinDistanceOp.ValidateDistance(toleranceM);
        var info = LayerAccess.RequireGeometry(ws, pipesLayer ?? AssetLayers.Pipes.Schema.Name);
        return breaks.Count == 0 ? [] : ViaWorkspaceIndex(ws, info.Name, breaks, toleranceM);
    }

    /// <summary>Writes pipe_id and snap_distance_m of each snapped (and un-snapped: nulls) break, all or nothing.
    /// Returns the number of breaks updated.</summary>
    public static int Apply(IWorkspace ws, IReadOnlyList<BreakSnap> snaps, string? breaksLayer = null)
    {
        var info = LayerAccess.Require(ws, breaksLayer ?? AssetLayers.Breaks.Schema.Name);
        var pipeIdx = LayerAccess.RequireField(info.Schema, "pipe_id");
        var distIdx = LayerAccess.RequireField(info.Schema, "snap_distance_m");
        // Read everything first so a missing feature aborts before anything is written.
        var updates = new List<FeatureRecord>(snaps.Count);
        foreach (var s in snaps)
        {
            if (s.Fid is not { } fid) throw new DxGeoException($"break '{s.BreakId}' has no fid: snap results must come from the workspace to be applied");
            var r = ws.Get(info.Name, fid) ?? throw new DxGeoException($"{ws.Location}: layer '{info.Name}' has no feature fid {fid} (break '{s.BreakId}')");
            var values = (object?[])r.Values.Clone();
            values[pipeIdx] = s.PipeId;
            values[distIdx] = s.DistanceM;
            updates.Add(new FeatureRecord(r.Geometry, values, fid));
        }
        using var write = ws.BeginWrite();
        foreach (var u in updates) write.Update(info.Name, u);
        write.Commit();
        return updates.Count;
    }

    private static List<(string, long?, Point)> ReadBreaks(IWorkspace ws, string layer)
    {
        var info = LayerAccess.RequireGeometry(ws, layer);
        var idIndex = LayerAccess.IdIndex(info.Schema);
        var list = new List<(string, long?, Point)>();
        long index = 0;
        foreach (var r in ws.Read(info.Name))
        {
            var id = LayerAccess.IdOf(r, idIndex);
            var p = r.Geometry switch
            {
                Point pt => pt,
                MultiPoint { NumGeometries: 1 } mp => (Point)mp.GetGeometryN(0),
                null => throw new InputDataException("geometry is missing", ws.Location, r.Fid ?? index, id, "geometry"),
                var g => throw new InputDataException($"expected a Point, got {g.GeometryType}", ws.Location, r.Fid ?? index, id, "geometry"),
            };
            list.Add((id, r.Fid, p));
            index++;
        }
        return list;
    }

    private static List<BreakSnap> ViaWorkspaceIndex(IWorkspace ws, string pipesLayer, IReadOnlyList<(string Id, long? Fid, Point P)> breaks, double toleranceM)
    {
        var env = new Envelope();
        foreach (var b in breaks) if (!b.P.IsEmpty) env.ExpandToInclude(b.P.Coordinate);
        if (env.IsNull) return breaks.Select(b => new BreakSnap(b.Id, b.Fid, null, null)).ToList();
        var frame = MetricFrame.For(Wgs84.ToGeometry(env));
        var idIndex = LayerAccess.IdIndex(LayerAccess.Require(ws, pipesLayer).Schema);
        var result = new List<BreakSnap>(breaks.Count);
        foreach (var (id, fid, p) in breaks)
        {
            if (p.IsEmpty) { result.Add(new BreakSnap(id, fid, null, null)); continue; }
            var (qx, qy) = frame.ToMetric.Transform(p.X, p.Y);
            string? best = null;
            var bestD = double.PositiveInfinity;
            foreach (var r in ws.Read(pipesLayer, new FeatureQuery { BoundingBox = LonLatBox.Around(p.X, p.Y, toleranceM) }))
            {
                if (r.Geometry is not { IsEmpty: false } g) continue;
                var d = PointDistance.ToGeometry(qx, qy, InPlaceProjection.Apply(frame.ToMetric, g)); // the record is not kept
                var rid = LayerAccess.IdOf(r, idIndex);
                if (d <= toleranceM && (d < bestD || (d == bestD && string.CompareOrdinal(rid, best) < 0))) { best = rid; bestD = d; }
            }
            result.Add(best is null ? new BreakSnap(id, fid, null, null) : new BreakSnap(id, fid, best, bestD));
        }
        return result;
    }
}
