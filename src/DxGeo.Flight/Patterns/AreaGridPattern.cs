using DxGeo.Core.Errors;
using DxGeo.Flight.Camera;
using DxGeo.Flight.Internal;
using NetTopologySuite.Geometries;

namespace DxGeo.Flight.Patterns;

/// <summary>Settings of a nadir lawn-mower grid over an area (metres, seconds).</summary>
public sealed record AreaGridOptions
{
    public required CameraShot Shot { get; init; }
    public required double AltitudeM { get; init; }
    /// <summary>Compass bearing of the flight lines (0 = north–south lines); null = the angle with the shortest flight time.</summary>
    public double? LineBearingDeg { get; init; }
    public double TurnaroundM { get; init; } = 10;
    public required double SpeedMps { get; init; }
    /// <summary>Time a multirotor loses per line end (decelerate, turn, accelerate), used to compare angles.</summary>
    public double TurnPenaltyS { get; init; } = 4;
    /// <summary>Lines are cut into blocks about this size so one sortie can fly a block near its launch point; null = no blocks.</summary>
    public double? BlockSideM { get; init; }
}

/// <summary>
/// Lawn-mower grid over a polygon (concave, with holes): no-fly zones are cut out of the target, the line angle
/// minimises the estimated flight time unless given, every target point is seen with the requested overlap
/// (lines extend past the edges as far as the footprint requires), and lines are grouped in sortie-sized blocks.
/// </summary>
public static class AreaGridPattern
{
    public static SurveyPattern Plan(Geometry areaM, IReadOnlyList<Geometry> noFlyZonesM, AreaGridOptions o)
    {
        GeometryChecks.ValidPolygonal(areaM, "survey area");
        var f = areaM.Factory;
        var target = areaM;
        foreach (var z in noFlyZonesM)
            if (z.Intersects(target)) target = GeometryChecks.Polygonal(Overlay.Difference(target, z), f);
        if (target.IsEmpty)
            throw new DxGeoException("the survey area lies entirely inside no-fly zones: nothing can be covered");

        var bearing = o.LineBearingDeg ?? BestBearing(target, o);
        var lines = Lines(target, bearing, o, out var frame);
        var ordered = Blocks(lines, frame, o);
        var pass = new SurveyPass
        {
            Name = $"grid {bearing:0}°", Kind = PassKind.Nadir, Shot = o.Shot, AltitudeM = o.AltitudeM,
            GimbalPitchDeg = -90, FocalLengthMm = 0,
        };
        return new SurveyPattern
        {
            Kind = "area", Passes = [pass], Lines = ordered, Target = target, TransitAltitudeM = o.AltitudeM,
            LineSpeedMps = o.SpeedMps,
            Warnings = o.LineBearingDeg is null ? [$"line bearing {bearing:0}° chosen for the shortest estimated flight time"] : [],
        };
    }

    /// <summary>Estimated flight time (s) of the grid at <paramref name="bearingDeg"/>: lines, turnarounds, connections, turns.</summary>
    public static double EstimateTimeS(Geometry target, double bearingDeg, AreaGridOptions o)
    {
        var lines = Lines(target, bearingDeg, o, out _);
        if (lines.Count == 0) return double.MaxValue;
        var ordered = LineOrdering.Greedy(lines, lines[0].LeadStart);
        var dist = ordered.Sum(l => l.FlownLengthM) + LineOrdering.ConnectionLengthM(ordered);
        return dist / o.SpeedMps + ordered.Count * o.TurnPenaltyS;
    }

    internal static double BestBearing(Geometry target, AreaGridOptions o)
    {
        // Coarse sweep plus the hull's edge directions (a minimum-width direction is parallel to a hull edge),
        // then a 1° refinement around the best.
        var candidates = new List<double>();
        for (var b = 0; b < 180; b += 5) candidates.Add(b);
        var hull = target.ConvexHull().Coordinates;
        for (var i = 0; i + 1 < hull.Length; i++)
        {
            var d = hull[i].Distance(hull[i + 1]);
            if (d > o.Shot.LineSpacingM) candidates.Add(Math.Round(Geo.HeadingDeg(hull[i + 1].X - hull[i].X, hull[i + 1].Y - hull[i].Y) % 180, 1));
        }
        double best = 0, bestT = double.MaxValue;
        foreach (var b in candidates.Distinct())
        {
            var t = EstimateTimeS(target, b, o);
            if (t < bestT - 1e-6) { bestT = t; best = b; }
        }
        for (var d = -4; d <= 4; d++)
        {
            if (d == 0) continue;
            var b = ((best + d) % 180 + 180) % 180;
            var t = EstimateTimeS(target, b, o);
            if (t < bestT - 1e-6) { bestT = t; best = b; }
        }
        return best;
    }

    private static List<PhotoLine> Lines(Geometry target, double bearingDeg, AreaGridOptions o, out LineFrame frame)
    {
        var angleRad = (90 - bearingDeg) * Math.PI / 180;
        frame = new LineFrame(target.EnvelopeInternal.Centre, angleRad);
        var region = new StripProjection(frame.Rings(target));
        var offsets = ParallelLineCover.CentredOffsets(region.MinY, region.MaxY, o.Shot.LineSpacingM);
        // Gaps shorter than a turnaround are cheaper to fly across than to turn at.
        var frameLines = ParallelLineCover.Cover(region, offsets, o.Shot.FootprintFrontalM, o.Shot.TriggerDistanceM, 2 * o.TurnaroundM);
        var (ux, uy) = frame.Along;
        var result = new List<PhotoLine>(frameLines.Count);
        var key = 0;
        foreach (var fl in frameLines)
            result.Add(new PhotoLine
            {
                Start = frame.FromFrame(fl.X0, fl.Y), DirX = ux, DirY = uy, PhotoCount = fl.Count,
                TriggerDistanceM = o.Shot.TriggerDistanceM, AltitudeM = o.AltitudeM, PassIndex = 0, LineKey = key++,
                LeadInM = o.TurnaroundM, LeadOutM = o.TurnaroundM, GimbalPitchDeg = -90,
            });
        return result;
    }

    /// <summary>Cuts lines into blocks of equal size no larger than the block side (serpentine over bands of lines,
    /// then along them) and orders each block greedily.</summary>
    private static List<PhotoLine> Blocks(List<PhotoLine> lines, LineFrame frame, AreaGridOptions o)
    {
        if (lines.Count == 0) return lines;
        var side = o.BlockSideM ?? double.PositiveInfinity;
        var ys = lines.Select(l => frame.ToFrame(l.Start.X, l.Start.Y).Y).ToList();
        double yMin = ys.Min(), yMax = ys.Max();
        var xMin = lines.Min(l => frame.ToFrame(l.Start.X, l.Start.Y).X);
        var xMax = lines.Max(l => frame.ToFrame(l.End.X, l.End.Y).X);
        var bands = double.IsInfinity(side) ? 1 : Math.Max(1, (int)Math.Ceiling((yMax - yMin) / side - 1e-9));
        var cols = double.IsInfinity(side) ? 1 : Math.Max(1, (int)Math.Ceiling((xMax - xMin) / side - 1e-9));
        double bandH = (yMax - yMin) / bands, colW = (xMax - xMin) / cols;
        var pieces = new List<(int Band, int Block, PhotoLine Line)>();
        foreach (var line in lines)
        {
            var (x0, y) = frame.ToFrame(line.Start.X, line.Start.Y);
            var band = bands == 1 ? 0 : Math.Min(bands - 1, (int)Math.Floor((y - yMin) / bandH));
            var rest = line;
            var firstX = x0;
            while (true)
            {
                var block = cols == 1 ? 0 : Math.Min(cols - 1, (int)Math.Floor((firstX - xMin) / colW + 1e-9));
                var blockEnd = xMin + (block + 1) * colW;
                var inBlock = cols == 1 || block == cols - 1 ? rest.PhotoCount
                    : Math.Min(rest.PhotoCount, (int)Math.Floor((blockEnd - firstX) / rest.TriggerDistanceM - 1e-9) + 1);
                if (inBlock >= rest.PhotoCount || inBlock < 1) { pieces.Add((band, block, rest)); break; }
                var (head, tail) = rest.SplitAfter(inBlock, o.TurnaroundM);
                pieces.Add((band, block, head));
                rest = tail;
                firstX += inBlock * rest.TriggerDistanceM;
            }
        }
        var ordered = new List<PhotoLine>();
        var here = lines[0].LeadStart;
        for (var band = 0; band < bands; band++)
        {
            var blocks = pieces.Where(p => p.Band == band).Select(p => p.Block).Distinct().Order().ToList();
            if (band % 2 == 1) blocks.Reverse();
            foreach (var block in blocks)
            {
                var part = LineOrdering.Greedy(pieces.Where(p => p.Band == band && p.Block == block).Select(p => p.Line).ToList(), here);
                ordered.AddRange(part);
                here = part[^1].LeadEnd;
            }
        }
        return ordered;
    }
}
