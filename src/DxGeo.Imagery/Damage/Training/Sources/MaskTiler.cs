using DxGeo.Core.Errors;
using DxGeo.Imagery.Damage.Tiling;
using SkiaSharp;

namespace DxGeo.Imagery.Damage.Training.Sources;

/// <summary>
/// Tiles from an image with a crack mask (crack = red channel ≥ 230, so UAV75's planking class at 204 is background):
/// a tile with enough crack pixels is damaged; one with no crack pixel within a margin around it is undamaged;
/// tiles in between (a crack grazing the edge) are left out rather than labelled either way.
/// </summary>
public static class MaskTiler
{
    public const byte CrackMin = 230;

    public sealed record Scale(int TilePx, int StridePx);

    public static IEnumerable<TileSample> Tiles(string source, string group, string imagePath, string maskPath,
        IReadOnlyList<Scale> scales, int marginPx = 6, double minCrackFraction = 0.002, int minCrackPx = 20)
    {
        using var mask = SKBitmap.Decode(maskPath) ?? throw new InputDataException("cannot read the mask image", maskPath);
        var w = mask.Width;
        var h = mask.Height;
        var (iw, ih) = DecodedPhoto.ReadSize(imagePath);
        if (iw != w || ih != h) throw new InputDataException($"mask is {w}x{h} but the image is {iw}x{ih}", maskPath);
        var integral = Integral(mask);
        foreach (var sc in scales)
        {
            var tile = Math.Min(sc.TilePx, Math.Min(w, h));
            for (var y = 0; y + tile <= h; y += sc.StridePx)
                for (var x = 0; x + tile <= w; x += sc.StridePx)
                {
                    var inside = Count(integral, w, x, y, x + tile, y + tile);
                    var around = Count(integral, w, Math.Max(0, x - marginPx), Math.Max(0, y - marginPx),
                        Math.Min(w, x + tile + marginPx), Math.Min(h, y + tile + marginPx));
                    var rect = new TileRect(x, y, tile, tile);
                    if (inside >= Math.Max(minCrackPx, minCrackFraction * tile * tile))
                        yield return new TileSample(source, group, imagePath, rect, true, "crack");
                    else if (around == 0)
                        yield return new TileSample(source, group, imagePath, rect, false);
                }
        }
    }

    private static long[] Integral(SKBitmap mask)
    {
        int w = mask.Width, h = mask.Height;
        var s = new long[(w + 1) * (h + 1)];
        for (var y = 0; y < h; y++)
        {
            long row = 0;
            for (var x = 0; x < w; x++)
            {
                if (mask.GetPixel(x, y).Red >= CrackMin) row++;
                s[(y + 1) * (w + 1) + x + 1] = s[y * (w + 1) + x + 1] + row;
            }
        }
        return s;
    }

    private static long Count(long[] s, int w, int x0, int y0, int x1, int y1)
    {
        var W = w + 1;
        return s[y1 * W + x1] - s[y0 * W + x1] - s[y1 * W + x0] + s[y0 * W + x0];
    }
}
