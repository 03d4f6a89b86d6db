namespace DxGeo.Imagery.Capture;

/// <summary>One camera trigger of a flight: when and where the shutter fired, and where the camera pointed.</summary>
/// <param name="ImageIndex">The camera's running image number (MAVLink CAMERA_IMAGE_CAPTURED image_index).</param>
/// <param name="AltitudeAbsM">Altitude above sea level.</param>
/// <param name="AltitudeRelM">Altitude above the take-off point.</param>
/// <param name="YawDeg">Heading of the camera (° clockwise from north).</param>
/// <param name="GimbalPitchDeg">−90 straight down.</param>
public sealed record CaptureTrigger(int ImageIndex, DateTimeOffset TimeUtc, double LatDeg, double LonDeg, double AltitudeAbsM,
    double AltitudeRelM, double YawDeg, double GimbalPitchDeg = -90);

/// <summary>
/// What the simulated camera writes as make, model and lens. With <see cref="TargetGsdCmPerPx"/> it is a zoom that sets
/// its focal length per shot so the aimed point is seen at that GSD (slant range × sensor width / (GSD × image width)),
/// as inspection zooms do; the 35 mm equivalent written with it lets the footprint code recover the sensor size.
/// </summary>
public sealed record SimulatedCamera(string Make, string Model, double SensorWidthMm, double FocalLengthMm, double? TargetGsdCmPerPx = null)
{
    /// <summary>DJI Matrice 30 zoom camera fixed at 75 mm (EXIF model "M30": the dji-m30-zoom planning preset).</summary>
    public static SimulatedCamera M30Zoom75 { get; } = new("DJI", "M30", 6.4, 75);

    /// <summary>A 1/2" (6.4 mm wide) tele zoom holding 0.234 cm/px: 0.6 m of ground on 256 px, the damage model's tile
    /// ground size on the scene set's 256 px cells.</summary>
    public static SimulatedCamera InspectionZoom { get; } = new("DxGeo", "SimZoom", 6.4, 75, 0.6 * 100 / 256);

    /// <summary>Focal length for one shot of an image <paramref name="widthPx"/> wide at <paramref name="slantRangeM"/> from the aimed point.</summary>
    public double FocalFor(double slantRangeM, int widthPx) =>
        TargetGsdCmPerPx is { } gsd ? slantRangeM * SensorWidthMm * 100 / (gsd * widthPx) : FocalLengthMm;
}
