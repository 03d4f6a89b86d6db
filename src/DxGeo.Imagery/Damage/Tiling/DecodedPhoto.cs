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
        var full = codec.Info;
        var size = full.Size;
        if (minScale < 1.0)
        {
            // The codec picks the nearest scale it supports; take the smallest that still keeps minScale.
            foreach (var s in new[] { 0.125f, 0.25f, 0.5f })
            {
                if (s < minScale) continue;
                var d = codec.GetScaledDimensions(s);
                if ((double)d.Width / full.Width >= minScale) { size = d; break; }
            }
        }
        var info = new SKImageInfo(size.Width, size.Height, SKColorType.Rgba8888, SKAlphaType.Premul);
        var bitmap = new SKBitmap(info);
        var result = codec.GetPixels(info, bitmap.GetPixels());
        if (result is not (SKCodecResult.Success or SKCodecResult.IncompleteInput))
        {
            bitmap.Dispose();
            throw new InputDataException($"cannot decode the image ({result})", path);
        }
        return new DecodedPhoto(bitmap, full.Width, full.Height);
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
