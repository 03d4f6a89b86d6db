using DxGeo.Risk.DataModels;
using DxGeo.Risk.Evaluation;

namespace DxGeo.Risk.Baselines;

/// <summary>
/// The ranking most utilities use today: material classes in order of vulnerability, oldest first within each.
/// The class order is the one the utility's own record supports: break rate per km-year by material over the
/// training years (so the baseline is as strong as the data allows, not a fixed textbook list).
/// Pipes without an install year sort last within their class.
/// </summary>
public sealed class AgeWithinMaterialBaseline
{
    public const string Name = "age within material";
    private readonly Dictionary<string, int> _classRank;

    private AgeWithinMaterialBaseline(Dictionary<string, int> classRank) => _classRank = classRank;

    /// <summary>Material order from the training rows only (never from the year being predicted).</summary>
    public static AgeWithinMaterialBaseline Fit(IReadOnlyList<PipeYearRow> trainingRows)
    {
        var rate = trainingRows.GroupBy(r => r.Material)
            .Select(g => (Material: g.Key, PerKmYear: g.Sum(r => (double)r.BreakCount) / Math.Max(1e-9, g.Sum(r => r.LengthM / 1000.0))))
            .OrderBy(x => x.PerKmYear).ThenBy(x => x.Material, StringComparer.Ordinal)
            .Select((x, i) => (x.Material, Rank: i + 1))
            .ToDictionary(x => x.Material, x => x.Rank);
        return new AgeWithinMaterialBaseline(rate);
    }

    /// <summary>Material order from the record as seen in one year's rows: all past breaks over km × years of record.</summary>
    public static AgeWithinMaterialBaseline FitFromRecord(IReadOnlyList<PipeYearRow> rowsOfOneYear)
    {
        var rate = rowsOfOneYear.GroupBy(r => r.Material)
            .Select(g => (Material: g.Key, PerKmYear: g.Sum(r => (double)r.OwnBreaksAll) /
                Math.Max(1e-9, g.Sum(r => r.LengthM / 1000.0 * Math.Max(1, float.IsNaN(r.AgeYears) ? r.HistoryYears : Math.Min(r.HistoryYears, r.AgeYears))))))
            .OrderBy(x => x.PerKmYear).ThenBy(x => x.Material, StringComparer.Ordinal)
            .Select((x, i) => (x.Material, Rank: i + 1))
            .ToDictionary(x => x.Material, x => x.Rank);
        return new AgeWithinMaterialBaseline(rate);
    }

    /// <summary>Materials from most to least vulnerable, as fitted.</summary>
    public IReadOnlyList<string> MaterialOrder => _classRank.OrderByDescending(kv => kv.Value).Select(kv => kv.Key).ToArray();

    public double Score(PipeYearRow r)
    {
        var cls = _classRank.GetValueOrDefault(r.Material, 0);
        var age = float.IsNaN(r.AgeYears) ? 0 : Math.Clamp(r.AgeYears, 0, 999);
        return cls * 1000.0 + age;
    }

    /// <summary>Age is not a per-length quantity, so the by-length ranking is the same order.</summary>
    public RankerScores Score(IReadOnlyList<PipeYearRow> rows)
    {
        var s = rows.Select(Score).ToArray();
        return new RankerScores(Name, s, s);
    }
}
