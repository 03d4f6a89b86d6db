using System.Globalization;
using DxGeo.Core.Errors;
using DxGeo.Imagery.Damage.Tiling;

namespace DxGeo.Imagery.Damage.Training.Sources;

/// <summary>
/// YOLO box labels (<c>class cx cy w h</c>, normalised) and the tiles they define: a tile covering at least half of a
/// crack box (or half of whose area is box) is damaged; a tile no box comes within a margin of is undamaged.
/// </summary>
public static class YoloBoxes
{
    public static IReadOnlyList<TileRect> Read(string path, int widthPx, int heightPx)
    {
        if (!File.Exists(path)) throw new InputDataException("box label file missing", path);
        var boxes = new List<TileRect>();
        var lines = File.ReadAllLines(path);
        for (var i = 0; i < lines.Length; i++)
        {
            var p = lines[i].Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (p.Length == 0) continue;
            if (p.Length != 5 || !p.Skip(1).All(v => double.TryParse(v, NumberStyles.Float, CultureInfo.InvariantCulture, out _)))
                throw new InputDataException("expected 'class cx cy w h'", path, i + 1);
            if (p[0] != "0") continue;
            var v = p.Skip(1).Select(x => double.Parse(x, CultureInfo.InvariantCulture)).ToArray();
            var x0 = (int)Math.Round((v[0] - v[2] / 2) * widthPx);
            var y0 = (int)Math.Round((v[1] - v[3] / 2) * heightPx);
            var x1 = (int)Math.Round((v[0] + v[2] / 2) * widthPx);
            var y1 = (int)Math.Round((v[1] + v[3] / 2) * heightPx);
            boxes.Add(new TileRect(x0, y0, Math.Max(1, x1 - x0), Math.Max(1, y1 - y0)));
        }
        return boxes;
    }

    public static IEnumerable<TileSample> Tiles(string source, string group, string imagePath, int w, int h,
        IReadOnlyList<TileRect> boxes, int tilePx, int stridePx, int marginPx = 8)
    {
        for (var y = 0; y + tilePx <= h; y += stridePx)
            for (var x = 0; x + tilePx <= w; x += stridePx)
            {
                var t = new TileRect(x, y, tilePx, tilePx);
                var grown = new TileRect(x - marginPx, y - marginPx, tilePx + 2 * marginPx, tilePx + 2 * marginPx);
                if (boxes.All(b => Overlap(b, grown) == 0))
                    yield return new TileSample(source, group, imagePath, t, false);
                else if (boxes.Any(b => Overlap(b, t) >= 0.5 * Math.Min((long)b.WidthPx * b.HeightPx, (long)tilePx * tilePx)))
                    yield return new TileSample(source, group, imagePath, t, true, "crack");
            }
    }

    private static long Overlap(TileRect a, TileRect b)
    {
        var w = Math.Min(a.XPx + a.WidthPx, b.XPx + b.WidthPx) - Math.Max(a.XPx, b.XPx);
        var h = Math.Min(a.YPx + a.HeightPx, b.YPx + b.HeightPx) - Math.Max(a.YPx, b.YPx);
        return w > 0 && h > 0 ? (long)w * h : 0;
    }
}
