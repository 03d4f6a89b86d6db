using DxGeo.Core.Crs;
using DxGeo.Core.Errors;
using DxGeo.Core.Features;
using DxGeo.Core.Spatial.Internal;
using DxGeo.Core.Workspace;
using NetTopologySuite.Geometries;

namespace DxGeo.Core.Spatial;

/// <summary>
/// The k features nearest to a lon/lat point, by ground distance measured in a metric CRS.
/// Over the workspace it asks the R-tree for a box around the point and doubles the box until the k-th
/// nearest lies inside the circle the box surely covers; that answer is exact, since anything nearer has an
/// envelope in the box. An instance resolves the layer (count, extent) once for many queries; for bulk work
/// (thousands of queries) <see cref="SpatialIndexSnapshot"/> answers from memory instead.
/// </summary>
public sealed class NearestOp
{
    private readonly IWorkspace _ws;
    private readonly LayerInfo _info;

    public NearestOp(IWorkspace ws, string layer)
    {
        _ws = ws;
        _info = LayerAccess.RequireGeometry(ws, layer);
    }

    /// <summary>One-off query; for many, make one instance and call <see cref="Run(double, double, int, double?)"/>.</summary>
    public static IReadOnlyList<SpatialHit> Run(IWorkspace ws, string layer, double lonDeg, double latDeg, int k,
        double? maxDistanceM = null) => new NearestOp(ws, layer).Run(lonDeg, latDeg, k, maxDistanceM);

    public IReadOnlyList<SpatialHit> Run(double lonDeg, double latDeg, int k, double? maxDistanceM = null)
    {
        Validate(lonDeg, latDeg, k, maxDistanceM);
        var (ws, info) = (_ws, _info);
        if (info.FeatureCount == 0 || info.Extent is not { IsNull: false } extent) return [];

        var frame = MetricFrame.For(lonDeg, latDeg);
        var (qx, qy) = frame.ToMetric.Transform(lonDeg, latDeg);
        var idIndex = LayerAccess.IdIndex(info.Schema);
        var heap = new KnnHeap<FeatureRecord>(k);

        // Once the search circle reaches the far corner of the layer's extent every feature has been seen.
        var reach = FarthestCornerM(extent, lonDeg, latDeg);
        var radius = InitialRadiusM(extent, info.FeatureCount, k);
        if (maxDistanceM is { } max) radius = Math.Min(radius, max);
        while (true)
        {
            heap.Clear();
            var box = LonLatBox.Around(lonDeg, latDeg, radius);
            foreach (var r in ws.Read(info.Name, new FeatureQuery { BoundingBox = box }))
            {
                if (r.Geometry is not { IsEmpty: false } g) continue;
                heap.Offer(PointDistance.ToGeometry(qx, qy, frame.Project(g)), r);
            }
            var exhausted = radius >= reach || (maxDistanceM is { } m && radius >= m);
            if ((heap.IsFull && heap.Bound <= radius) || exhausted) break;
            // Grow by the density seen so far (at least doubling): k found in area ∝ r² needs r·√(k/found).
            var grow = heap.Count == 0 ? 4 : Math.Max(2, Math.Sqrt((double)k / heap.Count) * 1.2);
            radius *= grow;
            if (maxDistanceM is { } mx) radius = Math.Min(radius, mx);
        }

        var hits = new List<SpatialHit>(heap.Count);
        foreach (var (d, r) in heap.ToSortedArray())
            if (maxDistanceM is not { } m || d <= m)
                hits.Add(new SpatialHit(r, LayerAccess.IdOf(r, idIndex), d));
        return hits;
    }

    internal static void Validate(double lonDeg, double latDeg, int k, double? maxDistanceM)
    {
        if (!double.IsFinite(lonDeg) || !double.IsFinite(latDeg) || lonDeg is < -180 or > 180 || latDeg is < -90 or > 90)
            throw new DxGeoException(FormattableString.Invariant($"point ({lonDeg}, {latDeg}) is not lon/lat degrees (EPSG:4326, lon first)"));
        if (k < 1) throw new DxGeoException($"k must be at least 1 (got {k})");
        if (maxDistanceM is { } m && (!double.IsFinite(m) || m < 0))
            throw new DxGeoException(FormattableString.Invariant($"maximum distance must be a non-negative number of metres (got {m})"));
    }

    // Expected radius holding k features if they were spread evenly over the extent, but at least 10 m.
    private static double InitialRadiusM(Envelope extent, long count, int k)
    {
        var diag = LonLatBox.DiagonalM(extent);
        var areaM2 = Math.Max(diag * diag / 2, 1);
        return Math.Max(10, Math.Sqrt(areaM2 * k / (Math.PI * Math.Max(count, 1))) * 1.5);
    }

    private static double FarthestCornerM(Envelope extent, double lon, double lat)
    {
        var e = new Envelope(extent);
        e.ExpandToInclude(lon, lat);
        return LonLatBox.DiagonalM(e) * 1.05 + 1;
    }
}
