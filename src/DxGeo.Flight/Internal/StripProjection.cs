namespace DxGeo.Flight.Internal;

/// <summary>
/// The x-extent of a polygonal region inside a horizontal strip y ∈ [y1, y2], computed exactly by a scanline over the
/// ring edges: between consecutive vertex heights every cross-section interval moves linearly, so its sweep is the
/// hull of its two end positions. Much cheaper than an overlay per strip, which matters when the grid angle is searched.
/// </summary>
internal sealed class StripProjection
{
    private readonly double[] _x1, _y1, _x2, _y2;
    private readonly double[] _ymin, _ymax;

    public StripProjection(IReadOnlyList<(double X, double Y)[]> rings)
    {
        var edges = new List<(double, double, double, double)>();
        foreach (var r in rings)
            for (var i = 0; i + 1 < r.Length; i++)
                if (r[i].Y != r[i + 1].Y) edges.Add((r[i].X, r[i].Y, r[i + 1].X, r[i + 1].Y));
        var n = edges.Count;
        _x1 = new double[n]; _y1 = new double[n]; _x2 = new double[n]; _y2 = new double[n];
        _ymin = new double[n]; _ymax = new double[n];
        for (var i = 0; i < n; i++)
        {
            (_x1[i], _y1[i], _x2[i], _y2[i]) = edges[i];
            _ymin[i] = Math.Min(_y1[i], _y2[i]);
            _ymax[i] = Math.Max(_y1[i], _y2[i]);
        }
        MinY = n == 0 ? 0 : _ymin.Min();
        MaxY = n == 0 ? 0 : _ymax.Max();
        IsEmpty = n == 0;
    }

    public bool IsEmpty { get; }
    public double MinY { get; }
    public double MaxY { get; }

    /// <summary>Merged x-intervals of the region within the strip; intervals closer than <paramref name="mergeGap"/> are joined.</summary>
    public List<(double A, double B)> Intervals(double y1, double y2, double mergeGap = 0)
    {
        var result = new List<(double A, double B)>();
        if (IsEmpty || y2 < MinY || y1 > MaxY) return result;
        y1 = Math.Max(y1, MinY);
        y2 = Math.Min(y2, MaxY);
        var active = new List<int>();
        var events = new List<double> { y1, y2 };
        for (var i = 0; i < _ymin.Length; i++)
        {
            if (_ymax[i] < y1 || _ymin[i] > y2) continue;
            active.Add(i);
            if (_y1[i] > y1 && _y1[i] < y2) events.Add(_y1[i]);
            if (_y2[i] > y1 && _y2[i] < y2) events.Add(_y2[i]);
        }
        events.Sort();
        var cross = new List<(double Xm, double Xa, double Xb)>();
        for (var e = 0; e + 1 < events.Count; e++)
        {
            double ya = events[e], yb = events[e + 1];
            if (yb - ya <= 1e-12) continue;
            var ym = 0.5 * (ya + yb);
            cross.Clear();
            foreach (var i in active)
            {
                if ((_y1[i] > ym) == (_y2[i] > ym)) continue;
                cross.Add((XAt(i, ym), XAt(i, ya), XAt(i, yb)));
            }
            cross.Sort((p, q) => p.Xm.CompareTo(q.Xm));
            for (var k = 0; k + 1 < cross.Count; k += 2)
                result.Add((Math.Min(cross[k].Xa, cross[k].Xb), Math.Max(cross[k + 1].Xa, cross[k + 1].Xb)));
        }
        return Merge(result, mergeGap);
    }

    private double XAt(int i, double y)
    {
        var t = (y - _y1[i]) / (_y2[i] - _y1[i]);
        t = Math.Clamp(t, 0, 1);
        return _x1[i] + t * (_x2[i] - _x1[i]);
    }

    internal static List<(double A, double B)> Merge(List<(double A, double B)> iv, double gap)
    {
        if (iv.Count <= 1) return iv;
        iv.Sort((p, q) => p.A.CompareTo(q.A));
        var merged = new List<(double A, double B)> { iv[0] };
        for (var i = 1; i < iv.Count; i++)
        {
            var last = merged[^1];
            if (iv[i].A <= last.B + gap) merged[^1] = (last.A, Math.Max(last.B, iv[i].B));
            else merged.Add(iv[i]);
        }
        return merged;
    }
}
