using System.Globalization;
using System.Text.RegularExpressions;
using DxGeo.Core.Errors;
using DxGeo.Imagery.Damage.Tiling;

namespace DxGeo.Imagery.Damage.Training.Sources;

/// <summary>
/// Labelled tiles from the shared crack data sets (layout in their README): Özgenel concrete patches (folder = class),
/// quay-wall drone tiles (YOLO crack boxes), masonry (masks) and UAV75 (RGBA labels: red 255 crack, 204 planking).
/// Each tile's group is its source photo, recovered from the file naming of each set.
/// </summary>
public static partial class SharedDatasets
{
    public const string Ozgenel = "ozgenel-concrete";
    public const string Quaywall = "quaywall-drone";
    public const string Masonry = "masonry-cracks";
    public const string Uav75 = "uav75";
    public static IReadOnlyList<string> AllSources { get; } = [Ozgenel, Quaywall, Masonry, Uav75];

    /// <summary>Özgenel files numbered from here on are reserved for the demo flight's photos: never validation or held-out.</summary>
    public const int OzgenelDemoFrom = 19000;

    /// <summary>Özgenel's 20,000 patches per class come from 458 photos in file-number order; 500 numbers is one block of neighbours.</summary>
    public const int OzgenelBlock = 500;

    /// <summary>
    /// Every n-th Özgenel patch is used: the set is large, easy and already a 1-in-10 subset of near-duplicate crops;
    /// a quarter of it still spans every source photo and keeps it from swamping the drone sets' training time.
    /// </summary>
    public const int OzgenelStride = 4;

    public static IReadOnlyList<TileSample> Collect(string root)
    {
        if (!Directory.Exists(root)) throw new InputDataException("shared data set folder not found", root);
        var all = new List<TileSample>();
        all.AddRange(OzgenelTiles(Path.Combine(root, Ozgenel)));
        all.AddRange(QuaywallTiles(Path.Combine(root, Quaywall)));
        all.AddRange(MasonryTiles(Path.Combine(root, Masonry)));
        all.AddRange(Uav75Tiles(Path.Combine(root, Uav75)));
        return all;
    }

    /// <summary>The default split of these sets: demo-reserved Özgenel numbers stay in training.</summary>
    public static SourceSplit Split() => new() { TrainOnly = s => s.Source == Ozgenel && OzgenelNumber(s.ImagePath) >= OzgenelDemoFrom };

    public static int OzgenelNumber(string path) =>
        int.TryParse(Path.GetFileNameWithoutExtension(path), NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : -1;

    private static IEnumerable<TileSample> OzgenelTiles(string dir)
    {
        foreach (var (folder, damaged) in new[] { ("positive", true), ("negative", false) })
            foreach (var f in Files(Path.Combine(dir, folder), "*.jpg").Where((_, i) => i % OzgenelStride == 0))
            {
                var n = OzgenelNumber(f);
                var (w, h) = DecodedPhoto.ReadSize(f);
                yield return new TileSample(Ozgenel, $"{folder}/{n / OzgenelBlock}", f, new TileRect(0, 0, w, h), damaged, damaged ? "crack" : null);
            }
    }

    private static IEnumerable<TileSample> QuaywallTiles(string dir)
    {
        foreach (var f in Files(Path.Combine(dir, "images"), "*.jpg"))
        {
            var name = Path.GetFileNameWithoutExtension(f);
            var group = QuayPhoto().Replace(name, "");
            var labels = Path.Combine(dir, "labels", name + ".txt");
            var (w, h) = DecodedPhoto.ReadSize(f);
            var boxes = YoloBoxes.Read(labels, w, h);
            yield return new TileSample(Quaywall, group, f, new TileRect(0, 0, w, h), true, "crack");
            foreach (var t in YoloBoxes.Tiles(Quaywall, group, f, w, h, boxes, tilePx: w / 2, stridePx: w / 4)) yield return t;
        }
    }

    private static IEnumerable<TileSample> MasonryTiles(string dir)
    {
        foreach (var f in Files(Path.Combine(dir, "images"), "*.png"))
        {
            var name = Path.GetFileName(f);
            var parts = name.Split('_');
            var group = parts.Length >= 2 ? $"{parts[0]}_{parts[1]}" : name;
            var mask = Path.Combine(dir, "masks", name);
            foreach (var t in MaskTiler.Tiles(Masonry, group, f, mask, [new(224, 224), new(112, 112)])) yield return t;
        }
    }

    private static IEnumerable<TileSample> Uav75Tiles(string dir)
    {
        foreach (var part in new[] { "train", "val" })
            foreach (var f in Files(Path.Combine(dir, part, "images"), "*.jpg"))
            {
                var name = Path.GetFileNameWithoutExtension(f);
                var group = UavPhoto().Replace(name, "");
                var mask = Path.Combine(dir, part, "labels", name + ".png");
                foreach (var t in MaskTiler.Tiles(Uav75, group, f, mask, [new(256, 128), new(128, 128)])) yield return t;
            }
    }

    private static IEnumerable<string> Files(string dir, string pattern)
    {
        if (!Directory.Exists(dir)) throw new InputDataException("expected folder missing from the shared data sets", dir);
        return Directory.EnumerateFiles(dir, pattern).Order(StringComparer.Ordinal);
    }

    // "h1__MAX_0006_5m_11_10" → "h1__MAX_0006_5m": the last two numbers are the tile's row/column in the orthophoto.
    [GeneratedRegex(@"_\d+_\d+$")]
    private static partial Regex QuayPhoto();

    // "DSC00550b" → "DSC00550": the lettered variant is another crop of the same photo.
    [GeneratedRegex(@"[a-z]+$")]
    private static partial Regex UavPhoto();
}
