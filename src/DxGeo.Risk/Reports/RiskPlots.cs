using DxGeo.Risk.Evaluation;
using ScottPlot;

namespace DxGeo.Risk.Reports;

/// <summary>PNG charts of the evaluation (ScottPlot, headless): the cumulative capture curve and the calibration plot.</summary>
public static class RiskPlots
{
    /// <summary>Share of held-out breaks captured against share of segments (or of network length) renewed in ranked order.</summary>
    public static void CaptureCurve(IReadOnlyDictionary<string, (double X, double Y)[]> curves, string path, bool byLength, string subtitle)
    {
        var plt = new Plot();
        var palette = new[] { Colors.Crimson, Colors.SteelBlue, Colors.DarkOrange, Colors.SeaGreen };
        var k = 0;
        foreach (var (name, points) in curves)
        {
            var s = plt.Add.Scatter(points.Select(p => p.X * 100).ToArray(), points.Select(p => p.Y * 100).ToArray());
            s.LegendText = name;
            s.MarkerSize = 0;
            s.LineWidth = k == 0 ? 3 : 2;
            s.Color = palette[k++ % palette.Length];
        }
        var chance = plt.Add.Line(0, 0, 100, 100);
        chance.LegendText = "random order";
        chance.LinePattern = LinePattern.Dashed;
        chance.Color = Colors.Gray;
        var bar = plt.Add.VerticalLine(10);
        bar.LinePattern = LinePattern.Dotted;
        bar.Color = Colors.DimGray;
        plt.Axes.SetLimits(0, 100, 0, 100);
        plt.Title($"Cumulative capture of next-year breaks ({subtitle})");
        plt.XLabel(byLength ? "network length renewed in ranked order (%)" : "segments renewed in ranked order (%)");
        plt.YLabel("next-year breaks captured (%)");
        plt.ShowLegend(Alignment.LowerRight);
        plt.SavePng(path, 900, 650);
    }

    /// <summary>Mean predicted probability against the observed break share, per equal-count bin.</summary>
    public static void Calibration(CalibrationTable table, string path, string subtitle)
    {
        var plt = new Plot();
        var xs = table.Bins.Select(b => b.MeanPredicted * 100).ToArray();
        var ys = table.Bins.Select(b => b.ObservedRate * 100).ToArray();
        var max = Math.Max(1, Math.Max(xs.DefaultIfEmpty(0).Max(), ys.DefaultIfEmpty(0).Max()) * 1.1);
        var ideal = plt.Add.Line(0, 0, max, max);
        ideal.LegendText = "perfect calibration";
        ideal.LinePattern = LinePattern.Dashed;
        ideal.Color = Colors.Gray;
        var s = plt.Add.Scatter(xs, ys);
        s.LegendText = "model (bins of equal size)";
        s.MarkerSize = 9;
        s.Color = Colors.Crimson;
        plt.Axes.SetLimits(0, max, 0, max);
        plt.Title($"Calibration ({subtitle}), Brier {table.Brier:F4}");
        plt.XLabel("mean predicted break probability (%)");
        plt.YLabel("observed share of segments that broke (%)");
        plt.ShowLegend(Alignment.UpperLeft);
        plt.SavePng(path, 800, 650);
    }
}
