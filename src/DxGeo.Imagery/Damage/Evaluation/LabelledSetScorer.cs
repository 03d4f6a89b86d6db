using DxGeo.Imagery.Damage.Tiling;
using DxGeo.Imagery.Damage.Training;

namespace DxGeo.Imagery.Damage.Evaluation;

/// <summary>
/// Scores labelled samples with a model the way the product scores photos: a sample that is a whole image gets the
/// photo's score (maximum over its GSD tiles, default tile size), a sample that is a rectangle (from a mask) gets
/// that tile's score through the same cascade.
/// </summary>
public static class LabelledSetScorer
{
    public static float[] Score(DamageScorer scorer, IReadOnlyList<TileSample> samples,
        IProgress<(long Done, long? Total, string What)>? progress = null, CancellationToken ct = default)
    {
        var scores = new float[samples.Count];
        long done = 0;
        foreach (var byImage in Enumerable.Range(0, samples.Count).GroupBy(i => samples[i].ImagePath))
        {
            ct.ThrowIfCancellationRequested();
            var (w, h) = DecodedPhoto.ReadSize(byImage.Key);
            var rects = new List<int>();
            foreach (var i in byImage)
            {
                var r = samples[i].Rect;
                if (r.XPx == 0 && r.YPx == 0 && r.WidthPx == w && r.HeightPx == h)
                    scores[i] = (float)scorer.Score(samples[i].ImagePath, null, ct).MaxScore;
                else rects.Add(i);
            }
            if (rects.Count > 0)
            {
                var s = scorer.ScoreTiles(byImage.Key, rects.Select(i => samples[i].Rect).ToList(), ct);
                for (var k = 0; k < rects.Count; k++) scores[rects[k]] = s[k];
            }
            done += byImage.Count();
            progress?.Report((done, samples.Count, "scored"));
        }
        return scores;
    }
}
