namespace DxGeo.Imagery.Damage.Evaluation;

/// <summary>
/// The decision threshold for a target recall: for each source the highest threshold that keeps its recall at or
/// above the target, then the lowest of those, so the target holds on every source (not only on the pooled data,
/// where an easy, large source would hide a hard, small one).
/// </summary>
public static class ThresholdSelector
{
    public static double ForRecall(IReadOnlyList<float> scores, IReadOnlyList<bool> labels, double targetRecall)
    {
        var pos = Enumerable.Range(0, scores.Count).Where(i => labels[i]).Select(i => scores[i]).OrderByDescending(s => s).ToArray();
        if (pos.Length == 0) return 1.0;
        // Keeping the k highest-scoring positives needs threshold ≤ the k-th score.
        var k = (int)Math.Ceiling(targetRecall * pos.Length - 1e-9);
        return pos[Math.Clamp(k, 1, pos.Length) - 1];
    }

    public static double ForRecallOnEverySource(IReadOnlyList<float> scores, IReadOnlyList<bool> labels, IReadOnlyList<string> sources,
        double targetRecall)
    {
        var t = 1.0;
        foreach (var g in Enumerable.Range(0, scores.Count).GroupBy(i => sources[i]))
        {
            var idx = g.ToArray();
            t = Math.Min(t, ForRecall(idx.Select(i => scores[i]).ToArray(), idx.Select(i => labels[i]).ToArray(), targetRecall));
        }
        return t;
    }

    /// <summary>
    /// The lowest of the per-source thresholds and of the per-(source, fold) thresholds of folds holding at least
    /// <paramref name="minPositives"/> damaged tiles: the target must hold on each set of unseen photos, not only on a
    /// source's pooled out-of-fold scores, where many easy photos hide a few hard ones.
    /// </summary>
    public static double ForRecallOnEveryFold(IReadOnlyList<float> scores, IReadOnlyList<bool> labels, IReadOnlyList<string> sources,
        IReadOnlyList<int> folds, double targetRecall, int minPositives = 20)
    {
        var t = ForRecallOnEverySource(scores, labels, sources, targetRecall);
        foreach (var g in Enumerable.Range(0, scores.Count).GroupBy(i => (sources[i], folds[i])))
        {
            var idx = g.ToArray();
            if (idx.Count(i => labels[i]) < minPositives) continue;
            t = Math.Min(t, ForRecall(idx.Select(i => scores[i]).ToArray(), idx.Select(i => labels[i]).ToArray(), targetRecall));
        }
        return t;
    }
}
