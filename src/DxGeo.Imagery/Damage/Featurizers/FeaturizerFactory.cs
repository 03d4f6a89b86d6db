using DxGeo.Core.Errors;

namespace DxGeo.Imagery.Damage.Featurizers;

/// <summary>Featurizer by its manifest name.</summary>
public static class FeaturizerFactory
{
    public static IReadOnlyList<string> Names { get; } = [ResNet18Featurizer.FeaturizerName, TextureFeaturizer.FeaturizerName, PreviewFeaturizer.FeaturizerName,
        ResNet18PreviewFeaturizer.FeaturizerName];

    public static ITileFeaturizer Create(string name) => name switch
    {
        ResNet18Featurizer.FeaturizerName => new ResNet18Featurizer(),
        TextureFeaturizer.FeaturizerName => new TextureFeaturizer(),
        PreviewFeaturizer.FeaturizerName => new PreviewFeaturizer(),
        ResNet18PreviewFeaturizer.FeaturizerName => new ResNet18PreviewFeaturizer(),
        _ => throw new DxGeoException($"unknown featurizer '{name}' (known: {string.Join(", ", Names)})"),
    };
}
