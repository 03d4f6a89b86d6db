namespace DxGeo.Imagery.Footprints;

/// <summary>
/// The camera geometry a footprint needs: focal length and the size of one pixel on the sensor (square pixels),
/// with where the figures came from (<see cref="Source"/>: preset:&lt;id&gt;, focal_plane_resolution, equiv_35mm, override:&lt;id&gt;).
/// </summary>
public sealed record PhotoCamera(double FocalLengthMm, double SensorWidthMm, double SensorHeightMm, int WidthPx, int HeightPx, string Source)
{
    public double PixelPitchMm => SensorWidthMm / WidthPx;
}
