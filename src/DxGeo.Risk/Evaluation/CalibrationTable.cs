namespace DxGeo.Risk.Evaluation;

/// <summary>One bin of predicted probability: mean prediction against the observed break rate.</summary>
public sealed record CalibrationBin(double MeanPredicted, double ObservedRate, int Count);

/// <summary>
/// Does a predicted 10 % mean one pipe in ten breaks? Equal-count bins of the predicted probability, the
/// Brier score, and predicted against observed broken segments in total.
/// </summary>
public sealed record CalibrationTable(IReadOnlyList<CalibrationBin> Bins, double Brier, double ExpectedBroken, int ObservedBroken)
{
    public static CalibrationTable From(double[] probability, bool[] label, int bins = 10)
    {
        var n = probability.Length;
        var order = Enumerable.Range(0, n).OrderBy(i => probability[i]).ToArray();
        var result = new List<CalibrationBin>();
        for (var b = 0; b < bins; b++)
        {
            int from = (int)((long)n * b / bins), to = (int)((long)n * (b + 1) / bins);
            if (to <= from) continue;
            double sp = 0, so = 0;
            for (var k = from; k < to; k++) { sp += probability[order[k]]; so += label[order[k]] ? 1 : 0; }
            result.Add(new CalibrationBin(sp / (to - from), so / (to - from), to - from));
        }
        double brier = 0;
        for (var i = 0; i < n; i++) { var d = probability[i] - (label[i] ? 1 : 0); brier += d * d; }
        return new CalibrationTable(result, n > 0 ? brier / n : double.NaN, probability.Sum(), label.Count(x => x));
    }
}
