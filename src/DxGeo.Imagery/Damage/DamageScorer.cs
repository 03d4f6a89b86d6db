using DxGeo.Imagery.Damage.Featurizers;
using DxGeo.Imagery.Damage.Head;
using DxGeo.Imagery.Damage.Tiling;

namespace DxGeo.Imagery.Damage;

/// <summary>
/// Scores photos tile by tile: decode once (at a reduced scale when the tiles are much larger than the network input),
/// cut the GSD-sized tiles, resize each to 224 px, featurize, apply the head. With a prefilter, each tile first goes
/// through the cheap texture stage; a tile it rates below its threshold keeps a score mapped below the main threshold
/// (proportional to the prefilter's score, so the heat map still ranks it) and never reaches the network.
/// Thread-safe; buffers are per thread.
/// </summary>
public sealed class DamageScorer : IDamageScorer, IDisposable
{
    public sealed record Stage(ITileFeaturizer Featurizer, DamageHead Head, double Threshold);

    private readonly Stage _main;
    private readonly Stage? _pre;
    private readonly ThreadLocal<Buffers> _buffers;

    public DamageModelManifest Manifest { get; }
    public string ModelId => Manifest.ModelId;
    public double Threshold => _main.Threshold;
    public TilingOptions Tiling => Manifest.Tiling;
    public bool HasPrefilter => _pre is not null;

    internal DamageScorer(DamageModelManifest manifest, Stage main, Stage? pre)
    {
        Manifest = manifest;
        _main = main;
        _pre = pre;
        _buffers = new ThreadLocal<Buffers>(() => new Buffers(manifest.Tiling.InputPx, main.Featurizer.Dimension, pre?.Featurizer.Dimension ?? 0), trackAllValues: true);
    }

    public ImageDamageScore Score(string imagePath, double? gsdCmPerPx, CancellationToken cancellationToken = default)
    {
        var tilePx = Tiling.TilePx(gsdCmPerPx);
        var minScale = Math.Min(1.0, (double)Tiling.InputPx / tilePx);
        using var photo = DecodedPhoto.Decode(imagePath, minScale);
        var rects = TileGrid.Plan(photo.FullWidthPx, photo.FullHeightPx, tilePx);
        var tiles = new TileScore[rects.Count];
        double max = 0;
        for (var i = 0; i < rects.Count; i++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var r = rects[i];
            var s = ScoreTile(photo, r);
            tiles[i] = new TileScore(r.XPx, r.YPx, r.WidthPx, r.HeightPx, s);
            max = Math.Max(max, s);
        }
        return new ImageDamageScore(ModelId, photo.FullWidthPx, photo.FullHeightPx, max, tiles);
    }

    /// <summary>Score of one tile of an already decoded photo.</summary>
    public float ScoreTile(DecodedPhoto photo, TileRect rect)
    {
        var b = _buffers.Value!;
        b.Resampler.Sample(photo, rect, b.Pixels);
        if (_pre is not null)
        {
            _pre.Featurizer.Featurize(b.Pixels, b.PreFeatures);
            var p = _pre.Head.Predict(b.PreFeatures);
            if (p < _pre.Threshold) return (float)(_main.Threshold * 0.999 * p / _pre.Threshold);
        }
        _main.Featurizer.Featurize(b.Pixels, b.Features);
        return _main.Head.Predict(b.Features);
    }

    public void Dispose()
    {
        foreach (var b in _buffers.Values) b.Resampler.Dispose();
        _buffers.Dispose();
        _main.Featurizer.Dispose();
        _pre?.Featurizer.Dispose();
    }

    private sealed class Buffers(int inputPx, int dim, int preDim)
    {
        public TileResampler Resampler { get; } = new(inputPx);
        public float[] Pixels { get; } = new float[3 * inputPx * inputPx];
        public float[] Features { get; } = new float[dim];
        public float[] PreFeatures { get; } = new float[preDim];
    }
}
