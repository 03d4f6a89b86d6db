namespace DxGeo.Core.Tests.Crs;

/// <summary>
/// Vincenty's inverse formula on the GRS80 ellipsoid: a geodesic distance independent of ProjNet and of the
/// code under test (sub-millimetre for the short lines used here).
/// </summary>
internal static class Geodesic
{
    private const double A = 6378137.0;
    private const double F = 1 / 298.257222101;
    private const double B = A * (1 - F);

    public static double DistanceM(double lon1Deg, double lat1Deg, double lon2Deg, double lat2Deg)
    {
        double rad = Math.PI / 180;
        var l = (lon2Deg - lon1Deg) * rad;
        var u1 = Math.Atan((1 - F) * Math.Tan(lat1Deg * rad));
        var u2 = Math.Atan((1 - F) * Math.Tan(lat2Deg * rad));
        double sinU1 = Math.Sin(u1), cosU1 = Math.Cos(u1), sinU2 = Math.Sin(u2), cosU2 = Math.Cos(u2);
        double lambda = l, sigma, sinSigma, cosSigma, cos2SigmaM, cosSqAlpha;
        for (var iter = 0; ; iter++)
        {
            double sinLambda = Math.Sin(lambda), cosLambda = Math.Cos(lambda);
            sinSigma = Math.Sqrt(Math.Pow(cosU2 * sinLambda, 2) + Math.Pow(cosU1 * sinU2 - sinU1 * cosU2 * cosLambda, 2));
            if (sinSigma == 0) return 0;
            cosSigma = sinU1 * sinU2 + cosU1 * cosU2 * cosLambda;
            sigma = Math.Atan2(sinSigma, cosSigma);
            var sinAlpha = cosU1 * cosU2 * sinLambda / sinSigma;
            cosSqAlpha = 1 - sinAlpha * sinAlpha;
            cos2SigmaM = cosSqAlpha == 0 ? 0 : cosSigma - 2 * sinU1 * sinU2 / cosSqAlpha;
            var c = F / 16 * cosSqAlpha * (4 + F * (4 - 3 * cosSqAlpha));
            var prev = lambda;
            lambda = l + (1 - c) * F * sinAlpha * (sigma + c * sinSigma * (cos2SigmaM + c * cosSigma * (-1 + 2 * cos2SigmaM * cos2SigmaM)));
            if (Math.Abs(lambda - prev) < 1e-12) break;
            if (iter > 200) throw new InvalidOperationException("Vincenty did not converge");
        }
        var uSq = cosSqAlpha * (A * A - B * B) / (B * B);
        var bigA = 1 + uSq / 16384 * (4096 + uSq * (-768 + uSq * (320 - 175 * uSq)));
        var bigB = uSq / 1024 * (256 + uSq * (-128 + uSq * (74 - 47 * uSq)));
        var deltaSigma = bigB * sinSigma * (cos2SigmaM + bigB / 4 * (cosSigma * (-1 + 2 * cos2SigmaM * cos2SigmaM)
            - bigB / 6 * cos2SigmaM * (-3 + 4 * sinSigma * sinSigma) * (-3 + 4 * cos2SigmaM * cos2SigmaM)));
        return B * bigA * (sigma - deltaSigma);
    }
}
