using DxGeo.Risk.DataModels;

namespace DxGeo.Risk.Evaluation;

/// <summary>Share of next-year breaks captured when the top <see cref="Fraction"/> of segments (by count and by length) is taken.</summary>
public sealed record CaptureAt(double Fraction, double ByCount, double ByLength);

/// <summary>How well one method ranked one held-out year.</summary>
public sealed record RankingMetrics
{
    public required string Method { get; init; }
    public int Segments { get; init; }
    public int BrokenSegments { get; init; }
    public int Breaks { get; init; }
    public double Auc { get; init; }
    /// <summary>Share of the top 1 % of ranked segments that broke in the held-out year.</summary>
    public double PrecisionTop1Pct { get; init; }
    public required IReadOnlyList<CaptureAt> Capture { get; init; }
    /// <summary>Mean squared error of the break probability; null for rankings that are not probabilities.</summary>
    public double? Brier { get; init; }

    public static readonly double[] Fractions = [0.01, 0.05, 0.10];

    public CaptureAt CaptureFor(double fraction) => Capture.First(c => Math.Abs(c.Fraction - fraction) < 1e-9);

    public static RankingMetrics Evaluate(RankerScores s, IReadOnlyList<PipeYearRow> rows)
    {
        var n = rows.Count;
        if (s.Score.Length != n || s.ScorePerKm.Length != n)
            throw new ArgumentException($"{s.Method}: {s.Score.Length} scores for {n} rows");
        var labels = rows.Select(r => r.Label).ToArray();
        var ones = new double[n];
        Array.Fill(ones, 1.0);
        var lengths = rows.Select(r => (double)Math.Max(r.LengthM, 0)).ToArray();
        var breaks = rows.Select(r => (double)r.BreakCount).ToArray();
        var broken = labels.Select(b => b ? 1.0 : 0.0).ToArray();

        var byCount = new RankedCapture(s.Score, ones, breaks);
        var byLength = new RankedCapture(s.ScorePerKm, lengths, breaks);
        var brokenByCount = new RankedCapture(s.Score, ones, broken);
        var top1 = 0.01 * n;

        double? brier = null;
        if (s.Probability is { } p)
        {
            double sum = 0;
            for (var i = 0; i < n; i++) { var d = p[i] - broken[i]; sum += d * d; }
            brier = n > 0 ? sum / n : double.NaN;
        }

        return new RankingMetrics
        {
            Method = s.Method,
            Segments = n,
            BrokenSegments = labels.Count(b => b),
            Breaks = (int)breaks.Sum(),
            Auc = RocAuc.Compute(s.Score, labels),
            PrecisionTop1Pct = top1 > 0 ? brokenByCount.CapturedOutcome(0.01) / top1 : 0,
            Capture = Fractions.Select(f => new CaptureAt(f, byCount.CapturedShare(f), byLength.CapturedShare(f))).ToArray(),
            Brier = brier,
        };
    }
}
