using DxGeo.Core.Errors;
using DxGeo.Risk.Baselines;
using DxGeo.Risk.DataModels;
using DxGeo.Risk.Models;

namespace DxGeo.Risk.Evaluation;

/// <summary>One held-out year: trained on the years before it, tested on it.</summary>
public sealed record EvaluationFold
{
    public int TestYear { get; init; }
    public int TrainFromYear { get; init; }
    public int TrainToYear { get; init; }
    public int TrainRows { get; init; }
    /// <summary>Model first, then the baselines.</summary>
    public required IReadOnlyList<RankingMetrics> Methods { get; init; }
    public required CalibrationTable Calibration { get; init; }
    /// <summary>Cumulative capture curves by method: share of segments (or of length) against share of breaks.</summary>
    public required IReadOnlyDictionary<string, (double X, double Y)[]> CurveByCount { get; init; }
    public required IReadOnlyDictionary<string, (double X, double Y)[]> CurveByLength { get; init; }

    public RankingMetrics Model => Methods[0];
    public RankingMetrics Method(string name) => Methods.First(m => m.Method == name);
}

/// <summary>
/// All folds of a rolling time-based evaluation. <see cref="Pooled"/> ranks the held-out pipe-years of every fold
/// together (each scored by the model trained before its year): with a few dozen breaks a year, one year alone is noisy.
/// </summary>
public sealed record TimeSplitReport(IReadOnlyList<EvaluationFold> Folds, IReadOnlyList<RankingMetrics> Pooled,
    CalibrationTable PooledCalibration, IReadOnlyDictionary<string, (double X, double Y)[]> PooledCurveByCount,
    IReadOnlyDictionary<string, (double X, double Y)[]> PooledCurveByLength)
{
    /// <summary>The held-out pipe-years of every fold, in fold order (what <see cref="PooledScores"/> score).</summary>
    public IReadOnlyList<PipeYearRow> PooledRows { get; init; } = [];
    /// <summary>Each method's scores of <see cref="PooledRows"/>, model first.</summary>
    public IReadOnlyList<RankerScores> PooledScores { get; init; } = [];
    /// <summary>Model minus each baseline, pooled, with 95 % bootstrap intervals over pipes.</summary>
    public IReadOnlyList<PairedComparison> Comparisons { get; init; } = [];

    public EvaluationFold Latest => Folds[^1];

    /// <summary>Each method's metrics averaged over the folds.</summary>
    public IReadOnlyList<RankingMetrics> MeanOverFolds() => Latest.Methods.Select(m =>
    {
        var all = Folds.Select(f => f.Method(m.Method)).ToArray();
        return new RankingMetrics
        {
            Method = m.Method,
            Segments = (int)all.Average(x => x.Segments),
            BrokenSegments = (int)all.Average(x => x.BrokenSegments),
            Breaks = (int)all.Average(x => x.Breaks),
            Auc = all.Average(x => x.Auc),
            PrecisionTop1Pct = all.Average(x => x.PrecisionTop1Pct),
            Capture = m.Capture.Select(c => new CaptureAt(c.Fraction,
                all.Average(x => x.CaptureFor(c.Fraction).ByCount), all.Average(x => x.CaptureFor(c.Fraction).ByLength))).ToArray(),
            Brier = m.Brier is null ? null : all.Average(x => x.Brier ?? 0),
        };
    }).ToArray();
}

/// <summary>
/// Time-based evaluation only: for each test year Y, fit on panel years before Y and score Y. A random split
/// would let a segment's 2024 row teach the model about its own 2023 row; this never looks forward.
/// </summary>
public static class TimeSplitEvaluation
{
    public static TimeSplitReport Run(IReadOnlyList<PipeYearRow> panel, IReadOnlyList<int> testYears,
        BreakRiskTrainingOptions? training = null, IProgress<string>? progress = null, int bootstrapReplicates = 500)
    {
        if (testYears.Count == 0) throw new ArgumentException("at least one test year is needed", nameof(testYears));
        var folds = new List<EvaluationFold>();
        var pooledRows = new List<PipeYearRow>();
        var pooledScores = new List<RankerScores>();
        foreach (var testYear in testYears.Order())
        {
            var train = panel.Where(r => r.Year < testYear).ToList();
            var test = panel.Where(r => r.Year == testYear).ToList();
            if (train.Count == 0 || test.Count == 0)
                throw new DxGeoException($"cannot evaluate on {testYear}: {train.Count} training and {test.Count} test pipe-years " +
                    "(the break record needs at least three years)");
            progress?.Report($"fold: train ≤ {testYear - 1}, test {testYear}");
            var (fold, scores) = Fold(train, test, testYear, training);
            folds.Add(fold);
            pooledRows.AddRange(test);
            pooledScores.Add(scores[0]);
            pooledScores.AddRange(scores.Skip(1));
        }
        var methods = folds[0].Methods.Select(m => m.Method).ToArray();
        var pooled = methods.Select(name =>
        {
            var parts = pooledScores.Where(s => s.Method == name).ToArray();
            var prob = parts.All(p => p.Probability is not null) ? parts.SelectMany(p => p.Probability!).ToArray() : null;
            return new RankerScores(name, parts.SelectMany(p => p.Score).ToArray(), parts.SelectMany(p => p.ScorePerKm).ToArray(), prob);
        }).ToArray();
        var (_, calibration, byCount, byLength) = Measure(pooled, pooledRows);
        progress?.Report($"bootstrap over pipes ({bootstrapReplicates} resamples)");
        return new TimeSplitReport(folds, pooled.Select(s => RankingMetrics.Evaluate(s, pooledRows)).ToArray(), calibration, byCount, byLength)
        {
            PooledRows = pooledRows,
            PooledScores = pooled,
            Comparisons = bootstrapReplicates > 0 ? BootstrapComparison.Run(pooled, pooledRows, bootstrapReplicates) : [],
        };
    }

    private static (IReadOnlyList<RankingMetrics>, CalibrationTable, Dictionary<string, (double, double)[]>, Dictionary<string, (double, double)[]>)
        Measure(RankerScores[] scores, List<PipeYearRow> test)
    {
        var methods = scores.Select(s => RankingMetrics.Evaluate(s, test)).ToArray();
        var labels = test.Select(r => r.Label).ToArray();
        var ones = Enumerable.Repeat(1.0, test.Count).ToArray();
        var lengths = test.Select(r => (double)r.LengthM).ToArray();
        var breaks = test.Select(r => (double)r.BreakCount).ToArray();
        return (methods, CalibrationTable.From(scores[0].Probability!, labels),
            scores.ToDictionary(s => s.Method, s => new RankedCapture(s.Score, ones, breaks).Curve()),
            scores.ToDictionary(s => s.Method, s => new RankedCapture(s.ScorePerKm, lengths, breaks).Curve()));
    }

    private static (EvaluationFold, RankerScores[]) Fold(List<PipeYearRow> train, List<PipeYearRow> test, int testYear, BreakRiskTrainingOptions? training)
    {
        var model = BreakRiskModel.Train(train, training);
        var scores = new[]
        {
            ModelRanker.Score(model, test),
            AgeWithinMaterialBaseline.Fit(train).Score(test),
            PastBreaksBaseline.Score(test),
        };
        var (methods, calibration, byCount, byLength) = Measure(scores, test);
        return (new EvaluationFold
        {
            TestYear = testYear,
            TrainFromYear = (int)train.Min(r => r.Year),
            TrainToYear = (int)train.Max(r => r.Year),
            TrainRows = train.Count,
            Methods = methods,
            Calibration = calibration,
            CurveByCount = byCount,
            CurveByLength = byLength,
        }, scores);
    }
}
