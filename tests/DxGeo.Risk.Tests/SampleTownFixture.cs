using DxGeo.Risk.DataModels;
using DxGeo.Risk.Evaluation;
using DxGeo.Risk.Features;
using DxGeo.Risk.Features.Internal;
using DxGeo.Risk.Models;
using DxGeo.Risk.Models.Imputation;
using DxGeo.Risk.Storage;
using DxGeo.SampleTown;

namespace DxGeo.Risk.Tests;

/// <summary>The sample town, its profiles, panel and one rolling evaluation, built once for the whole test run.</summary>
public sealed class SampleTownFixture
{
    /// <summary>Few trees keep the suite fast; the shipped model uses the defaults.</summary>
    public static readonly BreakRiskTrainingOptions FastTraining = new() { Iterations = 60 };

    private readonly Lazy<TimeSplitReport> _report;

    public SampleTownFixture()
    {
        Town = SampleTownGenerator.Generate();
        Inputs = new RiskInputs
        {
            Source = "sample town", Pipes = Town.Pipes, Breaks = Town.Breaks, Soil = Town.SoilZones, FloodZones = Town.FloodZones,
            Roads = Town.Roads, Facilities = Town.Facilities, RoadWorks = Town.RoadWorks, Elevation = Town.ElevationPoints,
        };
        // As `risk train` does: ledger gaps filled in memory (flagged) before the break model's features are derived.
        Ledger = LedgerGapModels.Train(LedgerFeatureBuilder.Build(new MetricNetwork(Inputs.Pipes)), 20240601, 2, 150);
        Profiles = PipeProfileBuilder.Build(LedgerGapFiller.Complete(Inputs, Ledger), new ProfileOptions { AsOf = new DateOnly(2026, 6, 1) });
        Panel = PipeYearPanelBuilder.Build(Profiles.Profiles, Profiles.Window, Profiles.Window.FirstPanelYear(2), Profiles.Window.LastCompleteYear);
        var last = Profiles.Window.LastCompleteYear;
        TestYears = [last - 4, last - 3, last - 2, last - 1, last];
        _report = new Lazy<TimeSplitReport>(() => TimeSplitEvaluation.Run(Panel, TestYears, FastTraining, bootstrapReplicates: BootstrapReplicates));
        _shuffled = new Lazy<(RankingMetrics, RankerScores)>(() => ShuffleControl.Run(Panel, TestYears, FastTraining, seed: 5));
        _model = new Lazy<BreakRiskModel>(() => BreakRiskModel.Train(Panel, FastTraining));
    }

    private readonly Lazy<BreakRiskModel> _model;
    private readonly Lazy<(RankingMetrics, RankerScores)> _shuffled;

    /// <summary>Resamples of pipes for the bootstrap intervals in tests (the card uses 500).</summary>
    public const int BootstrapReplicates = 100;

    public SampleTown.SampleTown Town { get; }
    /// <summary>The layers as stored (ledger gaps not filled).</summary>
    public RiskInputs Inputs { get; }
    public LedgerGapModels Ledger { get; }
    public PipeProfileSet Profiles { get; }
    public List<PipeYearRow> Panel { get; }
    public int[] TestYears { get; }
    public TimeSplitReport Report => _report.Value;
    /// <summary>The label-shuffle control over the same held-out years.</summary>
    public (RankingMetrics Metrics, RankerScores Scores) Shuffled => _shuffled.Value;
    /// <summary>A model trained on every panel year (for scoring and planning tests).</summary>
    public BreakRiskModel Model => _model.Value;
}

[CollectionDefinition(Name)]
public sealed class SampleTownCollection : ICollectionFixture<SampleTownFixture>
{
    public const string Name = "sample town";
}
