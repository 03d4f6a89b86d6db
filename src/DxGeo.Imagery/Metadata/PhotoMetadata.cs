namespace DxGeo.Imagery.Metadata;

/// <summary>
/// What a photo's EXIF/XMP says about where, when and how it was taken (WGS84 degrees, metres, degrees for angles).
/// Missing tags are null; a photo without a GPS position is refused by <see cref="PhotoMetadataReader"/>.
/// </summary>
public sealed record PhotoMetadata
{
    public required string Path { get; init; }
    public required int WidthPx { get; init; }
    public required int HeightPx { get; init; }
    public required double LonDeg { get; init; }
    public required double LatDeg { get; init; }
    /// <summary>GPS altitude above sea level (EXIF GPSAltitude with its ref; negative below sea level).</summary>
    public double? AltitudeAbsM { get; init; }
    /// <summary>DJI XMP <c>drone-dji:RelativeAltitude</c>: height above the take-off point.</summary>
    public double? AltitudeRelM { get; init; }
    /// <summary>Capture time in UTC, or null when the photo has no time.</summary>
    public DateTimeOffset? CapturedUtc { get; init; }
    /// <summary>How <see cref="CapturedUtc"/> was obtained: gps, exif_offset, exif_assumed_utc (no offset recorded) or none.</summary>
    public string TimeSource { get; init; } = "none";
    public string? Make { get; init; }
    public string? Model { get; init; }
    public double? FocalLengthMm { get; init; }
    public double? FocalLength35mmMm { get; init; }
    /// <summary>Sensor width from EXIF FocalPlaneXResolution (pixels per unit on the sensor), when recorded.</summary>
    public double? FocalPlaneSensorWidthMm { get; init; }
    public double? GimbalPitchDeg { get; init; }
    public double? GimbalYawDeg { get; init; }
    public double? GimbalRollDeg { get; init; }
    public double? FlightYawDeg { get; init; }
    public double? FlightPitchDeg { get; init; }
    public double? FlightRollDeg { get; init; }
}
