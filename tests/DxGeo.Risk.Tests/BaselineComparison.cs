using DxGeo.Risk.Evaluation;

namespace DxGeo.Risk.Tests;

/// <summary>Where a model does not beat a baseline: AUC and capture at 1, 5 and 10 % by count and by length.</summary>
internal static class BaselineComparison
{
    public static List<string> Shortfalls(RankingMetrics model, RankingMetrics baseline)
    {
        var lost = new List<string>();
        if (!(model.Auc > baseline.Auc)) lost.Add($"AUC {model.Auc:F3} vs {baseline.Auc:F3}");
        foreach (var f in RankingMetrics.Fractions)
        {
            var (m, b) = (model.CaptureFor(f), baseline.CaptureFor(f));
            if (!(m.ByCount > b.ByCount)) lost.Add($"capture@{f:P0} {m.ByCount:F3} vs {b.ByCount:F3}");
            if (!(m.ByLength > b.ByLength)) lost.Add($"capture@{f:P0} by km {m.ByLength:F3} vs {b.ByLength:F3}");
        }
        return lost;
    }
}
