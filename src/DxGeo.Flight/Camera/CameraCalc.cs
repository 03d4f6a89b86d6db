using DxGeo.Core.Errors;

namespace DxGeo.Flight.Camera;

/// <summary>What a camera sees from a given distance to the surface, with the spacing that gives the requested overlaps.</summary>
/// <param name="DistanceM">Camera to surface (altitude above ground for nadir passes, standoff for facades).</param>
/// <param name="GsdCmPerPx">Ground sampling distance (QGC "image density").</param>
/// <param name="FootprintSideM">Footprint across the flight direction.</param>
/// <param name="FootprintFrontalM">Footprint along the flight direction.</param>
/// <param name="LineSpacingM">Distance between adjacent passes: side footprint × (1 − side overlap).</param>
/// <param name="TriggerDistanceM">Distance between photos along a pass: frontal footprint × (1 − front overlap).</param>
public sealed record CameraShot(double DistanceM, double GsdCmPerPx, double FootprintSideM, double FootprintFrontalM,
    double LineSpacingM, double TriggerDistanceM, double FrontOverlapPct, double SideOverlapPct)
{
    /// <summary>Photos of one pass that see every point of its swath: ⌊1 / (1 − front overlap)⌋ (at least 1).</summary>
    public int FrontMultiplicity => Math.Max(1, (int)Math.Floor(FootprintFrontalM / TriggerDistanceM + 1e-9));
}

/// <summary>
/// Camera geometry in one place, used by every pattern (QGroundControl's CameraCalc conventions):
/// GSD (cm/px) = distance × sensor width × 100 / (image width × focal length), and its inverse;
/// line spacing = side footprint × (1 − side overlap); trigger distance = frontal footprint × (1 − front overlap).
/// Footprints come from the sensor size (distance × sensor dimension / focal length), which equals QGC's
/// image px × GSD for square pixels and is the physical truth otherwise.
/// </summary>
public static class CameraCalc
{
    public static double GsdCmPerPx(CameraModel c, double distanceM) =>
        distanceM * c.SensorWidthMm * 100.0 / (c.ImageWidthPx * c.FocalLengthMm);

    public static double DistanceForGsdM(CameraModel c, double gsdCmPerPx) =>
        c.ImageWidthPx * gsdCmPerPx * c.FocalLengthMm / (c.SensorWidthMm * 100.0);

    /// <summary>Footprint (side, frontal) in metres at <paramref name="distanceM"/>; landscape puts the image width across track.</summary>
    public static (double SideM, double FrontalM) Footprint(CameraModel c, double distanceM)
    {
        var w = distanceM * c.SensorWidthMm / c.FocalLengthMm;
        var h = distanceM * c.SensorHeightMm / c.FocalLengthMm;
        return c.Landscape ? (w, h) : (h, w);
    }

    public static CameraShot AtDistance(CameraModel c, double distanceM, double frontOverlapPct, double sideOverlapPct)
    {
        c.Validate();
        CheckOverlap(frontOverlapPct, "front overlap");
        CheckOverlap(sideOverlapPct, "side overlap");
        if (!double.IsFinite(distanceM) || distanceM <= 0)
            throw new DxGeoException($"distance to the surface must be positive (got {distanceM} m)");
        var (side, frontal) = Footprint(c, distanceM);
        return new CameraShot(distanceM, GsdCmPerPx(c, distanceM), side, frontal,
            side * (1 - sideOverlapPct / 100.0), frontal * (1 - frontOverlapPct / 100.0), frontOverlapPct, sideOverlapPct);
    }

    public static CameraShot ForGsd(CameraModel c, double gsdCmPerPx, double frontOverlapPct, double sideOverlapPct)
    {
        if (!double.IsFinite(gsdCmPerPx) || gsdCmPerPx <= 0)
            throw new DxGeoException($"GSD must be positive (got {gsdCmPerPx} cm/px)");
        c.Validate();
        return AtDistance(c, DistanceForGsdM(c, gsdCmPerPx), frontOverlapPct, sideOverlapPct);
    }

    private static void CheckOverlap(double pct, string what)
    {
        if (!double.IsFinite(pct) || pct < 0 || pct >= 100)
            throw new DxGeoException($"{what} must be in [0, 100) % (got {pct})");
    }
}
