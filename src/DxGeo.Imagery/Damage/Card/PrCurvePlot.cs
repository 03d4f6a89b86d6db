using DxGeo.Imagery.Damage.Evaluation;
using DxGeo.Imagery.Damage.Training;
using ScottPlot;

namespace DxGeo.Imagery.Damage.Card;

/// <summary>Held-out precision–recall curves per source (main model solid, baseline dashed), with the target recall marked.</summary>
public static class PrCurvePlot
{
    public static void Save(StageReport main, StageReport? baseline, double targetRecall, string path)
    {
        var plt = new Plot();
        var palette = new[] { Colors.Crimson, Colors.SteelBlue, Colors.DarkOrange, Colors.SeaGreen, Colors.Purple, Colors.Brown };
        var k = 0;
        foreach (var src in main.HeldoutSources.Distinct().Order(StringComparer.Ordinal))
        {
            var color = palette[k++ % palette.Length];
            Add(plt, main, src, color, $"{src} ({main.Featurizer})", LinePattern.Solid);
            if (baseline is not null) Add(plt, baseline, src, color, $"{src} ({baseline.Featurizer})", LinePattern.Dashed);
        }
        var target = plt.Add.VerticalLine(targetRecall * 100);
        target.LinePattern = LinePattern.Dotted;
        target.Color = Colors.DimGray;
        target.LegendText = "target recall";
        plt.Axes.SetLimits(0, 100, 0, 101);
        plt.Title("Damage model: held-out precision vs recall per source");
        plt.XLabel("recall (%)");
        plt.YLabel("precision (%)");
        plt.ShowLegend(Alignment.LowerLeft);
        plt.SavePng(path, 1000, 700);
    }

    private static void Add(Plot plt, StageReport r, string source, ScottPlot.Color color, string label, LinePattern pattern)
    {
        var idx = Enumerable.Range(0, r.HeldoutSources.Count).Where(i => r.HeldoutSources[i] == source).ToArray();
        if (idx.Length == 0) return;
        var pts = BinaryMetrics.PrCurve(idx.Select(i => r.HeldoutScores[i]).ToArray(), idx.Select(i => r.HeldoutLabels[i]).ToArray());
        var s = plt.Add.Scatter(pts.Select(p => p.Recall * 100).ToArray(), pts.Select(p => p.Precision * 100).ToArray());
        s.LegendText = label;
        s.MarkerSize = 0;
        s.LineWidth = label.EndsWith("(texture)", StringComparison.Ordinal) ? 1.5f : 2.5f;
        s.LinePattern = pattern;
        s.Color = color;
    }
}
