using System.Globalization;
using DxGeo.Core.Errors;
using DxGeo.Imagery.Metadata.Internal;
using MetadataExtractor;
using MetadataExtractor.Formats.Exif;
using MetadataExtractor.Formats.Xmp;
using SkiaSharp;

namespace DxGeo.Imagery.Metadata;

/// <summary>
/// Reads a photo's EXIF and DJI-style XMP (MetadataExtractor) and its pixel size (SkiaSharp codec header, no decode).
/// Refuses, with an <see cref="InputDataException"/> naming the file and the reason, anything that cannot be placed:
/// not a JPEG, truncated, no EXIF, no GPS, or absurd position/altitude/angles.
/// </summary>
public static class PhotoMetadataReader
{
    private const string DjiNs = "http://www.dji.com/drone-dji/1.0/";
    private const int TagOffsetTimeOriginal = 0x9011;

    /// <summary>Plausibility limits: beyond them a value is a recording fault, not a place.</summary>
    public const double MinAltitudeAbsM = -500, MaxAltitudeAbsM = 9000, MinAltitudeRelM = -500, MaxAltitudeRelM = 3000;

    public static PhotoMetadata Read(string path)
    {
        JpegCheck.RequireCompleteJpeg(path);
        IReadOnlyList<MetadataExtractor.Directory> dirs;
        try { dirs = ImageMetadataReader.ReadMetadata(path); }
        catch (Exception e) when (e is ImageProcessingException or IOException or UnauthorizedAccessException)
        {
            throw PhotoRejection.For(path, $"cannot read metadata: {e.Message}");
        }
        var (w, h) = PixelSize(path);
        var ifd0 = dirs.OfType<ExifIfd0Directory>().FirstOrDefault();
        var sub = dirs.OfType<ExifSubIfdDirectory>().FirstOrDefault();
        var gps = dirs.OfType<GpsDirectory>().FirstOrDefault();
        if (ifd0 is null && sub is null && gps is null) throw PhotoRejection.For(path, "no EXIF metadata (cannot place the photo)");
        var loc = gps?.GetGeoLocation();
        if (gps is null || loc is null) throw PhotoRejection.For(path, "no GPS position in EXIF (cannot place the photo)", "GPSLatitude");
        var (lat, lon) = (loc.Latitude, loc.Longitude);
        if (!double.IsFinite(lat) || !double.IsFinite(lon) || Math.Abs(lat) > 90 || Math.Abs(lon) > 180)
            throw PhotoRejection.For(path, $"GPS position {lat}, {lon} is outside the globe", "GPSLatitude");
        if (Math.Abs(lat) < 1e-9 && Math.Abs(lon) < 1e-9)
            throw PhotoRejection.For(path, "GPS position is 0°, 0° (the receiver had no fix)", "GPSLatitude");

        var xmp = dirs.OfType<XmpDirectory>().FirstOrDefault()?.XmpMeta;
        double? Dji(string name)
        {
            string? s;
            try { s = xmp?.GetPropertyString(DjiNs, name); }
            catch (XmpCore.XmpException) { return null; } // the packet never declared the drone-dji namespace
            if (string.IsNullOrWhiteSpace(s)) return null;
            return double.TryParse(s.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var v) && double.IsFinite(v)
                ? v : throw PhotoRejection.For(path, $"XMP drone-dji:{name} '{s}' is not a number", name);
        }

        var absAlt = GpsAltitude(gps);
        if (absAlt is { } a && (a < MinAltitudeAbsM || a > MaxAltitudeAbsM))
            throw PhotoRejection.For(path, $"GPS altitude {a:0.#} m is absurd (allowed {MinAltitudeAbsM}…{MaxAltitudeAbsM} m)", "GPSAltitude");
        var relAlt = Dji("RelativeAltitude");
        if (relAlt is { } r && (r < MinAltitudeRelM || r > MaxAltitudeRelM))
            throw PhotoRejection.For(path, $"relative altitude {r:0.#} m is absurd (allowed {MinAltitudeRelM}…{MaxAltitudeRelM} m)", "RelativeAltitude");
        var pitch = Dji("GimbalPitchDegree");
        if (pitch is { } p && (p < -180 || p > 180))
            throw PhotoRejection.For(path, $"gimbal pitch {p}° is outside −180…180°", "GimbalPitchDegree");

        var (time, timeSource) = CaptureTime(gps, sub);
        return new PhotoMetadata
        {
            Path = path, WidthPx = w, HeightPx = h, LonDeg = lon, LatDeg = lat, AltitudeAbsM = absAlt, AltitudeRelM = relAlt,
            CapturedUtc = time, TimeSource = timeSource,
            Make = Clean(ifd0?.GetString(ExifDirectoryBase.TagMake)), Model = Clean(ifd0?.GetString(ExifDirectoryBase.TagModel)),
            FocalLengthMm = Positive(sub, ExifDirectoryBase.TagFocalLength),
            FocalLength35mmMm = Positive(sub, ExifDirectoryBase.Tag35MMFilmEquivFocalLength),
            FocalPlaneSensorWidthMm = FocalPlaneWidthMm(sub, w),
            GimbalPitchDeg = pitch, GimbalYawDeg = Dji("GimbalYawDegree"), GimbalRollDeg = Dji("GimbalRollDegree"),
            FlightYawDeg = Dji("FlightYawDegree"), FlightPitchDeg = Dji("FlightPitchDegree"), FlightRollDeg = Dji("FlightRollDegree"),
        };
    }

    private static (int W, int H) PixelSize(string path)
    {
        using var codec = SKCodec.Create(path, out var result);
        if (codec is null || codec.Info.Width <= 0 || codec.Info.Height <= 0)
            throw PhotoRejection.For(path, $"not a decodable JPEG ({result})");
        return (codec.Info.Width, codec.Info.Height);
    }

    private static double? GpsAltitude(GpsDirectory gps)
    {
        if (!gps.TryGetRational(GpsDirectory.TagAltitude, out var alt)) return null;
        var below = gps.TryGetInt32(GpsDirectory.TagAltitudeRef, out var aref) && aref == 1;
        var v = alt.ToDouble();
        return double.IsFinite(v) ? below ? -v : v : null;
    }

    // GPS time is UTC by definition; DateTimeOriginal is the camera's local clock, UTC only with OffsetTimeOriginal.
    private static (DateTimeOffset?, string) CaptureTime(GpsDirectory gps, ExifSubIfdDirectory? sub)
    {
        var stamp = gps.GetRationalArray(GpsDirectory.TagTimeStamp);
        var date = gps.GetString(GpsDirectory.TagDateStamp);
        if (stamp is { Length: 3 } && date is not null &&
            DateTime.TryParseExact(date.Trim(), "yyyy:MM:dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d))
        {
            var secs = stamp[0].ToDouble() * 3600 + stamp[1].ToDouble() * 60 + stamp[2].ToDouble();
            if (secs is >= 0 and < 86400)
                return (new DateTimeOffset(d.Date, TimeSpan.Zero).AddSeconds(Math.Round(secs, 3)), "gps");
        }
        if (sub is null || !sub.TryGetDateTime(ExifDirectoryBase.TagDateTimeOriginal, out var local)) return (null, "none");
        var off = sub.GetString(TagOffsetTimeOriginal);
        if (off is not null && TimeSpan.TryParseExact(off.Trim().TrimStart('+'), [@"hh\:mm", @"h\:mm"], CultureInfo.InvariantCulture, out var span))
        {
            if (off.Trim().StartsWith('-')) span = span.Negate();
            return (new DateTimeOffset(DateTime.SpecifyKind(local, DateTimeKind.Unspecified), span).ToUniversalTime(), "exif_offset");
        }
        return (new DateTimeOffset(DateTime.SpecifyKind(local, DateTimeKind.Unspecified), TimeSpan.Zero), "exif_assumed_utc");
    }

    private static double? Positive(ExifSubIfdDirectory? d, int tag) =>
        d is not null && d.TryGetRational(tag, out var r) && r.ToDouble() is var v && double.IsFinite(v) && v > 0 ? v : null;

    // FocalPlaneXResolution = sensor pixels per unit: width in mm = image px / resolution × unit length.
    // The resolution refers to the camera's own image width (ExifImageWidth): a downscaled copy keeps the same sensor.
    private static double? FocalPlaneWidthMm(ExifSubIfdDirectory? d, int widthPx)
    {
        if (Positive(d, ExifDirectoryBase.TagFocalPlaneXResolution) is not { } res) return null;
        if (d!.TryGetInt32(ExifDirectoryBase.TagExifImageWidth, out var exifWidth) && exifWidth > 0) widthPx = exifWidth;
        var unitMm = d!.TryGetInt32(ExifDirectoryBase.TagFocalPlaneResolutionUnit, out var u) ? u switch
        {
            2 => 25.4, 3 => 10.0, 4 => 1.0, 5 => 0.001, _ => 0,
        } : 25.4;
        var mm = widthPx / res * unitMm;
        return mm is > 1 and < 100 ? mm : null; // outside a camera sensor's range the tag is junk
    }

    private static string? Clean(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim().TrimEnd('\0');
}
