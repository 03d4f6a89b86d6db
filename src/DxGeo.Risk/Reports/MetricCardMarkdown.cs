using System.Globalization;
using System.Text;
using DxGeo.Risk.Evaluation;

namespace DxGeo.Risk.Reports;

/// <summary>The metric card as Markdown (card.md) and the metrics table the CLI prints.</summary>
public static class MetricCardMarkdown
{
    private static readonly CultureInfo C = CultureInfo.InvariantCulture;

    /// <summary>Model against the baselines: AUC, precision in the top 1 %, breaks captured in the top 1/5/10 % by count and length, Brier.</summary>
    public static string MetricsTable(IReadOnlyList<RankingMetrics> methods)
    {
        var sb = new StringBuilder();
        sb.AppendLine("| method | ROC AUC | precision top 1 % | capture 1 % | 5 % | 10 % | capture 1 % (km) | 5 % (km) | 10 % (km) | Brier |");
        sb.AppendLine("|---|---|---|---|---|---|---|---|---|---|");
        foreach (var m in methods)
        {
            string Cap(double f, bool len) { var c = m.CaptureFor(f); return P(len ? c.ByLength : c.ByCount); }
            var brier = m.Brier is { } b ? b.ToString("F4", C) : "–";
            sb.AppendLine(C, $"| {m.Method} | {m.Auc:F3} | {m.PrecisionTop1Pct:F3} | {Cap(0.01, false)} | {Cap(0.05, false)} | {Cap(0.10, false)} | {Cap(0.01, true)} | {Cap(0.05, true)} | {Cap(0.10, true)} | {brier} |");
        }
        return sb.ToString();
    }

    /// <summary>Differences (first − second) with their 95 % bootstrap intervals over pipes.</summary>
    public static string ComparisonTable(IReadOnlyList<PairedComparison> comparisons)
    {
        var sb = new StringBuilder();
        sb.AppendLine("| comparison | " + string.Join(" | ", BootstrapComparison.Metrics) + " |");
        sb.AppendLine("|---|" + string.Concat(Enumerable.Repeat("---|", BootstrapComparison.Metrics.Length)));
        foreach (var c in comparisons)
            sb.AppendLine("| " + c.Method + " − " + c.Against + " | " + string.Join(" | ", c.Differences.Select(d =>
                string.Format(C, "{0:+0.000;−0.000} [{1:+0.000;−0.000}, {2:+0.000;−0.000}]{3}", d.Estimate, d.Low, d.High, d.ClearlyAbove ? " ✓" : ""))) + " |");
        return sb.ToString();
    }

    public static string Render(MetricCard card)
    {
        var sb = new StringBuilder();
        var d = card.Data;
        sb.AppendLine("# Metric card: pipe break risk");
        sb.AppendLine();
        sb.AppendLine(C, $"- **Model**: {card.Model}");
        sb.AppendLine(C, $"- **Date**: {card.CreatedUtc:yyyy-MM-dd HH:mm} UTC (training {card.TrainSeconds:F1} s)");
        var dropped = d.BreaksDropped > 0 ? $" ({d.BreaksDropped} near no pipe left out)" : "";
        sb.AppendLine(C, $"- **Data**: {d.Source}: {d.Pipes} pipes ({d.PipesInService} in service, {d.KmInService:F1} km), {d.Breaks} breaks {d.FirstYear}–{d.LastCompleteYear}{dropped}");
        sb.AppendLine(C, $"- **Panel**: {d.PanelRows} pipe-years from {d.PanelFirstYear}; {d.BrokenShare:P1} of pipe-years had a break");
        sb.AppendLine(C, $"- **Split**: {card.Split.Method}; held-out years {string.Join(", ", card.Split.TestYears)}. The saved model is refitted on {card.Split.FinalModelFirstYear}–{card.Split.FinalModelLastYear} and scores {card.Split.ScoresYear}.");
        sb.AppendLine(C, $"- **Settings**: {card.Training.Iterations} trees, {card.Training.Leaves} leaves, ≥ {card.Training.MinRowsPerLeaf} pipe-years per leaf, learning rate {card.Training.LearningRate}, seed {card.Training.Seed}; frailty shape α = {card.FrailtyShape:F2}; expected breaks = trees^{card.Training.TreeWeight:0.##} × empirical Bayes^{1 - card.Training.TreeWeight:0.##}");
        sb.AppendLine();
        sb.AppendLine("## Held-out years ranked together (headline)");
        sb.AppendLine();
        sb.Append(MetricsTable(card.Pooled));
        sb.AppendLine();
        sb.AppendLine("Capture = share of the held-out year's breaks on the top-ranked 1/5/10 % of segments (by count), or on the top-ranked segments making up 1/5/10 % of the network's length (km).");
        sb.AppendLine();
        if (card.Comparisons.Count > 0)
        {
            sb.AppendLine(C, $"### Model − baseline, with 95 % bootstrap intervals ({card.Comparisons[0].Replicates} resamples of pipes)");
            sb.AppendLine();
            sb.Append(ComparisonTable(card.Comparisons));
            sb.AppendLine();
            sb.AppendLine("✓ = the whole interval lies above zero (better beyond resampling noise). All years of a drawn pipe go together.");
            sb.AppendLine();
        }
        if (card.ShuffledLabels is { } sh)
        {
            sb.AppendLine("## Label-shuffle control (held-out years ranked together)");
            sb.AppendLine();
            sb.Append(MetricsTable([card.Pooled[0], sh, .. card.Pooled.Skip(1)]));
            sb.AppendLine();
            sb.AppendLine("The same training with the training years' outcomes (label and break count) permuted among pipe-years: GLM prior, year factors, " +
                "the frailty shape α and the record adjustment (fitted on how well the record predicts the outcome) and the trees are all refitted on them. " +
                "Nothing the model takes from data relates to any feature any more; what is left is the built-in assumption that breaks grow with length.");
            sb.AppendLine();
            if (card.ShuffleComparisons.Count > 0)
            {
                sb.Append(ComparisonTable(card.ShuffleComparisons));
                sb.AppendLine();
            }
        }
        sb.AppendLine("## Each held-out year");
        foreach (var f in card.Folds)
        {
            sb.AppendLine();
            sb.AppendLine(C, $"### {f.TestYear} (trained on {f.TrainFromYear}–{f.TrainToYear}, {f.TrainRows} pipe-years; {f.Methods[0].Breaks} breaks on {f.Methods[0].BrokenSegments} of {f.Methods[0].Segments} segments)");
            sb.AppendLine();
            sb.Append(MetricsTable(f.Methods));
        }
        sb.AppendLine();
        sb.AppendLine("## Calibration (held-out years)");
        sb.AppendLine();
        sb.AppendLine(C, $"Brier score {card.Calibration.Brier:F4}; expected broken segments {card.Calibration.ExpectedBroken:F1}, observed {card.Calibration.ObservedBroken}.");
        sb.AppendLine();
        sb.AppendLine("| bin | segments | mean predicted | observed |");
        sb.AppendLine("|---|---|---|---|");
        var i = 1;
        foreach (var b in card.Calibration.Bins) sb.AppendLine(C, $"| {i++} | {b.Count} | {b.MeanPredicted:F4} | {b.ObservedRate:F4} |");
        sb.AppendLine();
        var im = card.Imputation;
        sb.AppendLine("## Ledger gap filling (known values hidden)");
        sb.AppendLine();
        sb.AppendLine("| target | tested | model | majority / mean | nearest known pipe |");
        sb.AppendLine("|---|---|---|---|---|");
        sb.AppendLine(C, $"| material (accuracy) | {im.MaterialTested} | {im.MaterialAccuracy:P1} | {im.MaterialMajorityAccuracy:P1} (always {im.MajorityMaterial}) | {im.MaterialNearestAccuracy:P1} |");
        sb.AppendLine(C, $"| install year (mean abs. error) | {im.YearTested} | {im.YearMaeYears:F1} y | {im.YearMeanBaselineMaeYears:F1} y | {im.YearNearestMaeYears:F1} y |");
        sb.AppendLine();
        sb.AppendLine("## Features");
        sb.AppendLine();
        sb.AppendLine("| feature | meaning | source |");
        sb.AppendLine("|---|---|---|");
        foreach (var f in card.Features) sb.AppendLine(C, $"| {f.Name}{(f.Categorical ? " (categorical)" : "")} | {f.Description} | {f.Source} |");
        sb.AppendLine();
        sb.AppendLine("## Prior (Poisson GLM) terms: multiplicative factor on the yearly break rate");
        sb.AppendLine();
        sb.AppendLine("| term | factor |");
        sb.AppendLine("|---|---|");
        foreach (var (term, coef) in card.PriorTerms.Skip(1).Select(t => (t.Term, t.Coefficient))) sb.AppendLine(C, $"| {term} | ×{Math.Exp(coef):F2} |");
        return sb.ToString();
    }

    private static string P(double x) => x.ToString("F3", C);
}
