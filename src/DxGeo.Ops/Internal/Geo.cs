namespace DxGeo.Ops.Internal;

/// <summary>Short distances on the ellipsoid's local tangent plane (metres): enough for fence radii within a few km.</summary>
internal static class Geo
{
    private const double A = 6378137.0, E2 = 6.69437999014e-3;

    public static double DistanceM(double lat1Deg, double lon1Deg, double lat2Deg, double lon2Deg)
    {
        var lat = (lat1Deg + lat2Deg) / 2 * Math.PI / 180;
        var s = Math.Sin(lat);
        var w = Math.Sqrt(1 - E2 * s * s);
        var mPerDegLat = Math.PI / 180 * A * (1 - E2) / (w * w * w);
        var mPerDegLon = Math.PI / 180 * A * Math.Cos(lat) / w;
        var dn = (lat2Deg - lat1Deg) * mPerDegLat;
        var de = (lon2Deg - lon1Deg) * mPerDegLon;
        return Math.Sqrt(dn * dn + de * de);
    }
}
