using DxGeo.Imagery.Damage.Evaluation;
using DxGeo.Imagery.Damage.Training;

namespace DxGeo.Imagery.Damage.Card;

/// <summary>
/// Figures of the shipped model (and its baseline) on the exported held-out sample, computed through the product's
/// scoring path from the files on disk: these are the numbers the repository's test must reproduce.
/// </summary>
public sealed record HeldoutSampleReport(IReadOnlyList<SourceMetrics> Main, IReadOnlyList<SourceMetrics> Baseline)
{
    public static HeldoutSampleReport Score(string modelDir, string heldoutDir, IReadOnlyList<HeldoutExporter.Exported> exported)
    {
        var main = Evaluate(modelDir, exported);
        var bdir = Path.Combine(modelDir, "baseline");
        var baseline = Directory.Exists(bdir) ? Evaluate(bdir, exported) : [];
        return new HeldoutSampleReport(main, baseline);
    }

    public static IReadOnlyList<SourceMetrics> Evaluate(string modelDir, IReadOnlyList<HeldoutExporter.Exported> exported)
    {
        using var scorer = DamageModel.LoadScorer(modelDir);
        var list = new List<SourceMetrics>();
        foreach (var e in exported)
        {
            var samples = LabelsCsv.ToSamples(LabelsCsv.Read(e.LabelsCsv, defaultSource: e.Source));
            var scores = LabelledSetScorer.Score(scorer, samples);
            list.Add(new SourceMetrics(e.Source, BinaryMetrics.Compute(scores, samples.Select(s => s.Damaged).ToArray(), scorer.Threshold)));
        }
        return list;
    }
}
