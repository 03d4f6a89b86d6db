using DxGeo.Imagery.Damage.Evaluation;
using DxGeo.Imagery.Damage.Head;

namespace DxGeo.Imagery.Damage.Training;

/// <summary>Metrics of one source at the model's threshold.</summary>
public sealed record SourceMetrics(string Source, BinaryMetrics Metrics);

/// <summary>A trained featurizer + head: its threshold and per-source validation and held-out figures.</summary>
public sealed record StageReport(string Featurizer, HeadKind Head, double Threshold,
    IReadOnlyList<SourceMetrics> Validation, IReadOnlyList<SourceMetrics> Heldout, BinaryMetrics PooledHeldout,
    IReadOnlyList<(string Head, double MeanValidationPrecision)> HeadsTried)
{
    /// <summary>Held-out scores and labels per tile (for PR curves).</summary>
    public IReadOnlyList<float> HeldoutScores { get; init; } = [];
    public IReadOnlyList<bool> HeldoutLabels { get; init; } = [];
    public IReadOnlyList<string> HeldoutSources { get; init; } = [];
}
