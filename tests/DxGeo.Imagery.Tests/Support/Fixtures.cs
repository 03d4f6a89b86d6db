using DxGeo.Imagery.Capture;
using SkiaSharp;

namespace DxGeo.Imagery.Tests.Support;

internal static class Fixtures
{
    public static byte[] PlainJpeg(int w = 96, int h = 64, byte shade = 120)
    {
        using var bmp = new SKBitmap(w, h);
        bmp.Erase(new SKColor(shade, 130, 140));
        using var img = SKImage.FromBitmap(bmp);
        return img.Encode(SKEncodedImageFormat.Jpeg, 80).ToArray();
    }

    public static byte[] Png(int w = 32, int h = 32)
    {
        using var bmp = new SKBitmap(w, h);
        bmp.Erase(SKColors.Red);
        using var img = SKImage.FromBitmap(bmp);
        return img.Encode(SKEncodedImageFormat.Png, 100).ToArray();
    }

    /// <summary>A DJI-style nadir photo at 30 m above take-off (M30 zoom camera at 75 mm) at the given place and time.</summary>
    public static string DjiPhoto(string folder, string name, double lat, double lon, DateTimeOffset t, byte shade = 120,
        double relM = 30, double pitch = -90, double yaw = 0, int w = 320, int h = 240)
    {
        var path = Path.Combine(folder, name);
        File.WriteAllBytes(path, JpegMetadataWriter.Write(PlainJpeg(w, h, shade), new CaptureTags
        {
            Make = "DJI", Model = "M30", CapturedUtc = t, LatDeg = lat, LonDeg = lon, AltitudeAbsM = 40 + relM, AltitudeRelM = relM,
            FocalLengthMm = 75, GimbalPitchDeg = pitch, GimbalYawDeg = yaw, FlightYawDeg = yaw,
        }));
        return path;
    }

    public static string CopySmall(string folder, string file, string? newName = null)
    {
        var to = Path.Combine(folder, newName ?? file);
        File.Copy(Path.Combine(TestPaths.CaliterraSmall, file), to);
        File.SetAttributes(to, FileAttributes.Normal);
        return to;
    }
}
