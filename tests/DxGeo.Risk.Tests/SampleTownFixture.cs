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
            Roads = Town.Roads, Facilities = Town.Facilities, RoadWorks = Town.RoadWorks,
        };
        // As `risk train` does: ledger gaps filled in memory (flagged) before the break model's features are derived.
        Ledger = LedgerGapModels.Train(LedgerFeatureBuilder.Build(new MetricNetwork(Inputs.Pipes)), 20240601, 2, 150);
        Profiles = PipeProfileBuilder.Build(LedgerGapFiller.Complete(Inputs, Ledger), new ProfileOptions { AsOf = new DateOnly(2026, 6, 1) });
        Panel = PipeYearPanelBuilder.Build(Profiles.Profiles, Profiles.Window, Profiles.Window.FirstPanelYear(2), Profiles.Window.LastCompleteYear);
        var last = Profiles.Window.LastCompleteYear;
        TestYears = [last - 2, last - 1, last];
        _report = new Lazy<TimeSplitReport>(() => TimeSplitEvaluation.Run(Panel, TestYears, FastTraining));
        _model = new Lazy<BreakRiskModel>(() => BreakRiskModel.Train(Panel, FastTraining));
    }

    private readonly Lazy<BreakRiskModel> _model;

    public SampleTown.SampleTown Town { get; }
    /// <summary>The layers as stored (ledger gaps not filled).</summary>
    public RiskInputs Inputs { get; }
    public LedgerGapModels Ledger { get; }
    public PipeProfileSet Profiles { get; }
    public List<PipeYearRow> Panel { get; }
    public int[] TestYears { get; }
    public TimeSplitReport Report => _report.Value;
    /// <summary>A model trained on every panel year (for scoring and planning tests).</summary>
    public BreakRiskModel Model => _model.Value;
}

[CollectionDefinition(Name)]
public sealed class SampleTownCollection : ICollectionFixture<SampleTownFixture>
{
    public const string Name = "sample town";
}
