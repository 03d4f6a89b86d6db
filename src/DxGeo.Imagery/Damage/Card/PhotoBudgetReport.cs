using DxGeo.Imagery.Damage.Tiling;
using DxGeo.Imagery.Damage.Training;
using SkiaSharp;

namespace DxGeo.Imagery.Damage.Card;

/// <summary>
/// What a per-photo network budget costs at photo level. The labelled sets hold no 12-MP photos, so each source's
/// held-out tiles are laid out as 4096×3072 JPEG mosaics (16×12 cells of 256 px, the default tile): 1–3 damaged tiles
/// among undamaged ones of the same source, plus clean mosaics. A damaged mosaic is found when one of its damaged cells
/// scores at or above the threshold. For each mosaic, read from the file through the product's path: the first pass
/// rates every cell, and the network scores the damaged cells; a budget B finds the mosaic when a damaged cell the network
/// confirms is among the B best-rated candidates (<see cref="CandidateSelector"/>), so one pass gives every budget's
/// result. The shipped budget is also scored end to end with <see cref="DamageScorer.Score"/>, which must agree, and
/// gives the false alarms on clean mosaics.
/// </summary>
public static class PhotoBudgetReport
{
    public const int Cols = 16, Rows = 12, CellPx = 256;
    public static IReadOnlyList<int> Budgets { get; } = [5, 10, 12, 15, 20, 30];

    public sealed record Row(string Source, int Budget, int DamagedPhotos, IReadOnlyDictionary<int, int> FoundByBudget, int FoundWithBudget,
        int FoundWithoutBudget, int CleanPhotos, int FalseAlarmsWithBudget, double CandidatesPerPhoto)
    {
        public double RecallWithBudget => Share(FoundWithBudget);
        public double RecallWithoutBudget => Share(FoundWithoutBudget);
        public double Recall(int budget) => Share(FoundByBudget[budget]);
        private double Share(int found) => DamagedPhotos == 0 ? double.NaN : (double)found / DamagedPhotos;
    }

    /// <param name="budget">The budget scored end to end (the one the model ships with, or the one proposed).</param>
    public static IReadOnlyList<Row> Measure(string modelDir, IReadOnlyList<TileSample> heldout, string scratchDir, int budget = 10,
        int damagedPhotosPerSource = 30, int cleanPhotosPerSource = 4, int seed = 11, CancellationToken ct = default)
    {
        using var budgeted = DamageModel.LoadScorer(modelDir, maxNetworkTilesPerPhoto: budget);
        var preThreshold = budgeted.FirstPassThreshold ?? throw new InvalidOperationException("the model has no first pass");
        var rects = TileGrid.Plan(Cols * CellPx, Rows * CellPx, CellPx);
        Directory.CreateDirectory(scratchDir);
        var rows = new List<Row>();
        foreach (var src in heldout.GroupBy(s => s.Source).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var damaged = src.Where(s => s.Damaged).ToList();
            var clean = src.Where(s => !s.Damaged).ToList();
            if (damaged.Count == 0 || clean.Count == 0) continue;
            var rnd = new Random(seed);
            var found = Budgets.Append(budget).Distinct().ToDictionary(b => b, _ => 0);
            int foundProduct = 0, foundAll = 0, alarms = 0;
            long candidates = 0;
            var n = damagedPhotosPerSource + cleanPhotosPerSource;
            for (var j = 0; j < n; j++)
            {
                ct.ThrowIfCancellationRequested();
                var nDamaged = j < damagedPhotosPerSource ? 1 + j % 3 : 0;
                var cells = Enumerable.Range(0, Cols * Rows).OrderBy(_ => rnd.Next()).Take(nDamaged).Order().ToList();
                var path = Path.Combine(scratchDir, $"{src.Key}-{j}.jpg");
                Compose(path, i => cells.Contains(i) ? damaged[rnd.Next(damaged.Count)] : clean[rnd.Next(clean.Count)]);
                var product = budgeted.Score(path, null, ct);
                var pre = budgeted.RateFirstPass(path, rects, ct)!;
                var ranked = CandidateSelector.Select(pre, preThreshold, 0);
                candidates += ranked.Count;
                if (nDamaged > 0)
                {
                    var confirmed = budgeted.ScoreTiles(path, cells.Select(c => rects[c]).ToList(), ct);
                    var hits = cells.Where((c, k) => confirmed[k] >= budgeted.Threshold).ToHashSet();
                    if (hits.Count > 0) foundAll++;
                    var bestRank = ranked.Select((cell, rank) => (cell, rank)).Where(x => hits.Contains(x.cell)).Select(x => x.rank).DefaultIfEmpty(int.MaxValue).Min();
                    foreach (var b in found.Keys) if (bestRank < b) found[b]++;
                    if (cells.Any(c => product.Tiles[c].Score >= budgeted.Threshold)) foundProduct++;
                }
                else if (product.MaxScore >= budgeted.Threshold) alarms++;
                File.Delete(path);
            }
            rows.Add(new Row(src.Key, budget, damagedPhotosPerSource, found, foundProduct, foundAll, cleanPhotosPerSource, alarms, (double)candidates / n));
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
