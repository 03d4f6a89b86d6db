using DxGeo.Core.Assets;
using DxGeo.Risk.Models.Imputation;

namespace DxGeo.Risk.Tests;

[Collection(SampleTownCollection.Name)]
public class LedgerGapTests(SampleTownFixture town)
{
    [Fact]
    public void Imputation_beats_majority_class_and_mean_year_on_hidden_known_values()
    {
        var m = LedgerGapEvaluation.Run(town.Profiles.Network, hiddenShare: 0.2, seed: 3, iterations: 80);
        Assert.True(m.MaterialTested > 300 && m.YearTested > 300, $"tested {m.MaterialTested}/{m.YearTested}");
        Assert.True(m.MaterialAccuracy > m.MaterialMajorityAccuracy + 0.03,
            $"material accuracy {m.MaterialAccuracy:P1} vs majority {m.MaterialMajorityAccuracy:P1}");
        Assert.True(m.YearMaeYears < m.YearMeanBaselineMaeYears, $"year MAE {m.YearMaeYears:F1} vs mean-year {m.YearMeanBaselineMaeYears:F1}");
    }

    [Fact]
    public void Filling_touches_only_gaps_and_flags_them()
    {
        var models = LedgerGapModels.Train(Features.LedgerFeatureBuilder.Build(town.Profiles.Network), iterations: 40);
        var fills = LedgerGapFiller.Fill(town.Inputs, models);
        var byId = town.Inputs.Pipes.ToDictionary(p => p.PipeId);
        Assert.NotEmpty(fills);
        foreach (var f in fills)
        {
            var p = byId[f.PipeId];
            if (f.Material is not null) Assert.Equal(PipeMaterial.Unknown, p.Material);
            if (f.InstallYear is not null) Assert.Null(p.InstallYear);
        }
        var gaps = town.Inputs.Pipes.Count(p => p.Material == PipeMaterial.Unknown || p.InstallYear is null);
        Assert.Equal(gaps, fills.Count);
        var applied = LedgerGapFiller.Apply(town.Inputs.Pipes, fills);
        Assert.All(applied.Where(p => p.MaterialImputed), p => Assert.NotEqual(PipeMaterial.Unknown, p.Material));
        Assert.All(applied.Where(p => !p.MaterialImputed && !p.InstallYearImputed), p => Assert.Equal(byId[p.PipeId], p));
    }
}
