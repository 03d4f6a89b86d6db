using NetTopologySuite.Geometries;

namespace DxGeo.Flight.Constraints;

/// <summary>
/// Shortest horizontal transit between two clear points around no-fly zones and inside the geofence: a visibility
/// graph over the convex corners of the forbidden region (zones grown by their margin) and the concave corners of
/// the fence inset, each nudged into free space, searched with A*. Edges between fixed corners are checked once
/// and cached.
/// </summary>
public sealed class TransitRouter
{
    private readonly Airspace _air;
    private readonly List<Coordinate> _nodes = [];
    private readonly Dictionary<(int, int), bool> _edgeCache = [];
    private readonly Dictionary<(double, double, int), bool> _pointEdgeCache = [];

    public TransitRouter(Airspace air)
    {
        _air = air;
        // Corners of the forbidden region itself, pushed a few centimetres outward: a path hugging the region can
        // then leave any pocket a photo line ends in (corners of a larger ring may all be hidden from there).
        AddCorners(air.NoFly.Forbidden, convex: true, push: 0.05);
        if (air.Fence is not null) AddCorners(air.Fence.Inner, convex: false, push: 0.05);
        _nodes.RemoveAll(c => !air.PointClear(c));
    }

    public int NodeCount => _nodes.Count;

    /// <summary>Horizontal path from <paramref name="a"/> to <paramref name="b"/> (both included), or null when none exists.</summary>
    /// <remarks>Lazy A* over the complete graph of corners: an edge's visibility is only checked when its far end is
    /// taken from the queue (then the best already-settled corner that sees it becomes its parent), so a search
    /// checks a handful of edges per settled corner instead of every pair.</remarks>
    public List<Coordinate>? Route(Coordinate a, Coordinate b)
    {
        if (_air.SegmentClear(a, b)) return [a, b];
        if (!_air.PointClear(a) || !_air.PointClear(b)) return null;
        var n = _nodes.Count;
        // Index n = a, n + 1 = b.
        Coordinate At(int i) => i < n ? _nodes[i] : i == n ? a : b;
        var g = new double[n + 2];
        var prev = new int[n + 2];
        var closed = new bool[n + 2];
        var settled = new List<int>();
        Array.Fill(g, double.PositiveInfinity);
        Array.Fill(prev, -1);
        g[n] = 0;
        var open = new PriorityQueue<int, double>();
        open.Enqueue(n, a.Distance(b));
        while (open.TryDequeue(out var u, out var f))
        {
            if (closed[u]) continue;
            var cu = At(u);
            if (Math.Abs(f - (g[u] + cu.Distance(b))) > 1e-6) continue; // stale entry
            if (u != n && !Clear(prev[u], u, At(prev[u]), cu, n))
            {
                // Parent does not see u: take the best settled corner that does, or drop u for now.
                var best = double.PositiveInfinity; var bestW = -1;
                foreach (var w in settled.OrderBy(w => g[w] + At(w).Distance(cu)))
                {
                    var d = g[w] + At(w).Distance(cu);
                    if (d >= best) break;
                    if (Clear(w, u, At(w), cu, n)) { best = d; bestW = w; break; }
                }
                g[u] = best; prev[u] = bestW;
                if (bestW < 0) continue;
            }
            closed[u] = true;
            settled.Add(u);
            if (u == n + 1) break;
            for (var v = 0; v < n + 2; v++)
            {
                if (closed[v] || v == n) continue;
                var nd = g[u] + cu.Distance(At(v));
                if (nd >= g[v] - 1e-9) continue;
                g[v] = nd;
                prev[v] = u;
                open.Enqueue(v, nd + At(v).Distance(b));
            }
        }
        if (!closed[n + 1]) return null;
        var path = new List<Coordinate>();
        for (var i = n + 1; i != -1; i = prev[i]) path.Add(At(i));
        path.Reverse();
        return path;
    }

    private bool Clear(int u, int v, Coordinate cu, Coordinate cv, int n)
    {
        if (u >= n || v >= n)
        {
            // Edges to the route's own ends recur (the same launch point, the same line ends): cache by position.
            var (node, free) = u < n ? (u, cv) : (v, cu);
            if (node >= n) return _air.SegmentClear(cu, cv);
            var pk = (free.X, free.Y, node);
            if (!_pointEdgeCache.TryGetValue(pk, out var okp)) _pointEdgeCache[pk] = okp = _air.SegmentClear(cu, cv);
            return okp;
        }
        var key = u < v ? (u, v) : (v, u);
        if (!_edgeCache.TryGetValue(key, out var ok))
            _edgeCache[key] = ok = _air.SegmentClear(cu, cv);
        return ok;
    }

    private void AddCorners(Geometry g, bool convex, double push)
    {
        for (var i = 0; i < g.NumGeometries; i++)
        {
            if (g.GetGeometryN(i) is not Polygon p) continue;
            AddRing(p.Shell, convex, push);
            foreach (var h in p.Holes) AddRing(h, !convex, push);
        }
    }

    /// <summary>Adds the corners of a ring that a shortest path can bend around (outward corners of an obstacle
    /// shell when <paramref name="convex"/>, inward corners of a container shell otherwise), each moved
    /// <paramref name="push"/> metres into the free side along its bisector.</summary>
    private void AddRing(LinearRing ring, bool convex, double push)
    {
        var cs = ring.Coordinates;
        var ccw = NetTopologySuite.Algorithm.Orientation.IsCCW(cs);
        var m = cs.Length - 1;
        for (var i = 0; i < m; i++)
        {
            var p = cs[(i + m - 1) % m]; var c = cs[i]; var q = cs[(i + 1) % m];
            var cross = (c.X - p.X) * (q.Y - c.Y) - (c.Y - p.Y) * (q.X - c.X);
            var outward = ccw ? cross > 1e-12 : cross < -1e-12;
            if (outward != convex) continue;
            // Outward bisector of a convex corner: away from both neighbours.
            double ax = c.X - p.X, ay = c.Y - p.Y, bx = c.X - q.X, by = c.Y - q.Y;
            double la = Math.Sqrt(ax * ax + ay * ay), lb = Math.Sqrt(bx * bx + by * by);
            if (la < 1e-12 || lb < 1e-12) continue;
            double nx = ax / la + bx / lb, ny = ay / la + by / lb;
            var ln = Math.Sqrt(nx * nx + ny * ny);
            if (ln < 1e-12) continue;
            // For an obstacle the free side is outside its convex corner; for a container, inside its reflex corner.
            var sign = convex ? 1 : -1;
            _nodes.Add(new Coordinate(c.X + sign * push * nx / ln, c.Y + sign * push * ny / ln));
        }
    }
}
