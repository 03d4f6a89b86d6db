using DxGeo.Imagery.Damage;
using DxGeo.Imagery.Damage.Card;
using DxGeo.Imagery.Damage.Featurizers;
using DxGeo.Imagery.Damage.Tiling;
using DxGeo.Imagery.Damage.Training;

namespace DxGeo.Imagery.Tests.Damage;

public class FirstPassTests
{
    [Fact]
    public void Batched_first_pass_gives_each_tile_the_features_it_gets_alone()
    {
        using var f = new ResNet18PreviewFeaturizer();
        var len = 3 * f.InputPx * f.InputPx;
        var tiles = Directory.GetFiles(Path.Combine(RepoPaths.Heldout, "uav75"), "*.jpg").Order(StringComparer.Ordinal).Take(3).ToList();
        var batch = new float[tiles.Count * len];
        using var resampler = new TileResampler(f.InputPx);
        for (var i = 0; i < tiles.Count; i++)
        {
            using var photo = DecodedPhoto.Decode(tiles[i], 0.25);
            resampler.Sample(photo, new TileRect(0, 0, photo.FullWidthPx, photo.FullHeightPx), batch.AsSpan(i * len, len));
        }
        var together = new float[tiles.Count * f.Dimension];
        f.FeaturizeBatch(batch, tiles.Count, together);
        for (var i = 0; i < tiles.Count; i++)
        {
            var alone = new float[f.Dimension];
            f.Featurize(batch.AsSpan(i * len, len), alone);
            for (var k = 0; k < f.Dimension; k++) Assert.Equal(alone[k], together[i * f.Dimension + k], 1e-3);
        }
        // Different tiles give different features (the network is not returning a constant).
        var diff = Enumerable.Range(0, f.Dimension).Max(k => Math.Abs(together[k] - together[f.Dimension + k]));
        Assert.True(diff > 0.1, $"largest difference between two tiles' features: {diff}");
    }

    [Fact]
    public void Photo_report_ranking_agrees_with_the_scorer_and_a_larger_budget_never_finds_less()
    {
        var samples = new[] { "uav75", "quaywall-drone" }
            .SelectMany(s => LabelsCsv.ToSamples(LabelsCsv.Read(Path.Combine(RepoPaths.Heldout, s, "labels.csv"), defaultSource: s))).ToList();
        var scratch = Path.Combine(Path.GetTempPath(), $"dxgeo-photo-report-{Guid.NewGuid():N}");
        try
        {
            var rows = PhotoBudgetReport.Measure(RepoPaths.Model, samples, scratch, budget: 10, damagedPhotosPerSource: 3, cleanPhotosPerSource: 1);
            Assert.Equal(2, rows.Count);
            foreach (var r in rows)
            {
                // The budget computed from the first-pass ranking is what the product's path finds end to end.
                Assert.Equal(r.FoundWithBudget, r.FoundByBudget[10]);
                var found = r.FoundByBudget.OrderBy(kv => kv.Key).Select(kv => kv.Value).ToList();
                for (var i = 1; i < found.Count; i++) Assert.True(found[i] >= found[i - 1], $"{r.Source}: budgets found {string.Join(", ", found)}");
                Assert.True(found[^1] <= r.FoundWithoutBudget);
                Assert.InRange(r.CandidatesPerPhoto, 0, PhotoBudgetReport.Cols * PhotoBudgetReport.Rows);
            }
        }
        finally
        {
            if (Directory.Exists(scratch)) Directory.Delete(scratch, recursive: true);
        }
    }
}
