using System.Text.Json;
using DxGeo.Imagery.Damage.Training;

namespace DxGeo.Imagery.Damage.Card;

/// <summary>Machine-readable card (<c>card.json</c>): what a test or a user reads back to check the model's claims.</summary>
public sealed record ModelCard
{
    public const string FileName = "card.json";

    public required string ModelId { get; init; }
    public required double Threshold { get; init; }
    public required double TargetRecall { get; init; }
    public required string Featurizer { get; init; }
    public required string Head { get; init; }
    public required IReadOnlyList<string> Sets { get; init; }
    public required IReadOnlyList<SplitCount> Split { get; init; }
    public required IReadOnlyDictionary<string, CardMetrics> Validation { get; init; }
    public required IReadOnlyDictionary<string, CardMetrics> Heldout { get; init; }
    public IReadOnlyDictionary<string, CardMetrics> BaselineHeldout { get; init; } = new Dictionary<string, CardMetrics>();
    public double? BaselineThreshold { get; init; }
    /// <summary>The exported held-out sample (sample-data), scored from its files: main and baseline.</summary>
    public IReadOnlyDictionary<string, CardMetrics> HeldoutSample { get; init; } = new Dictionary<string, CardMetrics>();
    public IReadOnlyDictionary<string, CardMetrics> BaselineHeldoutSample { get; init; } = new Dictionary<string, CardMetrics>();
    /// <summary>Recall per source the first pass keeps on held-out tiles.</summary>
    public IReadOnlyDictionary<string, CardMetrics> PrefilterHeldout { get; init; } = new Dictionary<string, CardMetrics>();
    /// <summary>Photo-level cost of the per-photo network budget (mosaics of held-out tiles).</summary>
    public IReadOnlyList<PhotoBudgetReport.Row> PhotoBudget { get; init; } = [];

    public static ModelCard Read(string modelDir) =>
        JsonSerializer.Deserialize<ModelCard>(File.ReadAllText(Path.Combine(modelDir, FileName)), DamageModelManifest.Json)!;

    public static IReadOnlyDictionary<string, CardMetrics> Map(IEnumerable<SourceMetrics> m) =>
        m.ToDictionary(x => x.Source, x => CardMetrics.From(x.Metrics));
}

public sealed record CardMetrics(int N, int Positives, double Accuracy, double Precision, double Recall, double F1, double? Auc)
{
    public static CardMetrics From(Evaluation.BinaryMetrics m) =>
        new(m.N, m.Positives, m.Accuracy, m.Precision, m.Recall, m.F1, double.IsNaN(m.Auc) ? null : m.Auc);
}
