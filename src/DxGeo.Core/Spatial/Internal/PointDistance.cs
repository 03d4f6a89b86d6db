using NetTopologySuite.Algorithm;
using NetTopologySuite.Geometries;

namespace DxGeo.Core.Spatial.Internal;

/// <summary>
/// Distance from a point to a geometry in the same (metric) plane without building a DistanceOp:
/// the k-NN and snapping loops call this millions of times, so it walks coordinate sequences directly.
/// </summary>
internal static class PointDistance
{
    public static double ToGeometry(double x, double y, Geometry g)
    {
        switch (g)
        {
            case Point p:
                return p.IsEmpty ? double.PositiveInfinity : Hypot(x - p.X, y - p.Y);
            case LineString ls:
                return ToSequence(x, y, ls.CoordinateSequence);
            case Polygon poly:
                return ToPolygon(x, y, poly);
            case GeometryCollection gc:
                var best = double.PositiveInfinity;
                for (var i = 0; i < gc.NumGeometries && best > 0; i++)
                    best = Math.Min(best, ToGeometry(x, y, gc.GetGeometryN(i)));
                return best;
            default:
                return g.Distance(g.Factory.CreatePoint(new Coordinate(x, y)));
        }
    }

    /// <summary>Distance to the nearest segment of the sequence (a single coordinate counts as a point).</summary>
    public static double ToSequence(double x, double y, CoordinateSequence seq)
    {
        var n = seq.Count;
        if (n == 0) return double.PositiveInfinity;
        var ax = seq.GetX(0);
        var ay = seq.GetY(0);
        if (n == 1) return Hypot(x - ax, y - ay);
        var bestSq = double.PositiveInfinity;
        for (var i = 1; i < n; i++)
        {
            var bx = seq.GetX(i);
            var by = seq.GetY(i);
            var d = SegmentSq(x, y, ax, ay, bx, by);
            if (d < bestSq) bestSq = d;
            ax = bx;
            ay = by;
        }
        return Math.Sqrt(bestSq);
    }

    private static double ToPolygon(double x, double y, Polygon poly)
    {
        if (poly.IsEmpty) return double.PositiveInfinity;
        var pt = new Coordinate(x, y);
        if (RayCrossingCounter.LocatePointInRing(pt, poly.Shell.CoordinateSequence) != Location.Exterior)
        {
            var inHole = false;
            foreach (var hole in poly.Holes)
                if (RayCrossingCounter.LocatePointInRing(pt, hole.CoordinateSequence) == Location.Interior) { inHole = true; break; }
            if (!inHole) return 0;
        }
        var best = ToSequence(x, y, poly.Shell.CoordinateSequence);
        foreach (var hole in poly.Holes)
            best = Math.Min(best, ToSequence(x, y, hole.CoordinateSequence));
        return best;
    }

    private static double SegmentSq(double px, double py, double ax, double ay, double bx, double by)
    {
        var dx = bx - ax;
        var dy = by - ay;
        var len2 = dx * dx + dy * dy;
        var t = len2 > 0 ? ((px - ax) * dx + (py - ay) * dy) / len2 : 0;
        if (t < 0) t = 0; else if (t > 1) t = 1;
        var cx = ax + t * dx - px;
        var cy = ay + t * dy - py;
        return cx * cx + cy * cy;
    }

    private static double Hypot(double dx, double dy) => Math.Sqrt(dx * dx + dy * dy);
}
