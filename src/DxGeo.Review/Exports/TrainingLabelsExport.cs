using System.Globalization;
using DxGeo.Core.Errors;
using DxGeo.Imagery.Findings;
using DxGeo.Review.Images;
using DxGeo.Review.Reviews;
using SkiaSharp;

namespace DxGeo.Review.Exports;

/// <summary>What an export of training labels wrote.</summary>
public sealed record LabelsExportResult(string CsvPath, int Damaged, int NotDamaged, int Misses, int SkippedMissingFiles);

/// <summary>
/// Reviewed findings as training labels for <c>dxgeo train damage</c>: each settled finding's box is cut from its photo
/// into <c>&lt;csv folder&gt;/crops/</c> and listed in a CSV <c>path,damaged,type</c> (paths relative to the CSV;
/// confirmed = 1 with its type, false alarm = 0). Inspector-added misses are the model's blind spots: they are counted,
/// and <c>onlyMisses</c> exports just them.
/// </summary>
public static class TrainingLabelsExport
{
    public static LabelsExportResult Run(ReviewStore store, string csvPath, bool onlyMisses = false, IProgress<(long Done, long? Total, string What)>? progress = null)
    {
        var full = Path.GetFullPath(csvPath);
        var dir = Path.GetDirectoryName(full)!;
        if (!Directory.Exists(dir)) throw new DxGeoException($"{full}: folder {dir} does not exist");
        var settled = FindingsExport.All(store)
            .Where(f => f.Status is FindingStatus.Confirmed or FindingStatus.FalseAlarm)
            .Where(f => !onlyMisses || f.Source == AddMissOp.InspectorSource)
            .OrderBy(f => f.ImageId, StringComparer.Ordinal).ThenBy(f => f.Fid).ToList();
        var crops = Path.Combine(dir, "crops");
        Directory.CreateDirectory(crops);
        var files = new ImageFiles(store);
        int damaged = 0, clean = 0, misses = 0, skipped = 0;
        var tmp = full + ".tmp";
        using (var w = new StreamWriter(tmp, false, new System.Text.UTF8Encoding(false)))
        {
            w.Write("path,damaged,type\n");
            string? openId = null;
            SKBitmap? photo = null;
            var n = 0;
            foreach (var f in settled)
            {
                progress?.Report((++n, settled.Count, f.FindingId));
                if (openId != f.ImageId)
                {
                    photo?.Dispose();
                    openId = f.ImageId;
                    photo = files.FullResolutionPath(f.ImageId) is { } p ? SKBitmap.Decode(p) : null;
                }
                if (photo is null) { skipped++; continue; }
                var r = SKRectI.Intersect(new SKRectI(f.Box.XPx, f.Box.YPx, f.Box.XPx + f.Box.WPx, f.Box.YPx + f.Box.HPx),
                    new SKRectI(0, 0, photo.Width, photo.Height));
                if (r.Width <= 0 || r.Height <= 0) { skipped++; continue; }
                using var crop = new SKBitmap();
                if (!photo.ExtractSubset(crop, r)) { skipped++; continue; }
                var name = $"{f.FindingId}.jpg";
                using (var img = SKImage.FromBitmap(crop))
                using (var data = img.Encode(SKEncodedImageFormat.Jpeg, 92))
                using (var fs = File.Create(Path.Combine(crops, name)))
                    data.SaveTo(fs);
                var isDamage = f.Status == FindingStatus.Confirmed;
                if (isDamage) damaged++; else clean++;
                if (f.Source == AddMissOp.InspectorSource) misses++;
                w.Write(string.Create(CultureInfo.InvariantCulture, $"crops/{name},{(isDamage ? 1 : 0)},{(isDamage ? f.DamageType : "")}\n"));
            }
            photo?.Dispose();
        }
        File.Move(tmp, full, overwrite: true);
        return new LabelsExportResult(full, damaged, clean, misses, skipped);
    }
}
