namespace DxGeo.Imagery.Damage.Featurizers;

/// <summary>
/// Turns one tile (planar RGB floats 0–255, 3×InputPx×InputPx) into a feature vector for the head.
/// Implementations are thread-safe: a scorer may call them from several threads at once.
/// </summary>
public interface ITileFeaturizer : IDisposable
{
    /// <summary>Stable name stored in the model manifest ("resnet18", "texture").</summary>
    string Name { get; }
    int Dimension { get; }
    /// <summary>Side of the square tile it reads (the tile is resized to this).</summary>
    int InputPx => 224;
    void Featurize(ReadOnlySpan<float> planarRgb, Span<float> features);
}
