using DxGeo.Flight.Internal;
using DxGeo.Flight.Constraints;
using DxGeo.Flight.Patterns;
using NetTopologySuite.Geometries;

namespace DxGeo.Flight.Planning;

/// <summary>A part of the target that the plan does not see with the requested overlap, and why.</summary>
public sealed record UncoveredPart(Geometry GeometryM, double AreaM2, string Reason);

/// <summary>
/// Where the photos actually taken see the ground with the requested overlap. A point counts as covered when
/// ⌊1 / (1 − front overlap)⌋ consecutive photos of one line see it (each photo footprint a side × frontal
/// rectangle along the line) and that line is within half the requested line spacing, so the passes around it are
/// as close as the side overlap asks. Photos are grouped by
/// line key, so a line split between sorties counts as one.
/// </summary>
public static class CoverageAnalysis
{
    /// <summary>Neighbouring bands overlap by this much instead of sharing an edge exactly, which the overlay handles
    /// far more robustly (and faster) than collinear touching edges.</summary>
    internal const double BandSlackM = 0.001;

    public static Geometry Covered(IEnumerable<PhotoLine> lines, IReadOnlyList<SurveyPass> passes, GeometryFactory f)
    {
        var rects = new List<Geometry>();
        foreach (var group in lines.Where(l => passes[l.PassIndex].Kind == PassKind.Nadir).GroupBy(l => l.LineKey))
        {
            var first = group.First();
            var shot = passes[first.PassIndex].Shot;
            var t = first.TriggerDistanceM;
            var k = shot.FrontMultiplicity;
            double ux = first.DirX, uy = first.DirY;
            var o = first.Start;
            var s = group.SelectMany(l => l.Photos()).Select(p => (p.X - o.X) * ux + (p.Y - o.Y) * uy).Order().ToList();
            var runStart = 0;
            for (var i = 1; i <= s.Count; i++)
            {
                if (i < s.Count && Math.Abs(s[i] - s[i - 1]) < 1e-6) { s.RemoveAt(i); i--; continue; }
                if (i < s.Count && Math.Abs(s[i] - s[i - 1] - t) < 1e-6 * Math.Max(1, t)) continue;
                var count = i - runStart;
                if (count >= k)
                {
                    var a = s[runStart] + (k - 1) * t - shot.FootprintFrontalM / 2;
                    var b = s[i - 1] - (k - 1) * t + shot.FootprintFrontalM / 2;
                    if (b > a) rects.Add(Rect(o, ux, uy, a, b, shot.LineSpacingM / 2 + BandSlackM, f));
                }
                runStart = i;
            }
        }
        return Overlay.UnionAll(rects, f);
    }

    public static List<UncoveredPart> Uncovered(Geometry target, Geometry covered, NoFlyConstraint noFly,
        GeofenceConstraint? fence, double reachM)
    {
        var rest = covered.IsEmpty ? target : Overlay.Difference(target, covered);
        var parts = new List<UncoveredPart>();
        for (var i = 0; i < rest.NumGeometries; i++)
        {
            if (rest.GetGeometryN(i) is not Polygon p || p.Area < 0.01) continue;
            string reason;
            var (zone, d) = noFly.Nearest(p);
            if (zone is not null && d <= reachM + noFly.MarginM)
                reason = $"next to no-fly zone {zone.Label}: the lines that would photograph it come closer than the {noFly.MarginM:0} m margin";
            else if (fence is not null && fence.FenceM.Boundary.Distance(p) <= reachM + fence.InsetM)
                reason = "next to the geofence edge: the lines that would photograph it leave the fence";
            else
                reason = "no photo line reaches it";
            parts.Add(new UncoveredPart(p, p.Area, reason));
        }
        return parts;
    }

    private static Polygon Rect(Coordinate o, double ux, double uy, double a, double b, double halfW, GeometryFactory f)
    {
        double vx = -uy, vy = ux;
        Coordinate C(double s, double w) => new(o.X + ux * s + vx * w, o.Y + uy * s + vy * w);
        return f.CreatePolygon([C(a, -halfW), C(b, -halfW), C(b, halfW), C(a, halfW), C(a, -halfW)]);
    }
}
