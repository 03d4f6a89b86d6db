using DxGeo.Core.Crs;
using DxGeo.Core.Errors;
using NetTopologySuite.Geometries;

namespace DxGeo.Imagery.Footprints;

/// <summary>
/// Ground footprint of a photo on flat ground: the four image corners cast onto the ground in the local metric
/// frame (JGD2011 plane-rectangular zone in Japan, UTM elsewhere) and brought back to EPSG:4326. A nadir photo gives
/// a rectangle turned by the yaw; an oblique one a trapezoid widening away from the camera.
/// Also projects any pixel rectangle (a scored tile) the same way.
/// </summary>
public static class FootprintOp
{
    private static readonly GeometryFactory Metric = new();
    private static readonly GeometryFactory LonLat = new(new PrecisionModel(), 4326);

    /// <summary>Pitch above which a photo counts as oblique (−90 is straight down).</summary>
    public const double NadirToleranceDeg = 0.5;

    public static PhotoFootprint Compute(PhotoCamera camera, double lonDeg, double latDeg, double heightAboveGroundM,
        double yawDeg, double? pitchDeg, double rollDeg = 0, string? file = null)
    {
        var (frame, projector) = Setup(camera, lonDeg, latDeg, heightAboveGroundM, yawDeg, pitchDeg, rollDeg, file);
        var (poly, capped) = Rect(frame, projector, 0, 0, camera.WidthPx, camera.HeightPx);
        var view = pitchDeg is { } p && p > -90 + NadirToleranceDeg ? "oblique" : "nadir";
        return new PhotoFootprint(poly, projector.CentreGsdCmPerPx, view, capped);
    }

    /// <summary>Ground polygon (EPSG:4326) of the pixel rectangle [x, x+w) × [y, y+h) of the full-resolution photo.</summary>
    public static Polygon PixelRect(PhotoCamera camera, double lonDeg, double latDeg, double heightAboveGroundM,
        double yawDeg, double? pitchDeg, double rollDeg, int xPx, int yPx, int wPx, int hPx)
    {
        var (frame, projector) = Setup(camera, lonDeg, latDeg, heightAboveGroundM, yawDeg, pitchDeg, rollDeg, null);
        return Rect(frame, projector, xPx, yPx, wPx, hPx).Poly;
    }

    private static (MetricFrame, GroundProjector) Setup(PhotoCamera camera, double lonDeg, double latDeg, double heightM,
        double yawDeg, double? pitchDeg, double rollDeg, string? file)
    {
        if (!(heightM > 0)) throw new InputDataException($"height above ground {heightM:0.#} m is not positive: the photo cannot be placed", file: file);
        var frame = MetricFrame.For(lonDeg, latDeg);
        var centre = frame.Project(LonLat.CreatePoint(new Coordinate(lonDeg, latDeg)));
        var projector = new GroundProjector(camera, new CameraPose(centre.X, centre.Y, heightM, yawDeg, pitchDeg ?? -90, rollDeg));
        if (projector.CentreAboveLimit)
            throw new InputDataException($"gimbal pitch {pitchDeg:0.#}° looks at or above the horizon: no ground footprint", file: file, field: "GimbalPitchDegree");
        return (frame, projector);
    }

    private static (Polygon Poly, bool Capped) Rect(MetricFrame frame, GroundProjector p, double x, double y, double w, double h)
    {
        var capped = false;
        Coordinate C(double px, double py)
        {
            var (e, n, c) = p.Project(px, py);
            capped |= c;
            return new Coordinate(e, n);
        }
        var tl = C(x, y);
        Coordinate[] ring = [tl, C(x + w, y), C(x + w, y + h), C(x, y + h), tl.Copy()];
        var poly = frame.Unproject(Metric.CreatePolygon(ring));
        return (LonLat.CreatePolygon(poly.ExteriorRing.Coordinates), capped);
    }
}
