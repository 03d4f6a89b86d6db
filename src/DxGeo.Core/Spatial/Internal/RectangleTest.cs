using NetTopologySuite.Geometries;

namespace DxGeo.Core.Spatial.Internal;

/// <summary>
/// Whether a geometry meets an axis-aligned box, without allocating: points and lines (the bulk of asset layers)
/// are clipped segment by segment (Liang–Barsky); polygons and other types go to NTS's rectangle predicate.
/// </summary>
internal static class RectangleTest
{
    public static bool Intersects(Envelope box, Geometry box4326, Geometry g)
    {
        switch (g)
        {
            case Point p:
                return !p.IsEmpty && box.Intersects(p.X, p.Y);
            case LineString ls:
                return LineMeets(box, ls.CoordinateSequence);
            case MultiPoint or MultiLineString:
                for (var i = 0; i < g.NumGeometries; i++)
                    if (Intersects(box, box4326, g.GetGeometryN(i))) return true;
                return false;
            default:
                return box4326.Intersects(g);
        }
    }

    private static bool LineMeets(Envelope box, CoordinateSequence seq)
    {
        var n = seq.Count;
        if (n == 0) return false;
        double ax = seq.GetX(0), ay = seq.GetY(0);
        if (box.Intersects(ax, ay)) return true;
        for (var i = 1; i < n; i++)
        {
            double bx = seq.GetX(i), by = seq.GetY(i);
            if (SegmentMeets(box, ax, ay, bx, by)) return true;
            ax = bx;
            ay = by;
        }
        return false;
    }

    // Liang–Barsky: clip the parameter range [0, 1] of a + t(b − a) against the four slabs of the box.
    private static bool SegmentMeets(Envelope box, double ax, double ay, double bx, double by) =>
        SegmentClip.ToBox(ax, ay, bx, by, box.MinX, box.MinY, box.MaxX, box.MaxY, out _, out _);
}
