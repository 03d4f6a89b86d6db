using DxGeo.Risk.Baselines;
using DxGeo.Risk.DataModels;
using DxGeo.Risk.Evaluation;
using DxGeo.Risk.Models;

namespace DxGeo.Risk.Tests;

[Collection(SampleTownCollection.Name)]
public class BreakModelTests(SampleTownFixture town)
{
    [Fact]
    public void Model_beats_both_baselines_on_held_out_years_of_the_sample_town()
    {
        // town.Report ran the whole pipeline: rolling folds, each trained on the years before its held-out year.
        var pooled = town.Report.Pooled;
        var model = pooled.Single(m => m.Method == ModelRanker.Name);
        foreach (var baseline in pooled.Where(m => m.Method != ModelRanker.Name))
        {
            var lost = BaselineComparison.Shortfalls(model, baseline);
            Assert.True(lost.Count == 0, $"model vs {baseline.Method}: " + string.Join("; ", lost));
        }
    }

    [Fact]
    public void Model_beats_both_baselines_beyond_resampling_noise_on_auc_and_capture_at_5_and_10_percent()
    {
        // Paired bootstrap over pipes: the whole 95 % interval of model − baseline must lie above zero.
        Assert.Equal(2, town.Report.Comparisons.Count);
        foreach (var c in town.Report.Comparisons)
            foreach (var metric in ClearMetrics)
            {
                var d = c.For(metric);
                Assert.True(d.ClearlyAbove, $"model − {c.Against}, {metric}: {d.Estimate:F3} [{d.Low:F3}, {d.High:F3}]");
            }
    }

    private static readonly string[] ClearMetrics =
        ["AUC", "capture 5 %", "capture 10 %", "capture 5 % (km)", "capture 10 % (km)"];

    [Fact]
    public void Label_shuffled_training_loses_to_the_model_and_does_not_beat_the_baselines_beyond_noise()
    {
        // ShuffleControl permutes the training outcomes and refits everything the model learns from them (prior, α,
        // record adjustment, trees). Nothing it learned relates to a feature, so it must not beat the best baseline
        // beyond resampling noise, and the real model must beat it beyond noise.
        var (_, shuffled) = town.Shuffled;
        var rows = town.Report.PooledRows;
        var baselines = town.Report.PooledScores.Skip(1).ToArray();
        var real = town.Report.PooledScores[0];
        var vsBaselines = BootstrapComparison.Run([shuffled, .. baselines], rows, SampleTownFixture.BootstrapReplicates);
        foreach (var metric in BootstrapComparison.Metrics)
        {
            // Against the best baseline on this metric (the smallest difference).
            var d = vsBaselines.Select(c => (c.Against, D: c.For(metric))).MinBy(x => x.D.Estimate);
            Assert.False(d.D.ClearlyAbove, $"shuffled − {d.Against}, {metric}: {d.D.Estimate:F3} [{d.D.Low:F3}, {d.D.High:F3}]");
        }
        var vsReal = BootstrapComparison.Run([real, shuffled], rows, SampleTownFixture.BootstrapReplicates).Single();
        foreach (var metric in ClearMetrics)
        {
            var d = vsReal.For(metric);
            Assert.True(d.ClearlyAbove, $"model − shuffled, {metric}: {d.Estimate:F3} [{d.Low:F3}, {d.High:F3}]");
        }
    }

    [Fact]
    public void Bootstrap_interval_brackets_the_difference_and_vanishes_for_a_method_against_itself()
    {
        var rows = town.Report.PooledRows;
        var model = town.Report.PooledScores[0];
        var same = BootstrapComparison.Run([model, model with { Method = "copy" }], rows, 50).Single();
        Assert.All(same.Differences, d => Assert.True(d.Estimate == 0 && d.Low == 0 && d.High == 0, $"{d.Metric}: {d.Low}..{d.High}"));
        foreach (var c in town.Report.Comparisons)
            Assert.All(c.Differences, d => Assert.True(d.Low <= d.Estimate + 0.02 && d.Estimate - 0.02 <= d.High && d.Low < d.High,
                $"{c.Against} {d.Metric}: {d.Estimate:F3} [{d.Low:F3}, {d.High:F3}]"));
    }

    [Fact]
    public void Evaluation_never_trains_on_the_held_out_year_or_later()
    {
        foreach (var f in town.Report.Folds)
            Assert.True(f.TrainToYear < f.TestYear, $"fold {f.TestYear} trained up to {f.TrainToYear}");
    }

    [Fact]
    public void Predicted_breaks_are_within_a_third_of_observed_on_held_out_years()
    {
        var c = town.Report.PooledCalibration;
        Assert.InRange(c.ExpectedBroken, c.ObservedBroken * 0.67, c.ObservedBroken * 1.5);
    }

    [Fact]
    public void Saved_model_predicts_the_same_after_loading()
    {
        var dir = Directory.CreateTempSubdirectory("dxgeo-risk-");
        try
        {
            var path = Path.Combine(dir.FullName, "m.zip");
            var rows = town.Panel.Where(r => r.Year == town.TestYears[^1]).Take(300).Select(Copy).ToList();
            var before = town.Model.PredictProbability(rows);
            town.Model.Save(path);
            var after = BreakRiskModel.Load(path).PredictProbability(rows.Select(Copy).ToList());
            Assert.Equal(before, after);
        }
        finally { dir.Delete(true); }
    }

    [Fact]
    public void Age_baseline_orders_the_most_breaking_material_first()
    {
        var train = town.Panel.Where(r => r.Year < town.TestYears[0]).ToList();
        var baseline = AgeWithinMaterialBaseline.Fit(train);
        var ratePerKm = train.GroupBy(r => r.Material)
            .ToDictionary(g => g.Key, g => g.Sum(r => (double)r.BreakCount) / g.Sum(r => r.LengthM / 1000.0));
        Assert.Equal(ratePerKm.MaxBy(kv => kv.Value).Key, baseline.MaterialOrder[0]);
    }

    internal static PipeYearRow Copy(PipeYearRow r) => new()
    {
        PipeId = r.PipeId, Year = r.Year, LengthM = r.LengthM, Label = r.Label, BreakCount = r.BreakCount, AgeYears = r.AgeYears,
        InstallYearMissing = r.InstallYearMissing, DiameterMm = r.DiameterMm, LogLengthM = r.LogLengthM, CorrosivityScore = r.CorrosivityScore,
        ElevationM = r.ElevationM, SlopePct = r.SlopePct,
        HighCorrosivityShare = r.HighCorrosivityShare, FloodDepthMean = r.FloodDepthMean, FloodDepthMax = r.FloodDepthMax,
        OwnBreaks1y = r.OwnBreaks1y, OwnBreaks3y = r.OwnBreaks3y, OwnBreaks5y = r.OwnBreaks5y, OwnBreaksAll = r.OwnBreaksAll,
        OwnBreaksPerKmYear = r.OwnBreaksPerKmYear, YearsSinceLastBreak = r.YearsSinceLastBreak, NearbyBreaks1y = r.NearbyBreaks1y,
        NearbyBreaks3y = r.NearbyBreaks3y, NearbyBreaksAll = r.NearbyBreaksAll, HistoryYears = r.HistoryYears,
        Material = r.Material, SoilClass = r.SoilClass, RoadClass = r.RoadClass, PressureZone = r.PressureZone,
    };
}
