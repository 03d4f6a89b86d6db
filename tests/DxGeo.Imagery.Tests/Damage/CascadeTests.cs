using DxGeo.Imagery.Damage;
using DxGeo.Imagery.Damage.Tiling;
using DxGeo.Imagery.Damage.Training;
using SkiaSharp;

namespace DxGeo.Imagery.Tests.Damage;

public class CascadeTests
{
    private static string Scene => Path.Combine(RepoPaths.Root(), "sample-data", "images", "scenes", "scene_01.jpg");

    [Fact]
    public void Candidates_are_the_tiles_at_or_above_the_threshold_best_first_within_the_budget()
    {
        float[] firstPass = [0.1f, 0.9f, 0.5f, 0.3f, 0.7f, 0.5f];
        Assert.Equal([1, 4, 2], CandidateSelector.Select(firstPass, 0.3, budget: 3));
        Assert.Equal([1, 4, 2, 5, 3], CandidateSelector.Select(firstPass, 0.3, budget: 0));
        Assert.Empty(CandidateSelector.Select(firstPass, 0.95, budget: 3));
    }

    [Fact]
    public void Folds_never_split_a_photo_and_every_fold_has_photos_of_each_source()
    {
        var samples = new List<TileSample>();
        foreach (var source in new[] { "a", "b" })
            for (var photo = 0; photo < 12; photo++)
                for (var t = 0; t < 3; t++)
                    samples.Add(new TileSample(source, $"p{photo}", $"{source}{photo}.jpg", new TileRect(t * 10, 0, 10, 10), t == 0));
        var folds = GroupedFolds.Assign(samples, 5);
        foreach (var g in Enumerable.Range(0, samples.Count).GroupBy(i => (samples[i].Source, samples[i].Group)))
            Assert.Single(g.Select(i => folds[i]).Distinct());
        foreach (var source in new[] { "a", "b" })
            Assert.Equal(Enumerable.Range(0, 5), Enumerable.Range(0, samples.Count).Where(i => samples[i].Source == source).Select(i => folds[i]).Distinct().Order());
    }

    [Fact]
    public void Decoding_only_some_rows_gives_the_same_pixels_there_as_a_whole_decode()
    {
        using var whole = DecodedPhoto.Decode(Scene);
        using var rows = DecodedPhoto.DecodeRows(Scene, [(256, 512), (700, 768)]);
        Assert.Equal(whole.Bitmap.Width, rows.Bitmap.Width);
        foreach (var y in new[] { 256, 300, 511, 700, 767 })
            for (var x = 0; x < whole.Bitmap.Width; x += 37)
                Assert.Equal(whole.Bitmap.GetPixel(x, y), rows.Bitmap.GetPixel(x, y));
    }

    [Fact]
    public void A_format_that_cannot_scale_while_decoding_is_shrunk_to_the_scale_a_jpeg_would_have()
    {
        var png = Directory.GetFiles(Path.Combine(RepoPaths.Heldout, "masonry-cracks"), "*.png").First();
        using var codec = SKCodec.Create(png);
        using var d = DecodedPhoto.Decode(png, 0.25);
        Assert.Equal((int)Math.Ceiling(codec.Info.Width * 0.25), d.Bitmap.Width);
        Assert.Equal(0.25, d.Scale, 2);
    }

    [Fact]
    public void Cascade_sends_at_most_the_budget_to_the_network_and_keeps_a_below_threshold_score_for_every_other_tile()
    {
        using var budgeted = DamageModel.LoadScorer(RepoPaths.Model, maxNetworkTilesPerPhoto: 2);
        using var every = DamageModel.LoadScorer(RepoPaths.Model, usePrefilter: false);
        var s = budgeted.Score(Scene, null);
        var sent = budgeted.TileCounts.ThroughMain;
        Assert.Equal(12, s.Tiles.Count);
        Assert.InRange(sent, 0, 2);
        var e = every.Score(Scene, null);
        Assert.Equal(12, every.TileCounts.ThroughMain);
        // A tile the network saw scores exactly as with the network on every tile; the others stay below the threshold.
        var same = s.Tiles.Zip(e.Tiles).Count(p => Math.Abs(p.First.Score - p.Second.Score) < 1e-6);
        Assert.True(same >= sent, $"{same} tiles agree with the network, {sent} were sent");
        Assert.True(s.Tiles.Count(t => t.Score >= budgeted.Threshold) <= sent);
        Assert.All(s.Tiles, t => Assert.InRange(t.Score, 0f, 1f));
    }
}
