using DxGeo.Risk.DataModels;
using DxGeo.Risk.Evaluation;

namespace DxGeo.Risk.Baselines;

/// <summary>
/// Past-break history alone: segments with more recorded breaks first, the most recent break breaking ties.
/// By length it ranks past breaks per km. Needs no fitting.
/// </summary>
public static class PastBreaksBaseline
{
    public const string Name = "past breaks";

    public static double Score(PipeYearRow r)
    {
        // Recency term < 0.5 so it only orders segments with the same count.
        var recency = float.IsNaN(r.YearsSinceLastBreak) ? 0 : 0.5 / (1 + r.YearsSinceLastBreak);
        return r.OwnBreaksAll + recency;
    }

    public static RankerScores Score(IReadOnlyList<PipeYearRow> rows)
    {
        var s = rows.Select(Score).ToArray();
        var perKm = rows.Select((r, i) => s[i] / (Math.Max(r.LengthM, 1f) / 1000.0)).ToArray();
        return new RankerScores(Name, s, perKm);
    }
}
