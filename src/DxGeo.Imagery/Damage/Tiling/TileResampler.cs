using SkiaSharp;

namespace DxGeo.Imagery.Damage.Tiling;

/// <summary>
/// Crops a tile out of a decoded photo and resizes it to the network input (square, <c>InputPx</c>), writing planar
/// RGB floats in 0–255 (the layout ResNet's preprocessing model expects). One instance per thread: it reuses its
/// bitmap and canvas across tiles.
/// </summary>
public sealed class TileResampler : IDisposable
{
    private readonly SKBitmap _dst;
    private readonly SKCanvas _canvas;
    private readonly SKPaint _paint = new() { IsAntialias = false };
    // Bilinear without mipmaps: the photo is decoded at a scale where a tile is 1–2× the input size, so no mip level is needed.
    private static readonly SKSamplingOptions Sampling = new(SKFilterMode.Linear, SKMipmapMode.None);

    public int InputPx { get; }
    public int Length => 3 * InputPx * InputPx;

    public TileResampler(int inputPx = 224)
    {
        InputPx = inputPx;
        _dst = new SKBitmap(new SKImageInfo(inputPx, inputPx, SKColorType.Rgba8888, SKAlphaType.Premul));
        _canvas = new SKCanvas(_dst);
    }

    /// <summary>Writes the tile at <paramref name="rect"/> (full-resolution pixels) into <paramref name="planarRgb"/>.</summary>
    public void Sample(DecodedPhoto photo, TileRect rect, Span<float> planarRgb, bool mirror = false)
    {
        var src = photo.ToDecoded(rect);
        _canvas.Clear(SKColors.Black);
        _canvas.Save();
        if (mirror)
        {
            _canvas.Scale(-1, 1);
            _canvas.Translate(-InputPx, 0);
        }
        _canvas.DrawImage(photo.Image, SKRect.Create(src.Left, src.Top, src.Width, src.Height), SKRect.Create(0, 0, InputPx, InputPx), Sampling, _paint);
        _canvas.Restore();
        _canvas.Flush();
        ToPlanar(_dst, planarRgb);
    }

    private static void ToPlanar(SKBitmap bmp, Span<float> planar)
    {
        var n = bmp.Width * bmp.Height;
        if (planar.Length < 3 * n) throw new ArgumentException("buffer too small", nameof(planar));
        var px = bmp.GetPixelSpan();
        for (var i = 0; i < n; i++)
        {
            planar[i] = px[4 * i];
            planar[n + i] = px[4 * i + 1];
            planar[2 * n + i] = px[4 * i + 2];
        }
    }

    public void Dispose()
    {
        _canvas.Dispose();
        _paint.Dispose();
        _dst.Dispose();
    }
}
