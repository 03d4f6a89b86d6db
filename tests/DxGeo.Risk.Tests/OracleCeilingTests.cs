using DxGeo.Risk.Baselines;
using DxGeo.Risk.Evaluation;

namespace DxGeo.Risk.Tests;

/// <summary>
/// The ceiling: the generator's true hazard (test-only ground truth: attributes, hidden frailty, excitation by the
/// pipe's real earlier breaks) scored on the same held-out pipe-years. It says how much a model could gain over past
/// breaks at all on this town, and bounds what ours can honestly reach.
/// </summary>
[Collection(SampleTownCollection.Name)]
public class OracleCeilingTests(SampleTownFixture town)
{
    private RankerScores Oracle()
    {
        var g = town.Town.GroundTruth;
        var date = town.Town.Breaks.ToDictionary(b => b.BreakId, b => b.Date);
        var truePipeBreaks = g.Breaks.GroupBy(b => b.TruePipeId).ToDictionary(x => x.Key, x => x.Select(b => date[b.BreakId]).ToList());
        var rows = town.Report.PooledRows;
        var s = rows.Select(r => g.TrueExpected(r.PipeId, (int)r.Year, truePipeBreaks.GetValueOrDefault(r.PipeId) ?? [])).ToArray();
        return new RankerScores("oracle", s, s.Select((x, i) => x / (rows[i].LengthM / 1000.0)).ToArray());
    }

    [Fact]
    public void True_hazard_beats_past_breaks_clearly_so_the_town_carries_signal_beyond_the_record()
    {
        var rows = town.Report.PooledRows;
        var c = BootstrapComparison.Run([Oracle(), PastBreaksBaseline.Score(rows)], rows, SampleTownFixture.BootstrapReplicates).Single();
        foreach (var metric in new[] { "AUC", "capture 5 %", "capture 10 %", "capture 10 % (km)" })
            Assert.True(c.For(metric).ClearlyAbove, $"oracle − past breaks, {metric}: {c.For(metric).Estimate:F3} [{c.For(metric).Low:F3}, {c.For(metric).High:F3}]");
        Assert.True(c.For("capture 10 %").Estimate > 0.08, $"oracle gains only {c.For("capture 10 %").Estimate:F3} at 10 %");
    }

    [Fact]
    public void Model_does_not_beat_the_true_hazard_beyond_noise()
    {
        // A model above the oracle would mean it saw the future (leakage) or the truth.
        var rows = town.Report.PooledRows;
        var c = BootstrapComparison.Run([town.Report.PooledScores[0], Oracle()], rows, SampleTownFixture.BootstrapReplicates).Single();
        Assert.All(c.Differences, d => Assert.False(d.ClearlyAbove, $"model − oracle, {d.Metric}: {d.Estimate:F3} [{d.Low:F3}, {d.High:F3}]"));
    }
}
