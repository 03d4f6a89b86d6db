namespace DxGeo.Risk.Evaluation;

/// <summary>
/// Share of outcomes captured by the top of a ranking, with ties handled fairly: a group of equal scores
/// straddling the cut-off contributes in proportion to the part of it that fits (the expected value under a
/// random order inside the tie). Without this, a baseline full of zero scores would be judged by row order.
/// </summary>
public sealed class RankedCapture
{
    private readonly int[] _groupStart;  // index into _order where each tie group starts (plus a sentinel)
    private readonly double[] _cumWeight; // cumulative weight at each group start
    private readonly double[] _cumOutcome;
    private readonly double _totalWeight, _totalOutcome;

    /// <param name="score">Higher first.</param>
    /// <param name="weight">What the cut-off counts: 1 per segment (by count) or length (by length).</param>
    /// <param name="outcome">What is captured: breaks, or 1 per broken segment.</param>
    public RankedCapture(double[] score, double[] weight, double[] outcome)
    {
        if (score.Length != weight.Length || score.Length != outcome.Length)
            throw new ArgumentException("score, weight and outcome must have the same length");
        var order = Enumerable.Range(0, score.Length).ToArray();
        var keys = score.Select(s => double.IsNaN(s) ? double.NegativeInfinity : -s).ToArray();
        Array.Sort(keys, order);

        var starts = new List<int>();
        var cw = new List<double>();
        var co = new List<double>();
        double w = 0, o = 0;
        for (var i = 0; i < order.Length; i++)
        {
            if (i == 0 || keys[i] != keys[i - 1]) { starts.Add(i); cw.Add(w); co.Add(o); }
            w += weight[order[i]];
            o += outcome[order[i]];
        }
        starts.Add(order.Length); cw.Add(w); co.Add(o);
        _groupStart = starts.ToArray();
        _cumWeight = cw.ToArray();
        _cumOutcome = co.ToArray();
        _totalWeight = w;
        _totalOutcome = o;
    }

    public double TotalOutcome => _totalOutcome;

    /// <summary>Outcome captured when the top <paramref name="fraction"/> of the total weight is taken.</summary>
    public double CapturedOutcome(double fraction)
    {
        if (_groupStart.Length <= 1) return 0;
        var budget = Math.Clamp(fraction, 0, 1) * _totalWeight;
        // Binary search the last group boundary whose cumulative weight is within budget.
        int lo = 0, hi = _cumWeight.Length - 1;
        while (lo < hi)
        {
            var mid = (lo + hi + 1) >>> 1;
            if (_cumWeight[mid] <= budget) lo = mid; else hi = mid - 1;
        }
        var captured = _cumOutcome[lo];
        if (lo < _cumWeight.Length - 1)
        {
            var gw = _cumWeight[lo + 1] - _cumWeight[lo];
            if (gw > 0) captured += (_cumOutcome[lo + 1] - _cumOutcome[lo]) * (budget - _cumWeight[lo]) / gw;
        }
        return captured;
    }

    /// <summary>Share (0–1) of all outcomes captured in the top <paramref name="fraction"/>.</summary>
    public double CapturedShare(double fraction) => _totalOutcome > 0 ? CapturedOutcome(fraction) / _totalOutcome : 0;

    /// <summary>The cumulative capture curve at <paramref name="points"/>+1 evenly spaced fractions.</summary>
    public (double X, double Y)[] Curve(int points = 100) =>
        Enumerable.Range(0, points + 1).Select(i => (i / (double)points, CapturedShare(i / (double)points))).ToArray();
}
