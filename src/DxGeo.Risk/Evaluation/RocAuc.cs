namespace DxGeo.Risk.Evaluation;

/// <summary>Area under the ROC curve as the Mann–Whitney statistic, with mid-ranks for ties.</summary>
public static class RocAuc
{
    /// <returns>NaN when the labels are all one class.</returns>
    public static double Compute(double[] score, bool[] label)
    {
        var n = score.Length;
        var order = Enumerable.Range(0, n).ToArray();
        var keys = score.Select(s => double.IsNaN(s) ? double.NegativeInfinity : s).ToArray();
        Array.Sort(keys, order);
        double rankSumPos = 0;
        long pos = 0;
        for (var i = 0; i < n;)
        {
            var j = i;
            while (j + 1 < n && keys[j + 1] == keys[i]) j++;
            var midRank = (i + j) / 2.0 + 1; // 1-based average rank of the tie group
            for (var k = i; k <= j; k++)
                if (label[order[k]]) { rankSumPos += midRank; pos++; }
            i = j + 1;
        }
        long neg = n - pos;
        if (pos == 0 || neg == 0) return double.NaN;
        return (rankSumPos - pos * (pos + 1) / 2.0) / ((double)pos * neg);
    }
}
