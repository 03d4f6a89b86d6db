namespace DxGeo.Imagery.Capture;

/// <summary>One camera trigger of a flight: when and where the shutter fired, and where the camera pointed.</summary>
/// <param name="ImageIndex">The camera's running image number (MAVLink CAMERA_IMAGE_CAPTURED image_index).</param>
/// <param name="AltitudeAbsM">Altitude above sea level.</param>
/// <param name="AltitudeRelM">Altitude above the take-off point.</param>
/// <param name="YawDeg">Heading of the camera (° clockwise from north).</param>
/// <param name="GimbalPitchDeg">−90 straight down.</param>
public sealed record CaptureTrigger(int ImageIndex, DateTimeOffset TimeUtc, double LatDeg, double LonDeg, double AltitudeAbsM,
    double AltitudeRelM, double YawDeg, double GimbalPitchDeg = -90);

/// <summary>What the simulated camera writes as make, model and lens.</summary>
public sealed record SimulatedCamera(string Make, string Model, double FocalLengthMm, int? FocalLength35mmMm)
{
    /// <summary>DJI Matrice 30 zoom camera at its 75 mm tele end (a close-inspection setting: ~0.25 cm/px from 30 m on a
    /// 1024 px wide image): EXIF model "M30", which the footprint code maps to the dji-m30-zoom planning preset.</summary>
    public static SimulatedCamera M30Zoom75 { get; } = new("DJI", "M30", 75, 405);
}
