using DxGeo.Imagery.Damage.Featurizers.Internal;

namespace DxGeo.Imagery.Damage.Featurizers;

/// <summary>
/// Dependency-free baseline: hand-made grey-level, gradient, orientation, thin-dark-line and local-contrast statistics
/// at two scales (a crack is a thin line darker than both its sides, long and oriented; planking and joints are
/// straighter and periodic). Cheap enough (~1 ms a tile) to serve as the first pass in front of the network.
/// </summary>
public sealed class TextureFeaturizer : ITileFeaturizer
{
    public const string FeaturizerName = "texture";
    private const int Side = 224;

    public string Name => FeaturizerName;
    public int Dimension => TextureStats.Count * 2 + 6;

    public void Featurize(ReadOnlySpan<float> planarRgb, Span<float> features) => FeaturizeAt(Side, planarRgb, features);

    /// <summary>The same statistics on a tile of any side (the first pass reads 64-px tiles).</summary>
    internal static void FeaturizeAt(int side, ReadOnlySpan<float> planarRgb, Span<float> features)
    {
        var n = side * side;
        var grey = new float[n];
        double rg = 0, bg = 0, sat = 0;
        for (var i = 0; i < n; i++)
        {
            float r = planarRgb[i] / 255f, g = planarRgb[n + i] / 255f, b = planarRgb[2 * n + i] / 255f;
            grey[i] = 0.299f * r + 0.587f * g + 0.114f * b;
            rg += r - g;
            bg += b - g;
            var max = Math.Max(r, Math.Max(g, b));
            var min = Math.Min(r, Math.Min(g, b));
            sat += max > 0 ? (max - min) / max : 0;
        }
        var k = 0;
        TextureStats.Compute(grey, side, features.Slice(k, TextureStats.Count));
        k += TextureStats.Count;
        var half = Downsample(grey, side);
        TextureStats.Compute(half, side / 2, features.Slice(k, TextureStats.Count));
        k += TextureStats.Count;
        features[k++] = (float)(rg / n);
        features[k++] = (float)(bg / n);
        features[k++] = (float)(sat / n);
        // Scale relations: a crack's line response persists at the coarse scale, sensor noise does not.
        features[k++] = Ratio(features[TextureStats.LineP99Index], features[TextureStats.Count + TextureStats.LineP99Index]);
        features[k++] = Ratio(features[TextureStats.GradMeanIndex], features[TextureStats.Count + TextureStats.GradMeanIndex]);
        features[k] = Ratio(features[TextureStats.LineMaxIndex], features[TextureStats.Count + TextureStats.LineMaxIndex]);
    }

    private static float Ratio(float a, float b) => b > 1e-6f ? a / b : 0f;

    private static float[] Downsample(float[] src, int side)
    {
        var h = side / 2;
        var dst = new float[h * h];
        for (var y = 0; y < h; y++)
            for (var x = 0; x < h; x++)
            {
                var i = 2 * y * side + 2 * x;
                dst[y * h + x] = 0.25f * (src[i] + src[i + 1] + src[i + side] + src[i + side + 1]);
            }
        return dst;
    }

    public void Dispose() { }
}
