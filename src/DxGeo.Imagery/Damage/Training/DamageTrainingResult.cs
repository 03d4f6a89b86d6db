namespace DxGeo.Imagery.Damage.Training;

/// <summary>Tile counts of one source in one split part.</summary>
public sealed record SplitCount(string Source, SplitPart Part, int Photos, int Damaged, int Undamaged);

public sealed record DamageTrainingResult(DamageModelManifest Manifest, StageReport Main, StageReport? Baseline,
    IReadOnlyList<SplitCount> Split, IReadOnlyList<TileSample> Heldout)
{
    /// <summary>Recall each source keeps through the first pass on held-out tiles (empty without one).</summary>
    public IReadOnlyList<SourceMetrics> PrefilterHeldout { get; init; } = [];
    public double? PrefilterThreshold { get; init; }
}
