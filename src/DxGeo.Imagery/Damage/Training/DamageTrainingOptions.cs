using DxGeo.Imagery.Damage.Head;
using DxGeo.Imagery.Damage.Tiling;

namespace DxGeo.Imagery.Damage.Training;

public sealed record DamageTrainingOptions
{
    /// <summary>Main featurizer: "resnet18" (pretrained network) or "texture" (dependency-free statistics).</summary>
    public string Featurizer { get; init; } = "resnet18";
    /// <summary>Heads tried; the one with the best mean validation precision at the target recall on every source wins.</summary>
    public IReadOnlyList<HeadKind> HeadKinds { get; init; } = [HeadKind.Logistic, HeadKind.LightGbm];
    public double TargetRecall { get; init; } = 0.95;
    /// <summary>Also train on mirrored copies of the training tiles (cracks have no handedness); doubles featurizing time.</summary>
    public bool MirrorAugment { get; init; }
    /// <summary>Train the texture baseline beside the main model (written to <c>baseline/</c>, reported in the card).</summary>
    public bool Baseline { get; init; } = true;
    /// <summary>The cascade's first pass: the cut network on 64-px previews, or "texture-preview" (statistics, no network).</summary>
    public string PrefilterFeaturizer { get; init; } = Featurizers.ResNet18PreviewFeaturizer.FeaturizerName;
    /// <summary>Recall per source (out of fold) the first pass must keep; null = no first pass.</summary>
    public double? PrefilterRecall { get; init; } = 0.99;
    /// <summary>Per-photo network budget written into the model (the best-rated candidates of the first pass; 0 = all).</summary>
    public int NetworkTilesPerPhoto { get; init; } = DefaultNetworkTilesPerPhoto;
    /// <summary>12 tiles: ≥ 2 photos/s of 12 MP on 2 cores; on 12-MP mosaics of held-out tiles it finds 27–30 of 30
    /// damaged photos per source (15 tiles: 29–30 at ≈ 1.9 photos/s); see the card and benchmarks/results/damage.md.</summary>
    public const int DefaultNetworkTilesPerPhoto = 12;
    /// <summary>Folds of the grouped cross-validation that chooses heads and thresholds.</summary>
    public int Folds { get; init; } = 5;
    public string? CacheDir { get; init; }
    public TilingOptions Tiling { get; init; } = new();
    public int Seed { get; init; } = 7;
}
