using DxGeo.Core.Errors;
using DxGeo.Flight.Camera;
using NetTopologySuite.Geometries;

namespace DxGeo.Flight.Patterns;

/// <summary>
/// An orbit around a point at a fixed radius and altitude, the camera kept on the point (region of interest).
/// Flown as a polygon of straight sides with photos every trigger distance; the stated GSD is at the radius.
/// </summary>
public static class OrbitPattern
{
    public static SurveyPattern Plan(Coordinate centreM, double radiusM, double altitudeM, double lookAtAltitudeM,
        CameraModel camera, double frontOverlapPct, int passIndex, int firstLineKey, double speed, GeometryFactory f)
    {
        if (!(radiusM > 0)) throw new DxGeoException($"orbit radius must be positive (got {radiusM} m)");
        var range = Math.Sqrt(radiusM * radiusM + Math.Pow(altitudeM - lookAtAltitudeM, 2));
        var shot = FacadeCalc.AtStandoff(camera, range, frontOverlapPct, 0);
        var t = shot.TriggerDistanceM;
        var sides = Math.Max(12, (int)Math.Ceiling(2 * Math.PI * radiusM / (5 * t)));
        var pitch = Math.Atan2(lookAtAltitudeM - altitudeM, radiusM) * 180 / Math.PI;
        var lines = new List<PhotoLine>();
        for (var i = 0; i < sides; i++)
        {
            double a0 = 2 * Math.PI * i / sides, a1 = 2 * Math.PI * (i + 1) / sides;
            var p0 = new Coordinate(centreM.X + radiusM * Math.Cos(a0), centreM.Y + radiusM * Math.Sin(a0));
            var p1 = new Coordinate(centreM.X + radiusM * Math.Cos(a1), centreM.Y + radiusM * Math.Sin(a1));
            var len = p0.Distance(p1);
            var n = Math.Max(1, (int)Math.Floor(len / t - 1e-9) + 1);
            double ux = (p1.X - p0.X) / len, uy = (p1.Y - p0.Y) / len;
            var mid = new Coordinate((p0.X + p1.X) / 2, (p0.Y + p1.Y) / 2);
            lines.Add(new PhotoLine
            {
                Start = p0, DirX = ux, DirY = uy, PhotoCount = n, TriggerDistanceM = t, AltitudeM = altitudeM,
                PassIndex = passIndex, LineKey = firstLineKey + i, GimbalPitchDeg = pitch,
                HeadingDeg = Geo.HeadingDeg(centreM.X - mid.X, centreM.Y - mid.Y),
            });
        }
        var pass = new SurveyPass
        {
            Name = $"orbit r={radiusM:0} m at {altitudeM:0} m", Kind = PassKind.Orbit, Shot = shot, AltitudeM = altitudeM,
            GimbalPitchDeg = pitch, FocalLengthMm = camera.FocalLengthMm,
            Roi = new CoordinateZ(centreM.X, centreM.Y, lookAtAltitudeM),
        };
        return new SurveyPattern
        {
            Kind = "orbit", Passes = [pass], Lines = lines, TransitAltitudeM = altitudeM, LineSpeedMps = speed,
        };
    }
}
