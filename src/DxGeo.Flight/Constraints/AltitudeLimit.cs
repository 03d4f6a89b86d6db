using DxGeo.Core.Errors;

namespace DxGeo.Flight.Constraints;

/// <summary>
/// Altitude above ground ≤ <see cref="MaxAltitudeM"/>: 150 m is Japan's limit without permission (航空法 第132条の85),
/// so only lower limits are accepted. Heights are relative to the launch point on level ground.
/// </summary>
public sealed class AltitudeLimit
{
    public const double LegalMaxM = 150;

    public AltitudeLimit(double maxAltitudeM = LegalMaxM)
    {
        if (!double.IsFinite(maxAltitudeM) || maxAltitudeM <= 0)
            throw new DxGeoException($"altitude limit must be positive (got {maxAltitudeM} m)");
        if (maxAltitudeM > LegalMaxM)
            throw new DxGeoException($"altitude limit {maxAltitudeM} m is above {LegalMaxM} m above ground, which needs a flight permission; DxGeo plans up to {LegalMaxM} m");
        MaxAltitudeM = maxAltitudeM;
    }

    public double MaxAltitudeM { get; }

    public void Check(double altitudeM, string what)
    {
        if (altitudeM > MaxAltitudeM + 1e-6)
            throw new DxGeoException($"{what} needs {altitudeM:0.0} m above ground, above the {MaxAltitudeM:0} m limit");
    }
}
