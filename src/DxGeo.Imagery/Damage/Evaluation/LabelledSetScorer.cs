using DxGeo.Imagery.Damage.Tiling;
using DxGeo.Imagery.Damage.Training;

namespace DxGeo.Imagery.Damage.Evaluation;

/// <summary>
/// Scores labelled samples with a model the way the product scores photos: a sample that is a whole image gets the
/// photo's score (maximum over its GSD tiles, default tile size), a sample that is a rectangle (from a mask) gets
/// that tile's score.
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
            DecodedPhoto? photo = null;
            try
            {
                foreach (var i in byImage)
                {
                    var r = samples[i].Rect;
                    if (r.XPx == 0 && r.YPx == 0 && r.WidthPx == w && r.HeightPx == h)
                        scores[i] = (float)scorer.Score(samples[i].ImagePath, null, ct).MaxScore;
                    else
                    {
                        photo ??= DecodedPhoto.Decode(byImage.Key);
                        scores[i] = scorer.ScoreTile(photo, r);
                    }
                    progress?.Report((++done, samples.Count, "scored"));
                }
            }
            finally
            {
                photo?.Dispose();
            }
        }
        return scores;
    }
}
