using NetTopologySuite.Geometries;

namespace DxGeo.Web.Tiles.Internal;

/// <summary>XYZ (web mercator, y down from the north) tile bounds in lon/lat.</summary>
internal static class TileMath
{
    public const int MaxZoom = 22;

    public static bool IsValid(int z, long x, long y) => z is >= 0 and <= MaxZoom && x >= 0 && y >= 0 && x < (1L << z) && y < (1L << z);

    public static Envelope Bounds(int z, long x, long y)
    {
        var n = (double)(1L << z);
        return new Envelope(x / n * 360 - 180, (x + 1) / n * 360 - 180, Lat(y + 1, n), Lat(y, n));
    }

    private static double Lat(double y, double n) => Math.Atan(Math.Sinh(Math.PI * (1 - 2 * y / n))) * 180 / Math.PI;
}
