using SkiaSharp;

namespace DxGeo.Imagery.Thumbnails;

/// <summary>
/// Small JPEG previews. The codec decodes straight to the smallest supported scale (1/2, 1/4, 1/8 for JPEG) at or above
/// the target, so a 12 MP photo is never fully decoded; the rest is one resample.
/// </summary>
public static class ThumbnailWriter
{
    /// <summary>Writes a JPEG whose longer side is <paramref name="maxPx"/> (or less, for a smaller photo) to <paramref name="outPath"/>.</summary>
    public static void Write(string photoPath, string outPath, int maxPx = 256, int quality = 80)
    {
        var jpeg = Encode(photoPath, maxPx, quality);
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(outPath))!);
        var tmp = outPath + ".tmp";
        File.WriteAllBytes(tmp, jpeg);
        File.Move(tmp, outPath, overwrite: true);
    }

    /// <summary>The thumbnail's JPEG bytes; <see cref="InvalidDataException"/> naming the file when it cannot be decoded.</summary>
    public static byte[] Encode(string photoPath, int maxPx = 256, int quality = 80)
    {
        using var codec = SKCodec.Create(photoPath) ?? throw new InvalidDataException($"{photoPath}: not a decodable image");
        var info = codec.Info;
        var scale = Math.Min(1f, (float)maxPx / Math.Max(info.Width, info.Height));
        var size = codec.GetScaledDimensions(Math.Max(scale, 1f / 8));
        using var decoded = new SKBitmap(new SKImageInfo(size.Width, size.Height, SKColorType.Rgba8888, SKAlphaType.Premul));
        var r = codec.GetPixels(decoded.Info, decoded.GetPixels());
        if (r is not (SKCodecResult.Success or SKCodecResult.IncompleteInput))
            throw new InvalidDataException($"{photoPath}: cannot decode ({r})");
        var tw = Math.Max(1, (int)Math.Round(info.Width * scale));
        var th = Math.Max(1, (int)Math.Round(info.Height * scale));
        using var thumb = decoded.Resize(new SKImageInfo(tw, th, SKColorType.Rgba8888, SKAlphaType.Premul), new SKSamplingOptions(SKFilterMode.Linear, SKMipmapMode.Linear))
            ?? throw new InvalidDataException($"{photoPath}: cannot resample");
        using var image = SKImage.FromBitmap(thumb);
        using var data = image.Encode(SKEncodedImageFormat.Jpeg, quality);
        return data.ToArray();
    }
}
