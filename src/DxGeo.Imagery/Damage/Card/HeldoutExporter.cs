using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using DxGeo.Imagery.Damage.Tiling;
using DxGeo.Imagery.Damage.Training;
using SkiaSharp;

namespace DxGeo.Imagery.Damage.Card;

/// <summary>
/// Copies a small, deterministic sample of the held-out tiles into a folder per source (<c>&lt;source&gt;/labels.csv</c>
/// in the <c>path,damaged,type</c> format plus the source photo as <c>group</c>, tiles as image files, the set's licence/SOURCE files beside them), so the
/// model can be checked on a fresh clone without the shared data. Tiles are picked round-robin over source photos.
/// </summary>
public static class HeldoutExporter
{
    public sealed record Exported(string Source, string LabelsCsv, int Damaged, int Undamaged);

    private static readonly string[] LicenceFiles = ["SOURCE.md", "LICENSE", "license.html"];

    public static IReadOnlyList<Exported> Export(IReadOnlyList<TileSample> heldout, string dir, int perClass)
    {
        var result = new List<Exported>();
        foreach (var src in heldout.GroupBy(s => s.Source).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var sdir = Path.Combine(dir, src.Key);
            if (Directory.Exists(sdir)) Directory.Delete(sdir, recursive: true);
            Directory.CreateDirectory(sdir);
            var lines = new List<string> { "path,damaged,type,group" };
            var counts = new int[2];
            foreach (var damaged in new[] { true, false })
                foreach (var s in Pick(src.Where(s => s.Damaged == damaged), perClass))
                {
                    var name = Write(s, sdir);
                    lines.Add($"{name},{(s.Damaged ? 1 : 0)},{s.Type ?? ""},{s.Group}");
                    counts[damaged ? 1 : 0]++;
                }
            var csv = Path.Combine(sdir, "labels.csv");
            File.WriteAllLines(csv, lines);
            CopyLicences(src.First().ImagePath, src.Key, sdir);
            result.Add(new Exported(src.Key, csv, counts[1], counts[0]));
        }
        return result;
    }

    private static IEnumerable<TileSample> Pick(IEnumerable<TileSample> samples, int n)
    {
        var byGroup = samples.GroupBy(s => s.Group).OrderBy(g => Hash(g.Key))
            .Select(g => new Queue<TileSample>(g.OrderBy(s => Hash(s.Key)))).ToList();
        var taken = 0;
        while (taken < n && byGroup.Any(q => q.Count > 0))
            foreach (var q in byGroup)
            {
                if (taken >= n) break;
                if (q.Count == 0) continue;
                taken++;
                yield return q.Dequeue();
            }
    }

    private static string Write(TileSample s, string dir)
    {
        var ext = Path.GetExtension(s.ImagePath).ToLowerInvariant();
        var (w, h) = DecodedPhoto.ReadSize(s.ImagePath);
        var baseName = Path.GetFileNameWithoutExtension(s.ImagePath);
        if (s.Rect is { XPx: 0, YPx: 0 } r && r.WidthPx == w && r.HeightPx == h)
        {
            // Prefixed with its folder: Özgenel's positive/00011.jpg and negative/00011.jpg are different photos.
            var whole = $"{Path.GetFileName(Path.GetDirectoryName(s.ImagePath))}_{baseName}{ext}";
            File.Copy(s.ImagePath, Path.Combine(dir, whole), overwrite: true);
            return whole;
        }
        var name = string.Create(CultureInfo.InvariantCulture, $"{baseName}__{s.Rect.XPx}_{s.Rect.YPx}_{s.Rect.WidthPx}{(ext == ".png" ? ".png" : ".jpg")}");
        using var full = SKBitmap.Decode(s.ImagePath);
        using var crop = new SKBitmap();
        full.ExtractSubset(crop, new SKRectI(s.Rect.XPx, s.Rect.YPx, s.Rect.XPx + s.Rect.WidthPx, s.Rect.YPx + s.Rect.HeightPx));
        using var img = SKImage.FromBitmap(crop);
        using var data = ext == ".png" ? img.Encode(SKEncodedImageFormat.Png, 100) : img.Encode(SKEncodedImageFormat.Jpeg, 92);
        using var f = File.Create(Path.Combine(dir, name));
        data.SaveTo(f);
        return name;
    }

    private static void CopyLicences(string anyImage, string source, string dir)
    {
        // The set's root is the ancestor folder named after the source.
        var d = new DirectoryInfo(Path.GetDirectoryName(Path.GetFullPath(anyImage))!);
        while (d is not null && d.Name != source) d = d.Parent;
        if (d is null) return;
        foreach (var l in LicenceFiles)
            if (File.Exists(Path.Combine(d.FullName, l))) File.Copy(Path.Combine(d.FullName, l), Path.Combine(dir, l), overwrite: true);
    }

    private static ulong Hash(string s) => BitConverter.ToUInt64(SHA256.HashData(Encoding.UTF8.GetBytes(s)), 0);
}
