using System.Text.Json;
using System.Text.Json.Serialization;
using DxGeo.Risk.Evaluation;
using DxGeo.Risk.Features;
using DxGeo.Risk.Models;
using DxGeo.Risk.Models.Imputation;

namespace DxGeo.Risk.Reports;

/// <summary>A term of the Poisson-GLM prior and its log-rate coefficient.</summary>
public sealed record PriorTerm(string Term, double Coefficient);

/// <summary>What the model was trained on.</summary>
public sealed record CardData(string Source, int Pipes, int PipesInService, double KmInService, int Breaks, int BreaksDropped,
    int FirstYear, int LastCompleteYear, int PanelRows, int PanelFirstYear, double BrokenShare);

/// <summary>How it was split: time-based only.</summary>
public sealed record CardSplit(string Method, IReadOnlyList<int> TestYears, int FinalModelFirstYear, int FinalModelLastYear, int ScoresYear);

/// <summary>One held-out year.</summary>
public sealed record CardFold(int TestYear, int TrainFromYear, int TrainToYear, int TrainRows, IReadOnlyList<RankingMetrics> Methods);

/// <summary>
/// The model's metric card, saved beside it (card.json + card.md): data, features, split, metrics of the model
/// against both baselines, calibration, ledger-gap accuracy, settings and date.
/// </summary>
public sealed record MetricCard
{
    public string Model { get; init; } = "pipe break risk: LightGBM binary classifier over a pipe-year panel, blended with a Poisson-GLM empirical-Bayes expectation (record-adjusted)";
    public DateTimeOffset CreatedUtc { get; init; }
    public required CardData Data { get; init; }
    public required IReadOnlyList<FeatureInfo> Features { get; init; }
    public required CardSplit Split { get; init; }
    /// <summary>The held-out years ranked together (headline).</summary>
    public required IReadOnlyList<RankingMetrics> Pooled { get; init; }
    public required IReadOnlyList<RankingMetrics> MeanOverFolds { get; init; }
    /// <summary>The label-shuffle control on the same held-out years (see <see cref="Evaluation.ShuffleControl"/>); null in cards written before it.</summary>
    public RankingMetrics? ShuffledLabels { get; init; }
    /// <summary>Model − each baseline, pooled, with 95 % bootstrap intervals over pipes.</summary>
    public IReadOnlyList<PairedComparison> Comparisons { get; init; } = [];
    /// <summary>Shuffled model − each baseline, and the model − shuffled model, with the same intervals.</summary>
    public IReadOnlyList<PairedComparison> ShuffleComparisons { get; init; } = [];
    public required IReadOnlyList<CardFold> Folds { get; init; }
    public required CalibrationTable Calibration { get; init; }
    public required ImputationMetrics Imputation { get; init; }
    public required BreakRiskTrainingOptions Training { get; init; }
    public required double FrailtyShape { get; init; }
    public required IReadOnlyList<PriorTerm> PriorTerms { get; init; }
    public double TrainSeconds { get; init; }

    public RankingMetrics PooledModel => Pooled[0];

    public string ToJson() => JsonSerializer.Serialize(this, Json);

    public static MetricCard FromJson(string json) => JsonSerializer.Deserialize<MetricCard>(json, Json)
        ?? throw new JsonException("empty metric card");

    internal static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true, IncludeFields = true,
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };
}
