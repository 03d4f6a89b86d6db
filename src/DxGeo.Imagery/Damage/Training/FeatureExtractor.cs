using DxGeo.Imagery.Damage.Featurizers;
using DxGeo.Imagery.Damage.Tiling;

namespace DxGeo.Imagery.Damage.Training;

/// <summary>
/// Feature vectors for labelled tiles, through exactly the scorer's path (decode, crop, resize to 224, featurize).
/// Each image is decoded once for all its tiles. An optional cache file keeps vectors between runs (keyed by file
/// path, rectangle and mirroring), since the network dominates training time.
/// </summary>
public sealed class FeatureExtractor(ITileFeaturizer featurizer, string? cacheDir = null)
{
    public IReadOnlyList<float[]> Extract(IReadOnlyList<TileSample> samples, bool mirror = false,
        IProgress<(long Done, long? Total, string What)>? progress = null, CancellationToken ct = default)
    {
        var cache = FeatureCache.Open(cacheDir, featurizer.Name, featurizer.Dimension);
        var result = new float[samples.Count][];
        var todo = new List<int>();
        for (var i = 0; i < samples.Count; i++)
        {
            if (cache.TryGet(Key(samples[i], mirror), out var f)) result[i] = f;
            else todo.Add(i);
        }
        var inputPx = featurizer.InputPx;
        using var resampler = new TileResampler(inputPx);
        var pixels = new float[3 * inputPx * inputPx];
        long done = samples.Count - todo.Count;
        // Decoded at the scale the scorer would use for a tile of that size (the first pass reads a reduced decode).
        foreach (var byImage in todo.GroupBy(i => (samples[i].ImagePath, Side: Math.Min(samples[i].Rect.WidthPx, samples[i].Rect.HeightPx))))
        {
            ct.ThrowIfCancellationRequested();
            using var photo = DecodedPhoto.Decode(byImage.Key.ImagePath, Math.Min(1.0, (double)inputPx / byImage.Key.Side));
            foreach (var i in byImage)
            {
                resampler.Sample(photo, samples[i].Rect, pixels, mirror);
                var f = new float[featurizer.Dimension];
                featurizer.Featurize(pixels, f);
                result[i] = f;
                cache.Add(Key(samples[i], mirror), f);
                progress?.Report((++done, samples.Count, featurizer.Name));
            }
        }
        cache.Flush();
        return result;
    }

    private static string Key(TileSample s, bool mirror) => mirror ? s.Key + "|m" : s.Key;
}
