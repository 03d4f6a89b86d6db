using System.Diagnostics;
using DxGeo.Core.Errors;
using DxGeo.Risk.Evaluation;
using DxGeo.Risk.Features;
using DxGeo.Risk.Features.Internal;
using DxGeo.Risk.Models.Imputation;
using DxGeo.Risk.Reports;
using DxGeo.Risk.Storage;

namespace DxGeo.Risk.Models;

/// <summary>Everything <c>dxgeo risk train</c> decides.</summary>
public sealed record RiskTrainOptions
{
    public ProfileOptions Profile { get; init; } = new();
    public BreakRiskTrainingOptions Training { get; init; } = new();
    /// <summary>Held-out years, the most recent ones, each trained only on the years before it.</summary>
    public int RollingFolds { get; init; } = 5;
    /// <summary>Resamples of pipes for the bootstrap intervals of model − baseline (0: none).</summary>
    public int BootstrapReplicates { get; init; } = 500;
    /// <summary>Years of break record a panel row needs before its own year.</summary>
    public int MinHistoryYears { get; init; } = 2;
    public double ImputationHiddenShare { get; init; } = 0.2;
    public int ImputationIterations { get; init; } = 150;
}

/// <summary>The trained models with their evaluation and card.</summary>
public sealed class RiskTrainingResult
{
    public required BreakRiskModel Model { get; init; }
    public required LedgerGapModels Ledger { get; init; }
    public required TimeSplitReport Evaluation { get; init; }
    public required MetricCard Card { get; init; }
    public required PipeProfileSet Profiles { get; init; }

    /// <summary>Writes the models, the card (JSON + Markdown) and the plots into <paramref name="dir"/>.</summary>
    public IReadOnlyList<string> Save(string dir) => RiskModelBundle.Save(this, dir);
}

/// <summary>
/// Trains the break-risk model end to end on a utility's data: profiles from the layers, the pipe-year panel,
/// a rolling time-based evaluation against both baselines, the final model on every year, and the ledger-gap models
/// with their hidden-value evaluation.
/// </summary>
public static class RiskTrainer
{
    public static RiskTrainingResult Train(RiskInputs inputs, RiskTrainOptions? options = null, IProgress<string>? progress = null)
    {
        var o = options ?? new RiskTrainOptions();
        var sw = Stopwatch.StartNew();
        // Refuse a missing or future-dated break record before any training.
        HistoryWindow.From(inputs.Breaks.Select(b => (b.BreakId, b.Date)), o.Profile.AsOf);
        progress?.Report("ledger gaps: evaluating on hidden known values, then training on all known values");
        var net = new MetricNetwork(inputs.Pipes);
        var imputation = LedgerGapEvaluation.Run(net, o.ImputationHiddenShare, o.Training.Seed, o.Training.Threads, o.ImputationIterations);
        var ledger = LedgerGapModels.Train(LedgerFeatureBuilder.Build(net), o.Training.Seed, o.Training.Threads, o.ImputationIterations);

        progress?.Report("deriving features from the layers (ledger gaps filled in memory, flagged)");
        var set = PipeProfileBuilder.Build(LedgerGapFiller.Complete(inputs, ledger), o.Profile);
        var w = set.Window;
        var firstPanel = w.FirstPanelYear(o.MinHistoryYears);
        var testYears = Enumerable.Range(w.LastCompleteYear - o.RollingFolds + 1, o.RollingFolds).ToArray();
        if (testYears[0] <= firstPanel)
            throw new DxGeoException($"the break record {w.FirstYear}–{w.LastCompleteYear} is too short for {o.RollingFolds} held-out years " +
                $"after {o.MinHistoryYears} years of history: need at least {o.MinHistoryYears + o.RollingFolds + 1} years");
        var panel = PipeYearPanelBuilder.Build(set.Profiles, w, firstPanel, w.LastCompleteYear);
        progress?.Report($"panel: {panel.Count} pipe-years {firstPanel}–{w.LastCompleteYear}; evaluating on {string.Join(", ", testYears)}");
        var evaluation = TimeSplitEvaluation.Run(panel, testYears, o.Training, progress, o.BootstrapReplicates);

        progress?.Report("label-shuffle control");
        var (shuffled, shuffledScores) = ShuffleControl.Run(panel, testYears, o.Training, o.Training.Seed);
        var shuffleComparisons = o.BootstrapReplicates > 0
            ? BootstrapComparison.Run([shuffledScores, .. evaluation.PooledScores.Skip(1)], evaluation.PooledRows, o.BootstrapReplicates)
                .Concat(BootstrapComparison.Run([evaluation.PooledScores[0], shuffledScores], evaluation.PooledRows, o.BootstrapReplicates)).ToArray()
            : [];

        progress?.Report("training the final model on every year");
        var model = BreakRiskModel.Train(panel, o.Training);

        var inService = set.Profiles.Where(p => p.InService).ToList();
        var card = new MetricCard
        {
            CreatedUtc = DateTimeOffset.UtcNow,
            Data = new CardData(inputs.Source, inputs.Pipes.Count, inService.Count, inService.Sum(p => p.LengthM) / 1000,
                inputs.Breaks.Count, set.DroppedBreaks, w.FirstYear, w.LastCompleteYear, panel.Count, firstPanel,
                panel.Count == 0 ? 0 : panel.Count(r => r.Label) / (double)panel.Count),
            Features = FeatureCatalog.All,
            Split = new CardSplit("time-based: train on the years before the held-out year, never a random split; rolling over the last years",
                testYears, firstPanel, w.LastCompleteYear, w.NextYear),
            Pooled = evaluation.Pooled,
            ShuffledLabels = shuffled,
            Comparisons = evaluation.Comparisons,
            ShuffleComparisons = shuffleComparisons,
            MeanOverFolds = evaluation.MeanOverFolds(),
            Folds = evaluation.Folds.Select(f => new CardFold(f.TestYear, f.TrainFromYear, f.TrainToYear, f.TrainRows, f.Methods)).ToArray(),
            Calibration = evaluation.PooledCalibration,
            Imputation = imputation,
            Training = o.Training,
            FrailtyShape = model.Prior.FrailtyShape,
            PriorTerms = model.Prior.Terms.Zip(model.Prior.Coefficients, (t, c) => new PriorTerm(t, c)).ToArray(),
            TrainSeconds = sw.Elapsed.TotalSeconds,
        };
        return new RiskTrainingResult { Model = model, Ledger = ledger, Evaluation = evaluation, Card = card, Profiles = set };
    }
}
