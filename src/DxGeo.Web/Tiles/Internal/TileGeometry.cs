using DxGeo.Core.Spatial;

namespace DxGeo.Web.Tiles.Internal;

/// <summary>
/// Geometry work in tile units (0..extent, y down): clipping lines (Liang–Barsky, splitting where a line leaves
/// and re-enters) and rings (Sutherland–Hodgman) to the buffered tile square, Douglas–Peucker simplification, and
/// rounding to the integer grid with repeated points removed. Coordinates are interleaved x,y doubles.
/// </summary>
internal static class TileGeometry
{
    /// <summary>Pieces of the line inside [min, max]² (each at least two points).</summary>
    public static void ClipLine(ReadOnlySpan<double> xy, double min, double max, List<double[]> output)
    {
        var run = new List<double>();
        for (var i = 0; i + 3 < xy.Length; i += 2)
        {
            double x0 = xy[i], y0 = xy[i + 1], x1 = xy[i + 2], y1 = xy[i + 3];
            double dx = x1 - x0, dy = y1 - y0;
            if (!SegmentClip.ToBox(x0, y0, x1, y1, min, min, max, max, out var t0, out var t1))
            {
                Flush(run, output);
                continue;
            }
            if (t0 > 0 || run.Count == 0)
            {
                Flush(run, output);
                run.Add(x0 + t0 * dx);
                run.Add(y0 + t0 * dy);
            }
            run.Add(x0 + t1 * dx);
            run.Add(y0 + t1 * dy);
            if (t1 < 1) Flush(run, output);
        }
        Flush(run, output);
    }

    private static void Flush(List<double> run, List<double[]> output)
    {
        if (run.Count >= 4) output.Add(run.ToArray());
        run.Clear();
    }

    /// <summary>The ring clipped to [min, max]² (closed: last point = first), or an empty array when nothing is left.
    /// Parts outside become edges along the square's sides, which lie in the tile buffer and are never seen.</summary>
    public static double[] ClipRing(double[] ring, double min, double max)
    {
        var cur = new List<double>(ring.Length);
        // Open ring (the closing point dropped) for the clipping passes.
        var n = ring.Length;
        if (n >= 4 && ring[0] == ring[n - 2] && ring[1] == ring[n - 1]) n -= 2;
        for (var i = 0; i < n; i++) cur.Add(ring[i]);
        var next = new List<double>(ring.Length);
        for (var side = 0; side < 4 && cur.Count >= 6; side++)
        {
            next.Clear();
            var m = cur.Count;
            for (var i = 0; i < m; i += 2)
            {
                double ax = cur[(i - 2 + m) % m], ay = cur[(i - 1 + m) % m], bx = cur[i], by = cur[i + 1];
                bool ain = Inside(ax, ay, side, min, max), bin = Inside(bx, by, side, min, max);
                if (bin)
                {
                    if (!ain) Cross(ax, ay, bx, by, side, min, max, next);
                    next.Add(bx);
                    next.Add(by);
                }
                else if (ain) Cross(ax, ay, bx, by, side, min, max, next);
            }
            (cur, next) = (next, cur);
        }
        if (cur.Count < 6) return [];
        cur.Add(cur[0]);
        cur.Add(cur[1]);
        return cur.ToArray();
    }

    private static bool Inside(double x, double y, int side, double min, double max) => side switch
    {
        0 => x >= min,
        1 => x <= max,
        2 => y >= min,
        _ => y <= max,
    };

    private static void Cross(double ax, double ay, double bx, double by, int side, double min, double max, List<double> output)
    {
        var edge = side is 0 or 2 ? min : max;
        if (side < 2)
        {
            var t = (edge - ax) / (bx - ax);
            output.Add(edge);
            output.Add(ay + t * (by - ay));
        }
        else
        {
            var t = (edge - ay) / (by - ay);
            output.Add(ax + t * (bx - ax));
            output.Add(edge);
        }
    }

    /// <summary>Douglas–Peucker: the points to keep (first and last always) with no point of the original farther than <paramref name="tolerance"/>.</summary>
    public static bool[] Simplify(ReadOnlySpan<double> xy, double tolerance)
    {
        var n = xy.Length / 2;
        var keep = new bool[n];
        keep[0] = keep[n - 1] = true;
        if (n <= 2) return keep;
        var stack = new Stack<(int, int)>();
        stack.Push((0, n - 1));
        var tol2 = tolerance * tolerance;
        while (stack.Count > 0)
        {
            var (a, b) = stack.Pop();
            double ax = xy[2 * a], ay = xy[2 * a + 1], dx = xy[2 * b] - ax, dy = xy[2 * b + 1] - ay;
            var len2 = dx * dx + dy * dy;
            var worst = -1;
            var worstD2 = tol2;
            for (var i = a + 1; i < b; i++)
            {
                double px = xy[2 * i] - ax, py = xy[2 * i + 1] - ay, d2;
                if (len2 == 0) d2 = px * px + py * py;
                else
                {
                    var t = Math.Clamp((px * dx + py * dy) / len2, 0, 1);
                    double ex = px - t * dx, ey = py - t * dy;
                    d2 = ex * ex + ey * ey;
                }
                if (d2 > worstD2) { worstD2 = d2; worst = i; }
            }
            if (worst < 0) continue;
            keep[worst] = true;
            stack.Push((a, worst));
            stack.Push((worst, b));
        }
        return keep;
    }

    /// <summary>Kept points rounded to the integer grid, consecutive repeats removed; returns the number of ints written.</summary>
    public static int Quantize(ReadOnlySpan<double> xy, bool[] keep, List<int> output)
    {
        output.Clear();
        for (var i = 0; i < keep.Length; i++)
        {
            if (!keep[i]) continue;
            var x = (int)Math.Round(xy[2 * i]);
            var y = (int)Math.Round(xy[2 * i + 1]);
            var c = output.Count;
            if (c >= 2 && output[c - 2] == x && output[c - 1] == y) continue;
            output.Add(x);
            output.Add(y);
        }
        return output.Count;
    }

    /// <summary>Twice the signed area (shoelace) of a ring given without its closing point; positive = clockwise on screen (y down).</summary>
    public static long Area2(ReadOnlySpan<int> xy)
    {
        long s = 0;
        var n = xy.Length;
        for (var i = 0; i < n; i += 2)
        {
            var j = (i + 2) % n;
            s += (long)xy[i] * xy[j + 1] - (long)xy[j] * xy[i + 1];
        }
        return s;
    }

    /// <summary>Reverses the point order of interleaved x,y pairs in place.</summary>
    public static void ReversePoints(Span<int> xy)
    {
        for (int i = 0, j = xy.Length - 2; i < j; i += 2, j -= 2)
        {
            (xy[i], xy[j]) = (xy[j], xy[i]);
            (xy[i + 1], xy[j + 1]) = (xy[j + 1], xy[i + 1]);
        }
    }
}
