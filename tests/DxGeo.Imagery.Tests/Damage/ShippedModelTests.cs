using DxGeo.Imagery.Damage;
using DxGeo.Imagery.Damage.Card;
using DxGeo.Imagery.Damage.Evaluation;
using DxGeo.Imagery.Damage.Training;

namespace DxGeo.Imagery.Tests.Damage;

/// <summary>
/// The model in models/damage, run through the C# pipeline on the held-out sample in sample-data, must reach the
/// recall and precision its card claims for each source (the card's figures are read from card.json, not copied).
/// </summary>
public sealed class ShippedModelTests : IClassFixture<ShippedModelTests.Scores>
{
    public sealed class Scores : IDisposable
    {
        public ModelCard Card { get; } = ModelCard.Read(RepoPaths.Model);
        public Dictionary<string, BinaryMetrics> Main { get; } = [];
        public Dictionary<string, BinaryMetrics> Baseline { get; } = [];
        /// <summary>ROC AUC of the first pass alone: how well it ranks tiles for the per-photo network budget.</summary>
        public Dictionary<string, double> FirstPassAuc { get; } = [];

        public Scores()
        {
            using var main = DamageModel.LoadScorer(RepoPaths.Model);
            using var baseline = DamageModel.LoadScorer(Path.Combine(RepoPaths.Model, "baseline"));
            foreach (var dir in Directory.GetDirectories(RepoPaths.Heldout).Order(StringComparer.Ordinal))
            {
                var source = Path.GetFileName(dir);
                var samples = LabelsCsv.ToSamples(LabelsCsv.Read(Path.Combine(dir, "labels.csv"), defaultSource: source));
                var labels = samples.Select(s => s.Damaged).ToArray();
                Main[source] = BinaryMetrics.Compute(LabelledSetScorer.Score(main, samples), labels, main.Threshold);
                Baseline[source] = BinaryMetrics.Compute(LabelledSetScorer.Score(baseline, samples), labels, baseline.Threshold);
                var firstPass = samples.Select(t => main.RateFirstPass(t.ImagePath, [t.Rect])![0]).ToArray();
                FirstPassAuc[source] = BinaryMetrics.RocAuc(firstPass, labels);
            }
        }

        public void Dispose() { }
    }

    private readonly Scores _s;
    public ShippedModelTests(Scores s) => _s = s;

    public static TheoryData<string> Sources => ["ozgenel-concrete", "quaywall-drone", "masonry-cracks", "uav75"];

    [Theory]
    [MemberData(nameof(Sources))]
    public void Model_reaches_its_card_recall_and_precision_on_each_sources_heldout_sample(string source)
    {
        Assert.True(_s.Card.HeldoutSample.TryGetValue(source, out var claimed), $"card has no held-out figures for {source}");
        var got = _s.Main[source];
        Assert.Equal(claimed.N, got.N);
        Assert.True(got.Recall >= claimed.Recall - 1e-9, $"{source}: recall {got.Recall:F4} < card {claimed.Recall:F4}");
        Assert.True(got.Precision >= claimed.Precision - 1e-9, $"{source}: precision {got.Precision:F4} < card {claimed.Precision:F4}");
    }

    [Fact]
    public void Card_claims_the_target_recall_on_every_sources_validation_tiles()
    {
        foreach (var (source, m) in _s.Card.Validation)
            Assert.True(m.Recall >= _s.Card.TargetRecall, $"{source}: validation recall {m.Recall:F4} < target {_s.Card.TargetRecall}");
        Assert.Equal(new[] { "masonry-cracks", "ozgenel-concrete", "quaywall-drone", "uav75" }, _s.Card.Validation.Keys.Order(StringComparer.Ordinal));
    }

    // Quay wall is not asserted here: on its 50-tile sample the two tie (AUC 0.962 vs 0.965); on all 191 held-out
    // tiles the card gives 0.955 vs 0.876. UAV75, the drone set with hard negatives (planking), separates clearly.
    [Theory]
    [InlineData("uav75")]
    public void Baseline_texture_featurizer_ranks_drone_tiles_worse_than_the_network(string source) =>
        Assert.True(_s.Baseline[source].Auc < _s.Main[source].Auc,
            $"{source}: baseline AUC {_s.Baseline[source].Auc:F3} vs main {_s.Main[source].Auc:F3}");

    /// <summary>The budget only works if the first pass puts damaged tiles near the top; the texture statistics it
    /// replaced ranked UAV75 at AUC 0.65–0.71.</summary>
    [Theory]
    [MemberData(nameof(Sources))]
    public void First_pass_ranks_damaged_tiles_above_undamaged_ones_on_every_source(string source) =>
        Assert.True(_s.FirstPassAuc[source] >= 0.8, $"{source}: first-pass AUC {_s.FirstPassAuc[source]:F3} on the held-out sample");

    [Fact]
    public void Shipped_scorer_reports_its_model_id_and_threshold_from_the_manifest()
    {
        var scorer = DamageModel.Load(RepoPaths.Model);
        var manifest = DamageModelManifest.Read(RepoPaths.Model);
        Assert.Equal(manifest.ModelId, scorer.ModelId);
        Assert.Equal(manifest.Threshold, scorer.Threshold);
        Assert.Equal(_s.Card.ModelId, scorer.ModelId);
    }
}
