namespace DxGeo.Imagery.Capture;

/// <summary>
/// What a drone camera records about one shot, written into the JPEG by <see cref="JpegMetadataWriter"/>: EXIF (make,
/// model, capture time, focal length, GPS position and sea-level altitude) and DJI-style XMP (relative altitude,
/// gimbal and aircraft attitude), the tags <see cref="Metadata.PhotoMetadataReader"/> reads back.
/// </summary>
public sealed record CaptureTags
{
    public required string Make { get; init; }
    public required string Model { get; init; }
    public required DateTimeOffset CapturedUtc { get; init; }
    public required double LatDeg { get; init; }
    public required double LonDeg { get; init; }
    public required double AltitudeAbsM { get; init; }
    public double? AltitudeRelM { get; init; }
    public double? FocalLengthMm { get; init; }
    public int? FocalLength35mmMm { get; init; }
    public double? GimbalPitchDeg { get; init; }
    public double? GimbalYawDeg { get; init; }
    public double? GimbalRollDeg { get; init; }
    public double? FlightYawDeg { get; init; }
    public double? FlightPitchDeg { get; init; }
    public double? FlightRollDeg { get; init; }
}
