using DxGeo.Imagery.Damage.Featurizers;
using DxGeo.Imagery.Damage.Head;
using DxGeo.Imagery.Damage.Tiling;

namespace DxGeo.Imagery.Damage;

/// <summary>
/// Scores photos tile by tile. Without a first pass: decode once (at a reduced scale when the tiles are much larger
/// than the network input), cut the GSD-sized tiles, resize each to 224 px, featurize, apply the head.
/// With a first pass (the cascade): a 1/4- or 1/8-scale DCT decode gives a 64-px preview of every tile, which the
/// first pass rates (the cut ResNet18 in batches, or texture statistics); the tiles at or above its threshold, best first and at most
/// <see cref="MaxNetworkTilesPerPhoto"/> of them, are the candidates; only the rows those candidates cover are decoded
/// at the network's scale, and only they go through the network. Every other tile keeps its first-pass score scaled
/// below the decision threshold (<c>0.999 × threshold × p</c>), so the heat map still covers and ranks every tile.
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
    /// <summary>Network budget per photo in the cascade (0 = every candidate the first pass lets through).</summary>
    public int MaxNetworkTilesPerPhoto { get; }

    private long _tilesScored;
    private long _tilesToMain;
    /// <summary>Tiles scored so far, and how many of them went through the main featurizer (the rest stopped at the first pass).</summary>
    public (long Scored, long ThroughMain) TileCounts => (Interlocked.Read(ref _tilesScored), Interlocked.Read(ref _tilesToMain));

    internal DamageScorer(DamageModelManifest manifest, Stage main, Stage? pre, int maxNetworkTilesPerPhoto)
    {
        Manifest = manifest;
        _main = main;
        _pre = pre;
        MaxNetworkTilesPerPhoto = Math.Max(0, maxNetworkTilesPerPhoto);
        _buffers = new ThreadLocal<Buffers>(() => new Buffers(main.Featurizer, pre?.Featurizer), trackAllValues: true);
    }

    public ImageDamageScore Score(string imagePath, double? gsdCmPerPx, CancellationToken cancellationToken = default)
    {
        var tilePx = Tiling.TilePx(gsdCmPerPx);
        var (w, h) = DecodedPhoto.ReadSize(imagePath);
        var rects = TileGrid.Plan(w, h, tilePx);
        var scores = ScoreRects(imagePath, rects, MaxNetworkTilesPerPhoto, cancellationToken);
        var tiles = new TileScore[rects.Count];
        for (var i = 0; i < rects.Count; i++) tiles[i] = new TileScore(rects[i].XPx, rects[i].YPx, rects[i].WidthPx, rects[i].HeightPx, scores[i]);
        return new ImageDamageScore(ModelId, w, h, scores.Length == 0 ? 0 : scores.Max(), tiles);
    }

    /// <summary>
    /// Scores given rectangles (full-resolution pixels) of one image through the same cascade, without the per-photo
    /// budget: every candidate of the first pass reaches the network (labelled tiles, evaluation).
    /// </summary>
    public float[] ScoreTiles(string imagePath, IReadOnlyList<TileRect> rects, CancellationToken cancellationToken = default) =>
        ScoreRects(imagePath, rects, 0, cancellationToken);

    /// <summary>First-pass scores of the given rectangles (what <see cref="CandidateSelector"/> ranks); null without a first pass.</summary>
    public float[]? RateFirstPass(string imagePath, IReadOnlyList<TileRect> rects, CancellationToken cancellationToken = default)
    {
        if (_pre is null) return null;
        var pre = new float[rects.Count];
        if (rects.Count == 0) return pre;
        var minSide = rects.Min(r => Math.Min(r.WidthPx, r.HeightPx));
        using var preview = DecodedPhoto.Decode(imagePath, Math.Min(1.0, (double)_pre.Featurizer.InputPx / minSide));
        RatePreviews(preview, rects, pre, _buffers.Value!, cancellationToken);
        return pre;
    }

    /// <summary>The first pass's threshold (tiles below it never reach the network); null without a first pass.</summary>
    public double? FirstPassThreshold => _pre?.Threshold;

    private float[] ScoreRects(string path, IReadOnlyList<TileRect> rects, int budget, CancellationToken ct)
    {
        var scores = new float[rects.Count];
        if (rects.Count == 0) return scores;
        Interlocked.Add(ref _tilesScored, rects.Count);
        var b = _buffers.Value!;
        var minSide = rects.Min(r => Math.Min(r.WidthPx, r.HeightPx));
        IReadOnlyList<int> toNetwork;
        if (_pre is null) toNetwork = Enumerable.Range(0, rects.Count).ToArray();
        else
        {
            var pre = RateFirstPass(path, rects, ct)!;
            for (var i = 0; i < rects.Count; i++) scores[i] = (float)(_main.Threshold * 0.999 * pre[i]);
            toNetwork = CandidateSelector.Select(pre, _pre.Threshold, budget);
        }
        if (toNetwork.Count == 0) return scores;
        Interlocked.Add(ref _tilesToMain, toNetwork.Count);
        var mainScale = Math.Min(1.0, (double)_main.Featurizer.InputPx / minSide);
        using var photo = toNetwork.Count == rects.Count
            ? DecodedPhoto.Decode(path, mainScale)
            : DecodedPhoto.DecodeRows(path, toNetwork.Select(i => (rects[i].YPx, rects[i].YPx + rects[i].HeightPx)).ToList(), mainScale);
        foreach (var i in toNetwork)
        {
            ct.ThrowIfCancellationRequested();
            b.Resampler.Sample(photo, rects[i], b.Pixels);
            _main.Featurizer.Featurize(b.Pixels, b.Features);
            scores[i] = _main.Head.Predict(b.Features);
        }
        return scores;
    }

    /// <summary>First-pass scores of every tile; a batch featurizer gets <see cref="PreviewBatch"/> previews per call.</summary>
    private void RatePreviews(DecodedPhoto preview, IReadOnlyList<TileRect> rects, float[] pre, Buffers b, CancellationToken ct)
    {
        var f = _pre!.Featurizer;
        var len = 3 * f.InputPx * f.InputPx;
        if (f is not IBatchTileFeaturizer batch)
        {
            for (var i = 0; i < rects.Count; i++)
            {
                ct.ThrowIfCancellationRequested();
                b.PreResampler!.Sample(preview, rects[i], b.PrePixels);
                f.Featurize(b.PrePixels, b.PreFeatures);
                pre[i] = _pre.Head.Predict(b.PreFeatures);
            }
            return;
        }
        b.PreBatch ??= new float[PreviewBatch * len];
        b.PreBatchFeatures ??= new float[PreviewBatch * f.Dimension];
        for (var start = 0; start < rects.Count; start += PreviewBatch)
        {
            ct.ThrowIfCancellationRequested();
            var n = Math.Min(PreviewBatch, rects.Count - start);
            for (var j = 0; j < n; j++) b.PreResampler!.Sample(preview, rects[start + j], b.PreBatch.AsSpan(j * len, len));
            batch.FeaturizeBatch(b.PreBatch, n, b.PreBatchFeatures);
            for (var j = 0; j < n; j++)
            {
                b.PreBatchFeatures.AsSpan(j * f.Dimension, f.Dimension).CopyTo(b.PreFeatures);
                pre[start + j] = _pre.Head.Predict(b.PreFeatures);
            }
        }
    }

    /// <summary>Previews per first-pass network call: large enough to amortise the call, small enough to stay in cache.</summary>
    private const int PreviewBatch = 64;

    public void Dispose()
    {
        foreach (var b in _buffers.Values) b.Dispose();
        _buffers.Dispose();
        _main.Featurizer.Dispose();
        _pre?.Featurizer.Dispose();
    }

    private sealed class Buffers(ITileFeaturizer main, ITileFeaturizer? pre) : IDisposable
    {
        public TileResampler Resampler { get; } = new(main.InputPx);
        public float[] Pixels { get; } = new float[3 * main.InputPx * main.InputPx];
        public float[] Features { get; } = new float[main.Dimension];
        public TileResampler? PreResampler { get; } = pre is null ? null : new(pre.InputPx);
        public float[] PrePixels { get; } = new float[pre is null ? 0 : 3 * pre.InputPx * pre.InputPx];
        public float[] PreFeatures { get; } = new float[pre?.Dimension ?? 0];
        public float[]? PreBatch { get; set; }
        public float[]? PreBatchFeatures { get; set; }

        public void Dispose()
        {
            Resampler.Dispose();
            PreResampler?.Dispose();
        }
    }
}
