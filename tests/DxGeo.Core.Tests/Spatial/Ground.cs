using NetTopologySuite.Geometries;

namespace DxGeo.Core.Tests.Spatial;

/// <summary>
/// Independent ground geometry for expectations: GRS80 radii of curvature at a latitude turn small metric
/// offsets into degrees and back (good to ~1e-6 over a few km), without any CRS code under test.
/// </summary>
public static class Ground
{
    private const double A = 6378137.0;
    private const double E2 = 0.00669438002290;
    public static readonly GeometryFactory F = new(new PrecisionModel(), 4326);

    /// <summary>Meridional radius M(φ) and prime-vertical radius N(φ) in metres.</summary>
    public static (double M, double N) Radii(double latDeg)
    {
        var s = Math.Sin(latDeg * Math.PI / 180);
        var w = Math.Sqrt(1 - E2 * s * s);
        return (A * (1 - E2) / (w * w * w), A / w);
    }

    /// <summary>The point <paramref name="eastM"/> east and <paramref name="northM"/> north of (lon, lat).</summary>
    public static Coordinate Offset(double lon, double lat, double eastM, double northM)
    {
        var (m, n) = Radii(lat + northM / 2 / 111_000);
        var newLat = lat + northM / m * 180 / Math.PI;
        var midLat = (lat + newLat) / 2;
        return new Coordinate(lon + eastM / (n * Math.Cos(midLat * Math.PI / 180)) * 180 / Math.PI, newLat);
    }

    /// <summary>Local east/north metres of (lon, lat) relative to an origin.</summary>
    public static (double E, double N) Local(double lon0, double lat0, double lon, double lat)
    {
        var midLat = (lat0 + lat) / 2;
        var (m, n) = Radii(midLat);
        return ((lon - lon0) * Math.PI / 180 * n * Math.Cos(midLat * Math.PI / 180), (lat - lat0) * Math.PI / 180 * m);
    }

    public static Point Point(Coordinate c) => F.CreatePoint(c);
    public static LineString Line(params Coordinate[] cs) => F.CreateLineString(cs);

    /// <summary>Ground distance (m) from a point to a lon/lat line, in a local tangent plane at the point.</summary>
    public static double PointToLineM(Coordinate p, LineString line)
    {
        var best = double.PositiveInfinity;
        var cs = line.Coordinates;
        for (var i = 1; i < cs.Length; i++)
        {
            var (ax, ay) = Local(p.X, p.Y, cs[i - 1].X, cs[i - 1].Y);
            var (bx, by) = Local(p.X, p.Y, cs[i].X, cs[i].Y);
            var dx = bx - ax; var dy = by - ay;
            var len2 = dx * dx + dy * dy;
            var t = len2 > 0 ? Math.Clamp((-ax * dx - ay * dy) / len2, 0, 1) : 0;
            var cx = ax + t * dx; var cy = ay + t * dy;
            best = Math.Min(best, Math.Sqrt(cx * cx + cy * cy));
        }
        return best;
    }

    /// <summary>Ground length (m) of a lon/lat line.</summary>
    public static double LengthM(LineString line)
    {
        var cs = line.Coordinates;
        double sum = 0;
        for (var i = 1; i < cs.Length; i++)
        {
            var (x, y) = Local(cs[i - 1].X, cs[i - 1].Y, cs[i].X, cs[i].Y);
            sum += Math.Sqrt(x * x + y * y);
        }
        return sum;
    }

    /// <summary>Ground area (m²) of a lon/lat polygon's shell, shoelace in a local plane at its first vertex.</summary>
    public static double AreaM2(Polygon p)
    {
        var cs = p.Shell.Coordinates;
        double s = 0;
        for (var i = 1; i < cs.Length; i++)
        {
            var (x0, y0) = Local(cs[0].X, cs[0].Y, cs[i - 1].X, cs[i - 1].Y);
            var (x1, y1) = Local(cs[0].X, cs[0].Y, cs[i].X, cs[i].Y);
            s += x0 * y1 - x1 * y0;
        }
        return Math.Abs(s) / 2;
    }
}
