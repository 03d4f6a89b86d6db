using DxGeo.Flight.Patterns;
using NetTopologySuite.Geometries;

namespace DxGeo.Flight.Internal;

/// <summary>Orders photo lines to keep transits short: nearest next line end, flying it from that end.</summary>
internal static class LineOrdering
{
    public static List<PhotoLine> Greedy(IReadOnlyList<PhotoLine> lines, Coordinate from)
    {
        var left = new List<PhotoLine>(lines);
        var order = new List<PhotoLine>(lines.Count);
        var here = from;
        while (left.Count > 0)
        {
            int best = -1; bool reverse = false; double bestD = double.MaxValue;
            for (var i = 0; i < left.Count; i++)
            {
                var ds = here.Distance(left[i].LeadStart);
                var de = here.Distance(left[i].LeadEnd);
                if (ds < bestD - 1e-9) { bestD = ds; best = i; reverse = false; }
                if (de < bestD - 1e-9) { bestD = de; best = i; reverse = true; }
            }
            var line = reverse ? left[best].Reversed() : left[best];
            left.RemoveAt(best);
            order.Add(line);
            here = line.LeadEnd;
        }
        return order;
    }

    /// <summary>Length of the straight connections between consecutive lines (a lower bound of the transits).</summary>
    public static double ConnectionLengthM(IReadOnlyList<PhotoLine> ordered)
    {
        var d = 0.0;
        for (var i = 0; i + 1 < ordered.Count; i++) d += ordered[i].LeadEnd.Distance(ordered[i + 1].LeadStart);
        return d;
    }
}
