using DxGeo.Risk.Evaluation;
using DxGeo.Risk.Features;
using DxGeo.Risk.Models;

namespace DxGeo.Risk.Tests;

public class SyntheticModelTests
{
    [Fact]
    public void Model_ranks_held_out_year_better_than_both_baselines_by_auc()
    {
        var profiles = SyntheticProfiles.Generate(3000, seed: 7);
        var window = new HistoryWindow(2011, 2025);
        var panel = PipeYearPanelBuilder.Build(profiles, window, window.FirstPanelYear(2), 2025);
        var report = TimeSplitEvaluation.Run(panel, [2024, 2025], new BreakRiskTrainingOptions { Iterations = 100 });
        var mean = report.MeanOverFolds();
        var model = mean.Single(m => m.Method == ModelRanker.Name);
        foreach (var b in mean.Where(m => m.Method != ModelRanker.Name))
            Assert.True(model.Auc > b.Auc, $"AUC {model.Auc:F3} vs {b.Method} {b.Auc:F3}");
    }
}
