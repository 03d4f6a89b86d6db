using DxGeo.Core.Errors;
using DxGeo.Flight.Patterns;
using DxGeo.Flight.Planning;
using NetTopologySuite.Geometries;

namespace DxGeo.Flight.Constraints;

/// <summary>
/// Splits the ordered photo lines into sorties. Each sortie takes off from one launch point, flies as many of the
/// next lines as fit (a line is cut between photos when only part of it fits) while every waypoint stays within
/// radio range of that point and the estimated time, return and landing included, stays within the battery budget,
/// then returns and lands there. For each sortie the launch point that lets it cover the most photos is chosen.
/// A line that no launch point can serve is an error naming the reason.
/// </summary>
/// <remarks>
/// Lines are first taken on a lower bound of the way back (straight, at cruise speed); only the end that is kept is
/// then checked with the real routed return, stepping back while it does not fit. This keeps routing to a few
/// searches per candidate instead of one per line.
/// </remarks>
public sealed class BatterySortieSplitter(
    IReadOnlyList<LaunchPoint> launches, TransitPaths transits, RadioRangeConstraint radio, BatteryModel battery,
    double transitAltitudeM, double lineSpeedMps, bool hoverPerPhoto, double turnaroundM, Func<Coordinate, string> describe)
{
    private sealed record Fill(LaunchPoint Launch, List<SortieLeg> Legs, int Consumed, PhotoLine? Remainder, int Photos,
        double TimeS, double DistanceM, string? Failure);

    /// <summary>State after taking some lines: legs so far, time and distance so far, where the vehicle is.</summary>
    private sealed record Step(List<SortieLeg> Legs, double TimeS, double DistanceM, Coordinate Here, double HereZ,
        int Photos, int Consumed, PhotoLine? Remainder);

    public List<Sortie> Split(IReadOnlyList<PhotoLine> lines)
    {
        var queue = new List<PhotoLine>(lines);
        var sorties = new List<Sortie>();
        while (queue.Count > 0)
        {
            Fill? best = null;
            var failures = new List<string>();
            foreach (var c in launches)
            {
                if (!radio.Reaches(c.PositionM, queue[0].LeadStart))
                {
                    failures.Add($"'{c.Id}' is {c.PositionM.Distance(queue[0].LeadStart):0} m away (radio range {radio.RangeM:0} m)");
                    continue;
                }
                var fill = TryFill(c, queue);
                if (fill.Photos == 0) { failures.Add($"'{c.Id}': {fill.Failure}"); continue; }
                if (best is null || fill.Photos > best.Photos || (fill.Photos == best.Photos && fill.TimeS < best.TimeS)) best = fill;
            }
            if (best is null)
                throw new DxGeoException($"no launch point can fly the photo line starting at {describe(queue[0].Start)}: {string.Join("; ", failures)}");
            queue.RemoveRange(0, best.Consumed);
            if (best.Remainder is not null) queue.Insert(0, best.Remainder);
            sorties.Add(Build(sorties.Count + 1, best));
        }
        return sorties;
    }

    private Fill TryFill(LaunchPoint c, List<PhotoLine> queue)
    {
        var home = c.PositionM;
        var steps = new List<Step> { new([], transitAltitudeM / battery.ClimbSpeedMps, transitAltitudeM, home, transitAltitudeM, 0, 0, null) };
        string? failure = null;
        (Step Before, PhotoLine Line, TransitPaths.Path Into)? partial = null;
        for (var i = 0; i < queue.Count; i++)
        {
            var s = steps[^1];
            var line = queue[i];
            var into = transits.Between(s.Here, s.HereZ, line.LeadStart, line.AltitudeM);
            if (into is null) { failure = $"no clear transit to {describe(line.LeadStart)}"; break; }
            if (!InRange(home, into.Points)) { failure = "the transit leaves radio range"; break; }
            var tIn = battery.TransitS(into.HorizontalM, into.VerticalM);
            if (radio.Reaches(home, line.LeadEnd) && s.TimeS + tIn + LineS(line) + BackLowerBoundS(home, line) <= battery.BudgetS)
            {
                steps.Add(Take(s, into, tIn, line, i + 1, null));
                continue;
            }
            partial = (s, line, into);
            break;
        }

        // The longest head of the line that stopped us, on the lower bound (monotone in the photo count).
        if (partial is { } p)
        {
            var tIn = battery.TransitS(p.Into.HorizontalM, p.Into.VerticalM);
            int lo = 0, hi = p.Line.PhotoCount - 1;
            while (lo < hi)
            {
                var mid = (lo + hi + 1) / 2;
                var head = p.Line.SplitAfter(mid, turnaroundM).Head;
                if (radio.Reaches(home, head.LeadEnd) && p.Before.TimeS + tIn + LineS(head) + BackLowerBoundS(home, head) <= battery.BudgetS) lo = mid;
                else hi = mid - 1;
            }
            // Exact check from the longest candidate head down.
            for (var m = lo; m >= 1; m--)
            {
                var (head, tail) = p.Line.SplitAfter(m, turnaroundM);
                // The cut line counts as consumed; its tail goes back to the front of the queue.
                var st = Take(p.Before, p.Into, tIn, head, p.Before.Consumed + 1, tail);
                if (Close(home, st) is { } fill) return fill with { Launch = c };
                if (m < lo - 2) break; // the return route is what fails, not the length: fall back to whole lines
            }
            if (steps.Count == 1)
            {
                var one = p.Line.PhotoCount > 1 ? p.Line.SplitAfter(1, turnaroundM).Head : p.Line;
                failure = !radio.Reaches(home, one.LeadEnd) ? $"the line leaves radio range ({radio.RangeM:0} m)"
                    : Back(home, one.LeadEnd, one.AltitudeM) is null ? $"no clear way back from {describe(one.LeadEnd)} within radio range"
                    : $"even one photo and the way back take longer than the {battery.BudgetS / 60:0.0} min budget";
            }
        }
        for (var k = steps.Count - 1; k >= 1; k--)
            if (Close(home, steps[k]) is { } fill) return fill with { Launch = c };
        return new Fill(c, [], 0, null, 0, 0, 0, failure ?? "nothing fits");
    }

    private Step Take(Step s, TransitPaths.Path into, double tIn, PhotoLine line, int consumed, PhotoLine? remainder) =>
        new([.. s.Legs, new TransitLeg(into.Points), new LineLeg(line)],
            s.TimeS + tIn + LineS(line), s.DistanceM + into.HorizontalM + into.VerticalM + line.FlownLengthM,
            line.LeadEnd, line.AltitudeM, s.Photos + line.PhotoCount, consumed, remainder);

    /// <summary>Adds the routed return and landing; null when it is blocked, leaves radio range or breaks the budget.</summary>
    private Fill? Close(Coordinate home, Step s)
    {
        var back = Back(home, s.Here, s.HereZ);
        if (back is null) return null;
        var time = s.TimeS + battery.TransitS(back.HorizontalM, back.VerticalM) + transitAltitudeM / battery.ClimbSpeedMps;
        if (time > battery.BudgetS) return null;
        return new Fill(launches[0], [.. s.Legs, new TransitLeg(back.Points)], s.Consumed, s.Remainder, s.Photos, time,
            s.DistanceM + back.HorizontalM + back.VerticalM + transitAltitudeM, null);
    }

    private TransitPaths.Path? Back(Coordinate home, Coordinate from, double fromZ)
    {
        var back = transits.Between(from, fromZ, home, transitAltitudeM);
        return back is not null && InRange(home, back.Points) ? back : null;
    }

    private double LineS(PhotoLine line) => battery.LineS(line.FlownLengthM, lineSpeedMps, line.PhotoCount, hoverPerPhoto);

    /// <summary>The way back can be no faster than straight at cruise speed, the altitude change, and landing.</summary>
    private double BackLowerBoundS(Coordinate home, PhotoLine line) =>
        battery.TransitS(line.LeadEnd.Distance(home), line.AltitudeM - transitAltitudeM) + transitAltitudeM / battery.ClimbSpeedMps;

    private bool InRange(Coordinate home, IEnumerable<CoordinateZ> pts) => pts.All(p => radio.Reaches(home, p));

    private Sortie Build(int index, Fill f)
    {
        var s = new Sortie
        {
            Index = index, Launch = f.Launch, TransitAltitudeM = transitAltitudeM, Legs = f.Legs, DistanceM = f.DistanceM,
            TimeS = f.TimeS, PhotoCount = f.Photos, MaxDistanceFromLaunchM = 0, MaxAltitudeM = 0,
        };
        var wps = s.Waypoints().ToList();
        return s with
        {
            MaxDistanceFromLaunchM = wps.Max(p => Math.Sqrt(Math.Pow(p.X - f.Launch.PositionM.X, 2) + Math.Pow(p.Y - f.Launch.PositionM.Y, 2))),
            MaxAltitudeM = wps.Max(p => p.Z),
        };
    }
}
