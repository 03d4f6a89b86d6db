using NetTopologySuite.Geometries;

namespace DxGeo.Core.Mesh;

/// <summary>
/// Walks a lon/lat line through the mesh grid: splits each segment where it crosses a cell row or column
/// boundary and hands each piece's cell and metric length to a callback. A segment is straight in both lon/lat
/// and the metric frame at these scales (≤ tens of metres), so a piece's length is its fraction of the
/// projected segment's length.
/// </summary>
internal sealed class GraticuleSplitter(MeshLevel level)
{
    private readonly int _span = MeshGrid.Span(level);
    private readonly List<double> _cuts = new(16);

    /// <param name="lonLat">The line in lon/lat degrees.</param>
    /// <param name="metric">The same line projected to a metric CRS (same vertices).</param>
    public void Split(CoordinateSequence lonLat, CoordinateSequence metric, Action<long, double> add)
    {
        var n = lonLat.Count;
        if (n == 0) return;
        if (n == 1) { add(CodeAt(lonLat.GetX(0), lonLat.GetY(0)), 0); return; }
        for (var i = 1; i < n; i++)
        {
            double lonA = lonLat.GetX(i - 1), latA = lonLat.GetY(i - 1), lonB = lonLat.GetX(i), latB = lonLat.GetY(i);
            var dx = metric.GetX(i) - metric.GetX(i - 1);
            var dy = metric.GetY(i) - metric.GetY(i - 1);
            var lengthM = Math.Sqrt(dx * dx + dy * dy);
            // Grid coordinates in units of this level's cells.
            var ua = (lonA - MeshGrid.OriginLonDeg) * MeshGrid.ColsPerDeg / _span;
            var ub = (lonB - MeshGrid.OriginLonDeg) * MeshGrid.ColsPerDeg / _span;
            var va = latA * MeshGrid.RowsPerDeg / _span;
            var vb = latB * MeshGrid.RowsPerDeg / _span;
            _cuts.Clear();
            _cuts.Add(0);
            AddCrossings(ua, ub);
            AddCrossings(va, vb);
            _cuts.Add(1);
            _cuts.Sort();
            for (var k = 1; k < _cuts.Count; k++)
            {
                var t0 = _cuts[k - 1];
                var t1 = _cuts[k];
                if (t1 <= t0) continue; // two crossings at once (a cell corner)
                // The piece's midpoint decides its cell; the grid's own rounding keeps a piece lying on a
                // boundary in the cell north/east of it, as for points.
                var mid = (t0 + t1) / 2;
                var row = MeshGrid.Row(latA + mid * (latB - latA));
                var col = MeshGrid.Col(lonA + mid * (lonB - lonA));
                add(MeshGrid.Code(row, col, level), (t1 - t0) * lengthM);
            }
        }
    }

    private void AddCrossings(double a, double b)
    {
        if (a == b) return;
        var lo = Math.Min(a, b);
        var hi = Math.Max(a, b);
        for (var c = Math.Ceiling(lo); c <= hi; c++)
        {
            var t = (c - a) / (b - a);
            if (t > 0 && t < 1) _cuts.Add(t);
        }
    }

    private long CodeAt(double lon, double lat) => JisMesh.FromLonLat(lon, lat, level).Value;
}
