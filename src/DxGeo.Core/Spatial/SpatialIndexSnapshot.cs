using DxGeo.Core.Crs;
using DxGeo.Core.Features;
using DxGeo.Core.Spatial.Internal;
using DxGeo.Core.Workspace;
using NetTopologySuite.Geometries;
using NetTopologySuite.Index;
using NetTopologySuite.Index.Strtree;

namespace DxGeo.Core.Spatial;

/// <summary>A feature of a snapshot with its ground distance (m) to the query.</summary>
public readonly record struct SnapshotHit(int Index, string Id, double DistanceM);

/// <summary>
/// A layer loaded once into memory for bulk questions (snapping 10 000 breaks, scoring every pipe): geometries
/// projected once to one metric CRS and packed into an STR-tree, so each query costs microseconds instead of a
/// round trip to the store. The workspace is not watched: take a new snapshot after writing. Thread-safe for queries.
/// </summary>
public sealed class SpatialIndexSnapshot
{
    private readonly STRtree<int> _tree = new();
    private readonly Geometry[] _metric;
    private readonly string[] _ids;
    private readonly long?[] _fids;
    private readonly FeatureRecord[]? _features;
    private readonly Envelope _extentLonLat;
    private static readonly GeometryFactory Wgs84 = new(new PrecisionModel(), 4326);

    private SpatialIndexSnapshot(LayerSchema schema, MetricFrame frame, IEnumerable<FeatureRecord> records, bool keepFeatures, bool ownsRecords = false)
    {
        Schema = schema;
        Frame = frame;
        var idIndex = LayerAccess.IdIndex(schema);
        var metric = new List<Geometry>();
        var ids = new List<string>();
        var fids = new List<long?>();
        var features = keepFeatures ? new List<FeatureRecord>() : null;
        _extentLonLat = new Envelope();
        foreach (var r in records)
        {
            if (r.Geometry is not { IsEmpty: false } g) continue;
            _extentLonLat.ExpandToInclude(g.EnvelopeInternal);
            var i = metric.Count;
            // Records read here and not kept are ours to discard: project their geometry in place instead of copying.
            var m = keepFeatures || !ownsRecords ? frame.Project(g) : InPlaceProjection.Apply(frame.ToMetric, g);
            metric.Add(m);
            ids.Add(LayerAccess.IdOf(r, idIndex));
            fids.Add(r.Fid);
            features?.Add(r);
            _tree.Insert(m.EnvelopeInternal, i);
        }
        _metric = metric.ToArray();
        _ids = ids.ToArray();
        _fids = fids.ToArray();
        _features = features?.ToArray();
        _tree.Build();
    }

    public LayerSchema Schema { get; }
    /// <summary>The metric CRS every geometry was projected to (chosen for the layer's extent).</summary>
    public MetricFrame Frame { get; }
    public int Count => _metric.Length;

    public string Id(int index) => _ids[index];
    public long? Fid(int index) => _fids[index];
    /// <summary>The stored feature, or null when the snapshot was loaded without features (ids and geometry only).</summary>
    public FeatureRecord? Feature(int index) => _features?[index];

    /// <summary>Loads the layer's features (optionally filtered) from the workspace.</summary>
    /// <param name="keepFeatures">Keep the attribute records (false keeps only ids and geometry, for snapping).</param>
    public static SpatialIndexSnapshot Load(IWorkspace ws, string layer, FeatureQuery? filter = null, bool keepFeatures = true, MetricFrame? frame = null)
    {
        var info = LayerAccess.RequireGeometry(ws, layer);
        // The layer's extent picks the frame, so the features stream through once without being held twice.
        frame ??= info.Extent is { IsNull: false } e ? MetricFrame.For(Wgs84.ToGeometry(e)) : null;
        return frame is null ? Build(info.Schema, ws.Read(info.Name, filter), null, keepFeatures)
            : new SpatialIndexSnapshot(info.Schema, frame, ws.Read(info.Name, filter), keepFeatures, ownsRecords: true);
    }

    /// <summary>Builds from records in hand (EPSG:4326). Features without geometry are skipped.</summary>
    public static SpatialIndexSnapshot Build(LayerSchema schema, IEnumerable<FeatureRecord> records, MetricFrame? frame = null, bool keepFeatures = true)
    {
        if (frame is not null) return new SpatialIndexSnapshot(schema, frame, records, keepFeatures);
        var list = records.Where(r => r.Geometry is { IsEmpty: false }).ToList();
        var e = new Envelope();
        foreach (var r in list) e.ExpandToInclude(r.Geometry!.EnvelopeInternal);
        // An empty snapshot still needs some frame; any will do as nothing is ever measured in it.
        frame = e.IsNull ? MetricFrame.For(139.7, 35.7) : MetricFrame.For(Wgs84.ToGeometry(e));
        return new SpatialIndexSnapshot(schema, frame, list, keepFeatures);
    }

    /// <summary>The nearest feature within <paramref name="toleranceM"/> of the lon/lat point, or null: the snapping primitive.</summary>
    public SnapshotHit? NearestWithin(double lonDeg, double latDeg, double toleranceM)
    {
        var (x, y) = ProjectPoint(lonDeg, latDeg);
        var v = new NearestVisitor(this, x, y, toleranceM);
        _tree.Query(new Envelope(x - toleranceM, x + toleranceM, y - toleranceM, y + toleranceM), v);
        return v.Best < 0 ? null : new SnapshotHit(v.Best, _ids[v.Best], v.BestD);
    }

    /// <summary>The k features nearest to the lon/lat point (optionally no farther than <paramref name="maxDistanceM"/>), nearest first.</summary>
    public IReadOnlyList<SnapshotHit> Nearest(double lonDeg, double latDeg, int k, double? maxDistanceM = null)
    {
        NearestOp.Validate(lonDeg, latDeg, k, maxDistanceM);
        if (Count == 0) return [];
        var (x, y) = ProjectPoint(lonDeg, latDeg);
        var heap = new KnnHeap<int>(k);
        var visitor = new KnnVisitor(this, heap, x, y);
        var root = (Envelope)_tree.Root.Bounds!;
        var env = new Envelope(root);
        env.ExpandToInclude(x, y);
        var reach = Math.Sqrt(env.Width * env.Width + env.Height * env.Height) + 1;
        var radius = Math.Max(5, Math.Sqrt(root.Area * k / (Math.PI * Count)) * 1.5);
        if (maxDistanceM is { } max) radius = Math.Min(radius, max);
        while (true)
        {
            heap.Clear();
            _tree.Query(new Envelope(x - radius, x + radius, y - radius, y + radius), visitor);
            var exhausted = radius >= reach || (maxDistanceM is { } m && radius >= m);
            if ((heap.IsFull && heap.Bound <= radius) || exhausted) break;
            radius *= heap.Count == 0 ? 4 : Math.Max(2, Math.Sqrt((double)k / heap.Count) * 1.2);
            if (maxDistanceM is { } mx) radius = Math.Min(radius, mx);
        }
        var sorted = heap.ToSortedArray();
        var hits = new List<SnapshotHit>(sorted.Length);
        foreach (var (d, i) in sorted)
            if (maxDistanceM is not { } m || d <= m) hits.Add(new SnapshotHit(i, _ids[i], d));
        return hits;
    }

    /// <summary>Indexes of features whose geometry intersects the lon/lat box (exact test in lon/lat).</summary>
    public IReadOnlyList<int> Query(Envelope lonLatBox)
    {
        BoundingBoxQuery.Validate(lonLatBox);
        var result = new List<int>();
        if (!lonLatBox.Intersects(_extentLonLat)) return result;
        // Candidates by lon/lat envelope, then the exact test in lon/lat (the box is defined there).
        var lonLatTree = LonLatTree();
        var rect = Wgs84.ToGeometry(lonLatBox);
        lonLatTree.Query(lonLatBox, new ActionVisitor(i =>
        {
            var g = _features?[i].Geometry ?? Frame.Unproject(_metric[i]);
            if (lonLatBox.Contains(g.EnvelopeInternal) || rect.Intersects(g)) result.Add(i);
        }));
        return result;
    }

    private STRtree<int>? _lonLatTree;
    private readonly Lock _lonLatLock = new();

    // Built on first bbox query only: snapping and k-NN never need it.
    private STRtree<int> LonLatTree()
    {
        lock (_lonLatLock)
        {
            if (_lonLatTree is not null) return _lonLatTree;
            var t = new STRtree<int>();
            for (var i = 0; i < _metric.Length; i++)
                t.Insert(_features?[i].Geometry?.EnvelopeInternal ?? Frame.Unproject(_metric[i]).EnvelopeInternal, i);
            t.Build();
            return _lonLatTree = t;
        }
    }

    private (double X, double Y) ProjectPoint(double lonDeg, double latDeg) => Frame.ToMetric.Transform(lonDeg, latDeg);

    private sealed class NearestVisitor(SpatialIndexSnapshot s, double x, double y, double tolerance) : IItemVisitor<int>
    {
        public int Best = -1;
        public double BestD = double.PositiveInfinity;

        public void VisitItem(int i)
        {
            var d = PointDistance.ToGeometry(x, y, s._metric[i]);
            // Ties go to the smaller id so results do not depend on tree order (as with the workspace index).
            if (d <= tolerance && (d < BestD || (d == BestD && string.CompareOrdinal(s._ids[i], s._ids[Best]) < 0))) { Best = i; BestD = d; }
        }
    }

    private sealed class KnnVisitor(SpatialIndexSnapshot s, KnnHeap<int> heap, double x, double y) : IItemVisitor<int>
    {
        public void VisitItem(int i) => heap.Offer(PointDistance.ToGeometry(x, y, s._metric[i]), i);
    }

    private sealed class ActionVisitor(Action<int> action) : IItemVisitor<int>
    {
        public void VisitItem(int i) => action(i);
    }
}
