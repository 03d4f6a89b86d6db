using NetTopologySuite.Geometries;

namespace DxGeo.Core.Spatial.Internal;

/// <summary>
/// Lon/lat boxes that are guaranteed to contain everything within a metric distance, for asking the R-tree
/// for candidates. Only the candidate search uses these degree sizes; every reported distance is measured in a metric CRS.
/// </summary>
internal static class LonLatBox
{
    // Smallest ground lengths of one degree on GRS80/WGS84 (latitude: 110 574 m at the equator; longitude:
    // a·cosφ·π/180 underestimates the ellipsoid's parallel radius). 2 % on top covers projection scale error.
    private const double MinMetresPerDegLat = 110_574;
    private const double MetresPerDegLonAtEquator = 111_319.49;
    private const double Margin = 1.02;

    /// <summary>The envelope grown on every side by at least <paramref name="metres"/> of ground distance.</summary>
    public static Envelope Expand(Envelope lonLat, double metres)
    {
        if (metres <= 0) return lonLat.Copy();
        var dLat = metres * Margin / MinMetresPerDegLat;
        var maxAbsLat = Math.Min(89.0, Math.Max(Math.Abs(lonLat.MinY), Math.Abs(lonLat.MaxY)) + dLat);
        var dLon = metres * Margin / (MetresPerDegLonAtEquator * Math.Cos(maxAbsLat * Math.PI / 180));
        return new Envelope(lonLat.MinX - dLon, lonLat.MaxX + dLon, lonLat.MinY - dLat, lonLat.MaxY + dLat);
    }

    public static Envelope Around(double lonDeg, double latDeg, double metres) =>
        Expand(new Envelope(lonDeg, lonDeg, latDeg, latDeg), metres);

    /// <summary>A rough ground diagonal (m) of a lon/lat envelope, for sizing searches (not for reporting).</summary>
    public static double DiagonalM(Envelope lonLat)
    {
        var midLat = (lonLat.MinY + lonLat.MaxY) / 2 * Math.PI / 180;
        var w = lonLat.Width * MetresPerDegLonAtEquator * Math.Cos(midLat);
        var h = lonLat.Height * MinMetresPerDegLat;
        return Math.Sqrt(w * w + h * h);
    }
}
