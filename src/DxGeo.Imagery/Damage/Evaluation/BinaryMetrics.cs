namespace DxGeo.Imagery.Damage.Evaluation;

/// <summary>Threshold metrics and ROC AUC of scores against 0/1 labels.</summary>
public sealed record BinaryMetrics(int N, int Positives, double Threshold, double Accuracy, double Precision, double Recall, double F1, double Auc)
{
    public static BinaryMetrics Compute(IReadOnlyList<float> scores, IReadOnlyList<bool> labels, double threshold)
    {
        int tp = 0, fp = 0, tn = 0, fn = 0;
        for (var i = 0; i < scores.Count; i++)
        {
            var pred = scores[i] >= threshold;
            if (pred && labels[i]) tp++;
            else if (pred) fp++;
            else if (labels[i]) fn++;
            else tn++;
        }
        var precision = tp + fp == 0 ? 1.0 : (double)tp / (tp + fp);
        var recall = tp + fn == 0 ? 1.0 : (double)tp / (tp + fn);
        var f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
        return new BinaryMetrics(scores.Count, tp + fn, threshold, (double)(tp + tn) / Math.Max(1, scores.Count), precision, recall, f1, RocAuc(scores, labels));
    }

    /// <summary>ROC AUC by the rank-sum (Mann–Whitney) formula, ties counted half. NaN with only one class.</summary>
    public static double RocAuc(IReadOnlyList<float> scores, IReadOnlyList<bool> labels)
    {
        var idx = Enumerable.Range(0, scores.Count).OrderBy(i => scores[i]).ToArray();
        double rankSumPos = 0;
        long pos = 0;
        var k = 0;
        while (k < idx.Length)
        {
            var j = k;
            while (j + 1 < idx.Length && scores[idx[j + 1]] == scores[idx[k]]) j++;
            var avgRank = (k + j) / 2.0 + 1;
            for (var m = k; m <= j; m++)
                if (labels[idx[m]]) { rankSumPos += avgRank; pos++; }
            k = j + 1;
        }
        long neg = scores.Count - pos;
        if (pos == 0 || neg == 0) return double.NaN;
        return (rankSumPos - pos * (pos + 1) / 2.0) / ((double)pos * neg);
    }

    /// <summary>Precision–recall points, one per distinct score (highest threshold first).</summary>
    public static IReadOnlyList<(double Recall, double Precision)> PrCurve(IReadOnlyList<float> scores, IReadOnlyList<bool> labels)
    {
        var idx = Enumerable.Range(0, scores.Count).OrderByDescending(i => scores[i]).ToArray();
        var totalPos = labels.Count(l => l);
        var pts = new List<(double, double)>();
        int tp = 0, fp = 0;
        for (var k = 0; k < idx.Length; k++)
        {
            if (labels[idx[k]]) tp++; else fp++;
            if (k + 1 < idx.Length && scores[idx[k + 1]] == scores[idx[k]]) continue;
            pts.Add((totalPos == 0 ? 0 : (double)tp / totalPos, (double)tp / (tp + fp)));
        }
        return pts;
    }
}
