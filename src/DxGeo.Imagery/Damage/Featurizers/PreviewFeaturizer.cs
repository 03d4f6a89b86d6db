namespace DxGeo.Imagery.Damage.Featurizers;

/// <summary>
/// The cascade's first pass: the texture statistics of <see cref="TextureFeaturizer"/> on a 64-px preview of the tile,
/// read from a 1/4- or 1/8-scale DCT decode of the photo (a 256-px tile is 64 px at 1/4), so every tile of a
/// 12-MP photo is rated for a fraction of a full decode and of the network's cost. It only ranks tiles for the
/// network; it never decides a finding alone.
/// </summary>
public sealed class PreviewFeaturizer : ITileFeaturizer
{
    public const string FeaturizerName = "texture-preview";
    public const int Side = 64;

    public string Name => FeaturizerName;
    public int Dimension => new TextureFeaturizer().Dimension;
    public int InputPx => Side;

    public void Featurize(ReadOnlySpan<float> planarRgb, Span<float> features) => TextureFeaturizer.FeaturizeAt(Side, planarRgb, features);

    public void Dispose() { }
}
