using DxGeo.Imagery.Damage.Evaluation;

namespace DxGeo.Imagery.Tests.Damage;

public class MetricsTests
{
    private static (float[] Scores, bool[] Labels) Random(int n, int seed)
    {
        var rng = new Random(seed);
        var labels = Enumerable.Range(0, n).Select(_ => rng.NextDouble() < 0.4).ToArray();
        // Rounded so ties occur; positives shifted up so AUC is neither 0.5 nor 1.
        var scores = labels.Select(l => (float)Math.Round(rng.NextDouble() * 0.8 + (l ? 0.2 : 0), 2)).ToArray();
        return (scores, labels);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void Auc_equals_the_share_of_correctly_ordered_pairs(int seed)
    {
        var (s, l) = Random(300, seed);
        double good = 0, pairs = 0;
        for (var i = 0; i < s.Length; i++)
            for (var j = 0; j < s.Length; j++)
                if (l[i] && !l[j])
                {
                    pairs++;
                    good += s[i] > s[j] ? 1 : s[i] == s[j] ? 0.5 : 0;
                }
        Assert.Equal(good / pairs, BinaryMetrics.RocAuc(s, l), 9);
    }

    [Fact]
    public void Precision_recall_follow_the_confusion_counts()
    {
        float[] s = [0.9f, 0.8f, 0.7f, 0.4f, 0.3f, 0.2f];
        bool[] l = [true, false, true, true, false, false];
        var m = BinaryMetrics.Compute(s, l, 0.5);
        Assert.Equal(2.0 / 3, m.Precision, 9); // 2 of the 3 above 0.5 are damaged
        Assert.Equal(2.0 / 3, m.Recall, 9);    // the damaged tile at 0.4 is missed
        Assert.Equal(4.0 / 6, m.Accuracy, 9);
    }

    [Theory]
    [InlineData(0.95, 11)]
    [InlineData(0.90, 12)]
    [InlineData(1.00, 13)]
    public void Threshold_reaches_the_target_recall_on_every_source_and_is_the_highest_that_does(double target, int seed)
    {
        var (s1, l1) = Random(400, seed);
        var (s2, l2) = Random(120, seed + 100);
        var s = s1.Concat(s2.Select(x => x * 0.5f)).ToArray(); // the second source scores lower: it must drive the threshold
        var l = l1.Concat(l2).ToArray();
        var src = s1.Select(_ => "a").Concat(s2.Select(_ => "b")).ToArray();
        var t = ThresholdSelector.ForRecallOnEverySource(s, l, src, target);
        foreach (var g in new[] { "a", "b" })
        {
            var idx = Enumerable.Range(0, s.Length).Where(i => src[i] == g).ToArray();
            var recall = BinaryMetrics.Compute(idx.Select(i => s[i]).ToArray(), idx.Select(i => l[i]).ToArray(), t).Recall;
            Assert.True(recall >= target, $"source {g}: recall {recall} < {target} at threshold {t}");
        }
        // Any higher distinct score would drop source b below the target.
        var next = s.Where(x => x > t).DefaultIfEmpty(float.MaxValue).Min();
        var idxB = Enumerable.Range(0, s.Length).Where(i => src[i] == "b").ToArray();
        var recallB = BinaryMetrics.Compute(idxB.Select(i => s[i]).ToArray(), idxB.Select(i => l[i]).ToArray(), next).Recall;
        Assert.True(recallB < target);
    }
}
