using DxGeo.Imagery.Damage.Tiling;
using DxGeo.Imagery.Damage.Training;
using SkiaSharp;

namespace DxGeo.Imagery.Damage.Card;

/// <summary>
/// What the per-photo network budget costs at photo level. The labelled sets hold no 12-MP photos, so each source's
/// held-out tiles are laid out as 4096×3072 JPEG mosaics (16×12 cells of 256 px, the default tile): a few damaged
/// tiles among undamaged ones of the same source, plus clean mosaics. Each mosaic is scored from the file through the
/// product's path twice, with a budget (<c>budget</c> tiles per photo) and with the network on every first-pass candidate; a damaged mosaic is
/// found when at least one of its damaged cells scores at or above the threshold (the finding points at the damage).
/// </summary>
public static class PhotoBudgetReport
{
    public const int Cols = 16, Rows = 12, CellPx = 256;

    public sealed record Row(string Source, int Budget, int DamagedPhotos, int FoundWithBudget, int FoundWithoutBudget,
        int CleanPhotos, int FalseAlarmsWithBudget, double NetworkTilesPerPhotoWithBudget, double NetworkTilesPerPhotoWithout)
    {
        public double RecallWithBudget => DamagedPhotos == 0 ? double.NaN : (double)FoundWithBudget / DamagedPhotos;
        public double RecallWithoutBudget => DamagedPhotos == 0 ? double.NaN : (double)FoundWithoutBudget / DamagedPhotos;
    }

    public static IReadOnlyList<Row> Measure(string modelDir, IReadOnlyList<TileSample> heldout, string scratchDir, int budget = 10,
        int damagedPhotosPerSource = 6, int cleanPhotosPerSource = 2, int seed = 11, CancellationToken ct = default)
    {
        using var budgeted = DamageModel.LoadScorer(modelDir, maxNetworkTilesPerPhoto: budget);
        using var unlimited = DamageModel.LoadScorer(modelDir, maxNetworkTilesPerPhoto: 0);
        Directory.CreateDirectory(scratchDir);
        var rows = new List<Row>();
        foreach (var src in heldout.GroupBy(s => s.Source).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var damaged = src.Where(s => s.Damaged).ToList();
            var clean = src.Where(s => !s.Damaged).ToList();
            if (damaged.Count == 0 || clean.Count == 0) continue;
            var rnd = new Random(seed);
            int found = 0, foundAll = 0, alarms = 0;
            long sentB = 0, sentU = 0;
            var n = damagedPhotosPerSource + cleanPhotosPerSource;
            for (var j = 0; j < n; j++)
            {
                ct.ThrowIfCancellationRequested();
                var nDamaged = j < damagedPhotosPerSource ? 1 + j % 3 : 0;
                var cells = Enumerable.Range(0, Cols * Rows).OrderBy(_ => rnd.Next()).Take(nDamaged).ToHashSet();
                var path = Path.Combine(scratchDir, $"{src.Key}-{j}.jpg");
                Compose(path, i => cells.Contains(i) ? damaged[rnd.Next(damaged.Count)] : clean[rnd.Next(clean.Count)]);
                var (b0, u0) = (budgeted.TileCounts.ThroughMain, unlimited.TileCounts.ThroughMain);
                var sb = budgeted.Score(path, null, ct);
                var su = unlimited.Score(path, null, ct);
                sentB += budgeted.TileCounts.ThroughMain - b0;
                sentU += unlimited.TileCounts.ThroughMain - u0;
                if (nDamaged > 0)
                {
                    if (cells.Any(c => sb.Tiles[c].Score >= budgeted.Threshold)) found++;
                    if (cells.Any(c => su.Tiles[c].Score >= unlimited.Threshold)) foundAll++;
                }
                else if (sb.MaxScore >= budgeted.Threshold) alarms++;
                File.Delete(path);
            }
            rows.Add(new Row(src.Key, budget, damagedPhotosPerSource, found, foundAll, cleanPhotosPerSource, alarms, (double)sentB / n, (double)sentU / n));
        }
        return rows;
    }

    /// <summary>Writes a mosaic whose cell i (row-major) is the tile <paramref name="cell"/>(i) resized to 256 px.</summary>
    private static void Compose(string path, Func<int, TileSample> cell)
    {
        using var bmp = new SKBitmap(new SKImageInfo(Cols * CellPx, Rows * CellPx, SKColorType.Rgba8888, SKAlphaType.Premul));
        using var canvas = new SKCanvas(bmp);
        var sampling = new SKSamplingOptions(SKFilterMode.Linear, SKMipmapMode.None);
        var cache = new Dictionary<string, SKImage>();
        try
        {
            for (var i = 0; i < Cols * Rows; i++)
            {
                var t = cell(i);
                if (!cache.TryGetValue(t.ImagePath, out var img))
                {
                    using var d = DecodedPhoto.Decode(t.ImagePath);
                    img = SKImage.FromBitmap(d.Bitmap.Copy());
                    cache[t.ImagePath] = img;
                }
                var r = t.Rect;
                canvas.DrawImage(img, SKRect.Create(r.XPx, r.YPx, r.WidthPx, r.HeightPx),
                    SKRect.Create(i % Cols * CellPx, i / Cols * CellPx, CellPx, CellPx), sampling);
            }
        }
        finally
        {
            foreach (var img in cache.Values) img.Dispose();
        }
        canvas.Flush();
        using var image = SKImage.FromBitmap(bmp);
        using var data = image.Encode(SKEncodedImageFormat.Jpeg, 90);
        using var f = File.Create(path);
        data.SaveTo(f);
    }
}
