namespace DxGeo.Imagery.Damage.Featurizers;

/// <summary>A featurizer that rates many tiles in one call (a network with a free batch dimension).</summary>
public interface IBatchTileFeaturizer : ITileFeaturizer
{
    /// <summary>Tiles back to back in <paramref name="planarRgb"/> (3×InputPx×InputPx each); count × Dimension features out.</summary>
    void FeaturizeBatch(float[] planarRgb, int count, float[] features);
}
