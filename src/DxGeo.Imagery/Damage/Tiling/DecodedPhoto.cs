using DxGeo.Core.Errors;
using SkiaSharp;

namespace DxGeo.Imagery.Damage.Tiling;

/// <summary>
/// A photo decoded once, possibly at a reduced scale: JPEG decoders can decode at 1/2, 1/4, 1/8 for a fraction of the
/// cost, and a tile far larger than the network input loses that detail anyway when it is resized.
/// Rectangles are given in full-resolution pixels and mapped to the decoded scale here.
/// </summary>
public sealed class DecodedPhoto : IDisposable
{
    public SKBitmap Bitmap { get; }
    /// <summary>An image view sharing the bitmap's pixels (no copy), for drawing tiles out of it.</summary>
    public SKImage Image { get; }
    public int FullWidthPx { get; }
    public int FullHeightPx { get; }
    /// <summary>Decoded pixels per full-resolution pixel (1, or less for a scaled decode).</summary>
    public double Scale { get; }

    private DecodedPhoto(SKBitmap bitmap, int fullW, int fullH)
    {
        Bitmap = bitmap;
        FullWidthPx = fullW;
        FullHeightPx = fullH;
        Scale = (double)bitmap.Width / fullW;
        bitmap.SetImmutable();
        Image = SKImage.FromPixels(bitmap.PeekPixels());
    }

    /// <summary>Full-resolution size without decoding pixels.</summary>
    public static (int WidthPx, int HeightPx) ReadSize(string path)
    {
        using var codec = Open(path);
        return (codec.Info.Width, codec.Info.Height);
    }

    /// <param name="minScale">Smallest acceptable decoded/full ratio (1 = full resolution).</param>
    public static DecodedPhoto Decode(string path, double minScale = 1.0)
    {
        using var codec = Open(path);
        var (info, target) = Plan(codec, minScale);
        var bitmap = new SKBitmap(info);
        var result = codec.GetPixels(info, bitmap.GetPixels());
        if (result is not (SKCodecResult.Success or SKCodecResult.IncompleteInput))
        {
            bitmap.Dispose();
            throw new InputDataException($"cannot decode the image ({result})", path);
        }
        return new DecodedPhoto(Shrink(bitmap, target), codec.Info.Width, codec.Info.Height);
    }

    /// <summary>
    /// Decodes only the rows a set of tiles needs (full-resolution row ranges), at the same scale as <see cref="Decode"/>:
    /// the JPEG's entropy-coded data is still read through, but the skipped rows cost no inverse DCT, colour
    /// conversion or memory (the bitmap's untouched pages are never written). Rows outside the ranges are not decoded:
    /// only tiles inside them may be read.
    /// Falls back to a whole decode when the format cannot be read line by line.
    /// </summary>
    public static DecodedPhoto DecodeRows(string path, IReadOnlyList<(int Y0Px, int Y1Px)> rowsFullPx, double minScale = 1.0)
    {
        using var codec = Open(path);
        var (info, target) = Plan(codec, minScale);
        if (target is not null || codec.StartScanlineDecode(info) != SKCodecResult.Success || codec.ScanlineOrder != SKCodecScanlineOrder.TopDown)
            return Decode(path, minScale);
        var bitmap = new SKBitmap(info);
        var scale = (double)info.Height / codec.Info.Height;
        var bands = rowsFullPx.Select(r => (Y0: Math.Max(0, (int)Math.Floor(r.Y0Px * scale)), Y1: Math.Min(info.Height, (int)Math.Ceiling(r.Y1Px * scale))))
            .Where(b => b.Y1 > b.Y0).OrderBy(b => b.Y0).ToList();
        var next = 0;
        var basePtr = bitmap.GetPixels();
        foreach (var (y0, y1) in bands)
        {
            var from = Math.Max(y0, next);
            if (from >= y1) continue;
            if (from > next && !codec.SkipScanlines(from - next)) break;
            var got = codec.GetScanlines(basePtr + from * info.RowBytes, y1 - from, info.RowBytes);
            if (got < y1 - from)
            {
                // Truncated file: what is missing stays black, as in a whole decode of incomplete input.
                ClearRows(bitmap, from + got, y1);
                break;
            }
            next = y1;
        }
        return new DecodedPhoto(bitmap, codec.Info.Width, codec.Info.Height);
    }

    /// <summary>Decode size for a minimum scale: the smallest codec scale that keeps it; a format that cannot scale while
    /// decoding (PNG) is decoded whole and shrunk to the scale a JPEG would have had (<c>target</c>), so both look alike.</summary>
    private static (SKImageInfo Info, SKSizeI? Target) Plan(SKCodec codec, double minScale)
    {
        var full = codec.Info;
        var size = full.Size;
        SKSizeI? target = null;
        if (minScale < 1.0)
        {
            foreach (var s in new[] { 0.125f, 0.25f, 0.5f })
            {
                if (s < minScale) continue;
                var d = codec.GetScaledDimensions(s);
                if (d == full.Size && s <= 0.5f)
                {
                    target = new SKSizeI(Math.Max(1, (int)Math.Ceiling(full.Width * s)), Math.Max(1, (int)Math.Ceiling(full.Height * s)));
                    break;
                }
                if ((double)d.Width / full.Width >= minScale) { size = d; break; }
            }
        }
        return (new SKImageInfo(size.Width, size.Height, SKColorType.Rgba8888, SKAlphaType.Premul), target);
    }

    private static SKBitmap Shrink(SKBitmap bitmap, SKSizeI? target)
    {
        if (target is not { } t) return bitmap;
        var small = bitmap.Resize(new SKImageInfo(t.Width, t.Height, SKColorType.Rgba8888, SKAlphaType.Premul),
            new SKSamplingOptions(SKFilterMode.Linear, SKMipmapMode.Linear));
        bitmap.Dispose();
        return small;
    }

    private static void ClearRows(SKBitmap bitmap, int y0, int y1)
    {
        var span = bitmap.GetPixelSpan();
        var rb = bitmap.RowBytes;
        span.Slice(y0 * rb, Math.Max(0, y1 - y0) * rb).Clear();
    }

    private static SKCodec Open(string path)
    {
        if (!File.Exists(path)) throw new InputDataException("image file not found", path);
        var codec = SKCodec.Create(path, out var why);
        return codec ?? throw new InputDataException($"not a readable image ({why})", path);
    }

    /// <summary>Rectangle in decoded pixels for a full-resolution one.</summary>
    public SKRectI ToDecoded(TileRect r)
    {
        var x0 = (int)Math.Floor(r.XPx * Scale);
        var y0 = (int)Math.Floor(r.YPx * Scale);
        var x1 = Math.Min(Bitmap.Width, (int)Math.Ceiling((r.XPx + r.WidthPx) * Scale));
        var y1 = Math.Min(Bitmap.Height, (int)Math.Ceiling((r.YPx + r.HeightPx) * Scale));
        return new SKRectI(x0, y0, Math.Max(x1, x0 + 1), Math.Max(y1, y0 + 1));
    }

    public void Dispose()
    {
        Image.Dispose();
        Bitmap.Dispose();
    }
}
