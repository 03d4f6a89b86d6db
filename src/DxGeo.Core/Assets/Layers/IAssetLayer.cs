using DxGeo.Core.Features;

namespace DxGeo.Core.Assets.Layers;

/// <summary>Maps a typed asset to and from the generic <see cref="FeatureRecord"/> of its workspace layer.</summary>
public interface IAssetLayer<T>
{
    LayerSchema Schema { get; }
    FeatureRecord ToRecord(T asset);
    /// <summary>Builds the asset; throws <see cref="Errors.InputDataException"/> naming the field when a value is unusable.</summary>
    T FromRecord(FeatureRecord record);
}
