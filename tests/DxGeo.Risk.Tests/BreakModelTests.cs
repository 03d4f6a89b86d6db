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
        var pooled = town.Report.Pooled;
        var model = pooled.Single(m => m.Method == ModelRanker.Name);
        foreach (var baseline in pooled.Where(m => m.Method != ModelRanker.Name))
        {
            Assert.True(model.Auc > baseline.Auc, $"AUC: model {model.Auc:F3} vs {baseline.Method} {baseline.Auc:F3}");
            Assert.True(model.CaptureFor(0.05).ByCount > baseline.CaptureFor(0.05).ByCount,
                $"capture@5%: model {model.CaptureFor(0.05).ByCount:F3} vs {baseline.Method} {baseline.CaptureFor(0.05).ByCount:F3}");
        }
        // At 10 % the model clearly beats the utility's age ranking; against past breaks it is level within the noise
        // of ~130 held-out breaks (see docs/risk.md), so that comparison is reported, not asserted.
        var age = pooled.Single(m => m.Method == AgeWithinMaterialBaseline.Name);
        Assert.True(model.CaptureFor(0.10).ByCount > age.CaptureFor(0.10).ByCount + 0.03,
            $"capture@10%: model {model.CaptureFor(0.10).ByCount:F3} vs age {age.CaptureFor(0.10).ByCount:F3}");
        Assert.True(model.Auc > 0.65, $"model AUC {model.Auc:F3}");
    }

    [Fact]
    public void Label_shuffled_training_does_not_beat_the_baselines()
    {
        var testYear = town.TestYears[^1];
        var train = town.Panel.Where(r => r.Year < testYear).Select(Copy).ToList();
        var test = town.Panel.Where(r => r.Year == testYear).Select(Copy).ToList();
        // Permute the outcomes across training pipe-years: features stay real, the link to the outcome is gone.
        var rng = new Random(5);
        var outcomes = train.Select(r => (r.Label, r.BreakCount)).OrderBy(_ => rng.Next()).ToArray();
        for (var i = 0; i < train.Count; i++) (train[i].Label, train[i].BreakCount) = outcomes[i];

        var shuffled = BreakRiskModel.Train(train, SampleTownFixture.FastTraining);
        var metrics = RankingMetrics.Evaluate(ModelRanker.Score(shuffled, test), test);
        var fold = town.Report.Folds.Single(f => f.TestYear == testYear);
        var bestBaseline = fold.Methods.Skip(1).Max(m => m.Auc);
        Assert.True(metrics.Auc < bestBaseline, $"shuffled AUC {metrics.Auc:F3} vs best baseline {bestBaseline:F3}");
        Assert.True(metrics.Auc < fold.Model.Auc - 0.08, $"shuffled AUC {metrics.Auc:F3} vs real {fold.Model.Auc:F3}");
        Assert.True(metrics.CaptureFor(0.05).ByCount < fold.Model.CaptureFor(0.05).ByCount,
            $"shuffled capture@5% {metrics.CaptureFor(0.05).ByCount:F3} vs real {fold.Model.CaptureFor(0.05).ByCount:F3}");
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
        HighCorrosivityShare = r.HighCorrosivityShare, FloodDepthMean = r.FloodDepthMean, FloodDepthMax = r.FloodDepthMax,
        OwnBreaks1y = r.OwnBreaks1y, OwnBreaks3y = r.OwnBreaks3y, OwnBreaks5y = r.OwnBreaks5y, OwnBreaksAll = r.OwnBreaksAll,
        OwnBreaksPerKmYear = r.OwnBreaksPerKmYear, YearsSinceLastBreak = r.YearsSinceLastBreak, NearbyBreaks1y = r.NearbyBreaks1y,
        NearbyBreaks3y = r.NearbyBreaks3y, NearbyBreaksAll = r.NearbyBreaksAll, HistoryYears = r.HistoryYears,
        Material = r.Material, SoilClass = r.SoilClass, RoadClass = r.RoadClass, PressureZone = r.PressureZone,
    };
}
