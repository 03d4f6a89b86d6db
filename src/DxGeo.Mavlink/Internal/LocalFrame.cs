namespace DxGeo.Mavlink.Internal;

/// <summary>
/// A local tangent plane (east/north metres) around an origin, for the simulator's kinematics and distances along a
/// track. Equirectangular on the WGS84 radius of curvature at the origin: sub-centimetre over the few kilometres a
/// survey flight spans, which is all it is used for.
/// </summary>
internal readonly struct LocalFrame
{
    private const double A = 6378137.0, E2 = 6.69437999014e-3;
    private readonly double _lat0, _lon0, _mPerDegLat, _mPerDegLon;

    public LocalFrame(double lat0Deg, double lon0Deg)
    {
        _lat0 = lat0Deg;
        _lon0 = lon0Deg;
        var phi = lat0Deg * Math.PI / 180;
        var s = Math.Sin(phi);
        var w = Math.Sqrt(1 - E2 * s * s);
        _mPerDegLat = Math.PI / 180 * A * (1 - E2) / (w * w * w);
        _mPerDegLon = Math.PI / 180 * A / w * Math.Cos(phi);
    }

    public (double EastM, double NorthM) ToLocal(double latDeg, double lonDeg) =>
        ((lonDeg - _lon0) * _mPerDegLon, (latDeg - _lat0) * _mPerDegLat);

    public (double LatDeg, double LonDeg) ToGeo(double eastM, double northM) =>
        (_lat0 + northM / _mPerDegLat, _lon0 + eastM / _mPerDegLon);

    /// <summary>Horizontal distance in metres between two nearby points.</summary>
    public static double DistanceM(double lat1, double lon1, double lat2, double lon2)
    {
        var f = new LocalFrame((lat1 + lat2) / 2, (lon1 + lon2) / 2);
        var (e1, n1) = f.ToLocal(lat1, lon1);
        var (e2, n2) = f.ToLocal(lat2, lon2);
        return Math.Sqrt((e2 - e1) * (e2 - e1) + (n2 - n1) * (n2 - n1));
    }
}
