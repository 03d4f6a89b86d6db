using System.Globalization;
using System.Text.Json;
using DxGeo.Imagery.Capture;
using DxGeo.Imagery.Footprints;
using DxGeo.Imagery.Metadata;
using DxGeo.Imagery.Tests.Support;
using SkiaSharp;

namespace DxGeo.Imagery.Tests;

public class MetadataTests
{
    private static readonly CultureInfo C = CultureInfo.InvariantCulture;

    /// <summary>Rows of the table in the dataset's SOURCE.md: file → (lat, lon, alt, make, model, size, DateTimeOriginal).</summary>
    private static Dictionary<string, string[]> SourceTable() =>
        File.ReadLines(Path.Combine(TestPaths.Caliterra, "SOURCE.md"))
            .Where(l => l.StartsWith("| IMG_", StringComparison.Ordinal))
            .Select(l => l.Split('|', StringSplitOptions.TrimEntries)[1..^1])
            .ToDictionary(f => f[0]);

    [Theory]
    [InlineData("IMG_9354.jpg")]
    [InlineData("IMG_9363.jpg")]
    public void Real_survey_photo_EXIF_gives_the_position_listed_in_SOURCE_md(string file)
    {
        var row = SourceTable()[file];
        var m = PhotoMetadataReader.Read(Path.Combine(TestPaths.Caliterra, file));
        Assert.Equal(double.Parse(row[1], C), m.LatDeg, 6);
        Assert.Equal(double.Parse(row[2], C), m.LonDeg, 6);
        Assert.Equal(double.Parse(row[3], C), m.AltitudeAbsM!.Value, 2);
        Assert.Equal(row[4], m.Make);
        Assert.Equal(row[5], m.Model);
        Assert.Equal(row[6], $"{m.WidthPx}x{m.HeightPx}");
        Assert.Null(m.AltitudeRelM);
        Assert.Null(m.GimbalPitchDeg);
        // DateTimeOriginal is the camera's local clock (Texas, CDT = UTC−5 in October); the GPS stamp gives UTC.
        var local = DateTime.ParseExact(row[7], "yyyy:MM:dd HH:mm:ss", C);
        Assert.Equal("gps", m.TimeSource);
        Assert.Equal(new DateTimeOffset(local, TimeSpan.FromHours(-5)), m.CapturedUtc);
        // Canon records FocalPlaneXResolution: 4000 px / 16393.44 px per inch = 6.20 mm, a 1/2.3" sensor.
        var cam = CameraResolver.Resolve(m)!;
        Assert.Equal("focal_plane_resolution", cam.Source);
        Assert.InRange(cam.SensorWidthMm, 6.1, 6.3);
    }

    [Fact]
    public void DJI_XMP_written_by_exiftool_into_a_real_photo_parses_to_what_exiftool_wrote()
    {
        using var tmp = new TempDir();
        var f = Path.Combine(tmp.Path, "dji.jpg");
        File.Copy(Path.Combine(TestPaths.CaliterraSmall, "IMG_9357.jpg"), f);
        Peers.ExifTool("-q -overwrite_original -XMP-drone-dji:RelativeAltitude=+49.80 -XMP-drone-dji:AbsoluteAltitude=+371.20 " +
            "-XMP-drone-dji:GimbalPitchDegree=-45.30 -XMP-drone-dji:GimbalYawDegree=+123.40 -XMP-drone-dji:GimbalRollDegree=+0.50 " +
            "-XMP-drone-dji:FlightYawDegree=+121.90 -XMP-drone-dji:FlightPitchDegree=-3.10 -XMP-drone-dji:FlightRollDegree=+1.20 " +
            $"\"{f}\"");
        var x = Peers.ExifJson(f, "-XMP-drone-dji:all -GPS:all -Composite:GPSLatitude -Composite:GPSLongitude");
        double Tag(string name) => Num(x.GetProperty(name));
        var m = PhotoMetadataReader.Read(f);
        Assert.Equal(Tag("XMP-drone-dji:RelativeAltitude"), m.AltitudeRelM!.Value, 6);
        Assert.Equal(Tag("XMP-drone-dji:GimbalPitchDegree"), m.GimbalPitchDeg!.Value, 6);
        Assert.Equal(Tag("XMP-drone-dji:GimbalYawDegree"), m.GimbalYawDeg!.Value, 6);
        Assert.Equal(Tag("XMP-drone-dji:GimbalRollDegree"), m.GimbalRollDeg!.Value, 6);
        Assert.Equal(Tag("XMP-drone-dji:FlightYawDegree"), m.FlightYawDeg!.Value, 6);
        Assert.Equal(Tag("XMP-drone-dji:FlightPitchDegree"), m.FlightPitchDeg!.Value, 6);
        Assert.Equal(Tag("XMP-drone-dji:FlightRollDegree"), m.FlightRollDeg!.Value, 6);
        Assert.Equal(Tag("Composite:GPSLatitude"), m.LatDeg, 7);
        Assert.Equal(Tag("Composite:GPSLongitude"), m.LonDeg, 7);
    }

    // exiftool -j prints signed XMP reals ("+49.80") as strings.
    private static double Num(JsonElement e) => e.ValueKind == JsonValueKind.Number ? e.GetDouble() : double.Parse(e.GetString()!, C);

    private static byte[] PlainJpeg(int w = 96, int h = 64)
    {
        using var bmp = new SKBitmap(w, h);
        bmp.Erase(new SKColor(120, 130, 140));
        using var img = SKImage.FromBitmap(bmp);
        return img.Encode(SKEncodedImageFormat.Jpeg, 80).ToArray();
    }

    [Theory]
    [InlineData(35.6812345, 139.7671234, 45.2, 30.5, -90.0, 271.5)]
    [InlineData(-33.8567844, -151.2152967, -12.5, 8.25, -35.5, -12.25)]
    public void Our_EXIF_and_XMP_writer_is_read_back_by_exiftool_and_by_our_reader(double lat, double lon, double absAlt, double relAlt, double pitch, double yaw)
    {
        using var tmp = new TempDir();
        var tags = new CaptureTags
        {
            Make = "DJI", Model = "M30", CapturedUtc = new DateTimeOffset(2026, 5, 17, 2, 3, 4, TimeSpan.Zero),
            LatDeg = lat, LonDeg = lon, AltitudeAbsM = absAlt, AltitudeRelM = relAlt, FocalLengthMm = 75, FocalLength35mmMm = 336,
            GimbalPitchDeg = pitch, GimbalYawDeg = yaw, GimbalRollDeg = 0.5, FlightYawDeg = yaw - 1, FlightPitchDeg = -2, FlightRollDeg = 1,
        };
        var f = Path.Combine(tmp.Path, "w.jpg");
        File.WriteAllBytes(f, JpegMetadataWriter.Write(PlainJpeg(), tags));

        var x = Peers.ExifJson(f, "-a");
        string S(string n) => x.GetProperty(n).ToString();
        double D(string n) => Num(x.GetProperty(n));
        Assert.Equal("DJI", S("IFD0:Make"));
        Assert.Equal("M30", S("IFD0:Model"));
        Assert.Equal("2026:05:17 02:03:04", S("ExifIFD:DateTimeOriginal"));
        Assert.Equal("+00:00", S("ExifIFD:OffsetTimeOriginal"));
        Assert.Equal(75, D("ExifIFD:FocalLength"), 6);
        Assert.Equal(336, D("ExifIFD:FocalLengthIn35mmFormat"), 6);
        Assert.Equal(lat, D("Composite:GPSLatitude"), 7);
        Assert.Equal(lon, D("Composite:GPSLongitude"), 7);
        Assert.Equal(absAlt, D("Composite:GPSAltitude"), 3);
        Assert.Equal(relAlt, D("XMP-drone-dji:RelativeAltitude"), 3);
        Assert.Equal(pitch, D("XMP-drone-dji:GimbalPitchDegree"), 3);
        Assert.Equal(yaw, D("XMP-drone-dji:GimbalYawDegree"), 3);
        // exiftool's validator finds nothing wrong with the structure.
        var validate = Peers.ExifTool($"-validate -warning -a \"{f}\"");
        Assert.True(validate.Contains("Validate                        : OK"), validate);

        var m = PhotoMetadataReader.Read(f);
        Assert.Equal(lat, m.LatDeg, 7);
        Assert.Equal(lon, m.LonDeg, 7);
        Assert.Equal(absAlt, m.AltitudeAbsM!.Value, 3);
        Assert.Equal(relAlt, m.AltitudeRelM!.Value, 3);
        Assert.Equal(pitch, m.GimbalPitchDeg!.Value, 3);
        Assert.Equal(yaw, m.GimbalYawDeg!.Value, 3);
        Assert.Equal(tags.CapturedUtc, m.CapturedUtc);
        Assert.Equal(75, m.FocalLengthMm!.Value, 6);
        Assert.Equal((96, 64), (m.WidthPx, m.HeightPx));
        Assert.Equal("preset:dji-m30-zoom", CameraResolver.Resolve(m)!.Source);
    }

    [Fact]
    public void Writer_replaces_existing_EXIF_instead_of_stacking_a_second_one()
    {
        var first = JpegMetadataWriter.Write(PlainJpeg(), new CaptureTags { Make = "A", Model = "one", CapturedUtc = DateTimeOffset.UnixEpoch, LatDeg = 1, LonDeg = 2, AltitudeAbsM = 3 });
        var second = JpegMetadataWriter.Write(first, new CaptureTags { Make = "B", Model = "two", CapturedUtc = DateTimeOffset.UnixEpoch, LatDeg = 4, LonDeg = 5, AltitudeAbsM = 6 });
        using var tmp = new TempDir();
        var f = Path.Combine(tmp.Path, "twice.jpg");
        File.WriteAllBytes(f, second);
        var x = Peers.ExifJson(f, "-a -IFD0:Make");
        Assert.Equal("B", x.GetProperty("IFD0:Make").ToString());
        Assert.Equal(4, PhotoMetadataReader.Read(f).LatDeg, 6);
        Assert.Equal(first.Length, second.Length); // same-size tags, one segment each
    }
}
