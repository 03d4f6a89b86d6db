namespace DxGeo.Core.Spatial;

/// <summary>
/// Liang–Barsky clipping of a segment to an axis-aligned box: the part of a→b inside the box as parameters
/// <c>t0 ≤ t1</c> in [0, 1] (point = a + t·(b − a)). Shared by the spatial predicates and the vector-tile clipper.
/// </summary>
public static class SegmentClip
{
    /// <summary>True when some of the segment lies in the box (edges included); then <paramref name="t0"/>..<paramref name="t1"/> is that part.</summary>
    public static bool ToBox(double ax, double ay, double bx, double by, double minX, double minY, double maxX, double maxY,
        out double t0, out double t1)
    {
        t0 = 0;
        t1 = 1;
        var dx = bx - ax;
        var dy = by - ay;
        return Edge(-dx, ax - minX, ref t0, ref t1) && Edge(dx, maxX - ax, ref t0, ref t1)
            && Edge(-dy, ay - minY, ref t0, ref t1) && Edge(dy, maxY - ay, ref t0, ref t1);
    }

    private static bool Edge(double p, double q, ref double t0, ref double t1)
    {
        if (p == 0) return q >= 0; // parallel to this edge: inside its slab or not at all
        var r = q / p;
        if (p < 0)
        {
            if (r > t1) return false;
            if (r > t0) t0 = r;
        }
        else
        {
            if (r < t0) return false;
            if (r < t1) t1 = r;
        }
        return true;
    }
}
