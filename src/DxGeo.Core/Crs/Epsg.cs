namespace DxGeo.Core.Crs;

/// <summary>EPSG codes DxGeo ships definitions for (see Crs/Data/epsg.wkt.txt).</summary>
public static class Epsg
{
    /// <summary>WGS 84 lon/lat (degrees). The workspace's storage CRS.</summary>
    public const int Wgs84 = 4326;
    /// <summary>WGS 84 / Pseudo-Mercator (metres on the sphere; web maps only, not for measurement).</summary>
    public const int WebMercator = 3857;
    /// <summary>JGD2011 lon/lat.</summary>
    public const int Jgd2011 = 6668;
    /// <summary>JGD2011 plane rectangular zone I (6669) … XIX (6687).</summary>
    public const int Jgd2011ZoneI = 6669;
    public const int Jgd2011ZoneXIX = 6687;
    /// <summary>JGD2000 lon/lat.</summary>
    public const int Jgd2000 = 4612;
    /// <summary>JGD2000 plane rectangular zone I (2443) … XIX (2461).</summary>
    public const int Jgd2000ZoneI = 2443;
    public const int Jgd2000ZoneXIX = 2461;
    /// <summary>WGS 84 / UTM zones 51N–56N (32651–32656) cover Japan.</summary>
    public const int Utm51N = 32651;
    public const int Utm56N = 32656;

    public static int Jgd2011Zone(int zone) => zone is >= 1 and <= 19
        ? Jgd2011ZoneI + zone - 1 : throw new ArgumentOutOfRangeException(nameof(zone), "JGD2011 plane rectangular zones are I–XIX");

    public static int Jgd2000Zone(int zone) => zone is >= 1 and <= 19
        ? Jgd2000ZoneI + zone - 1 : throw new ArgumentOutOfRangeException(nameof(zone), "JGD2000 plane rectangular zones are I–XIX");

    /// <summary>WGS 84 / UTM zone 1–60, north (326zz) or south (327zz); all 120 are shipped.</summary>
    public static int WgsUtm(int zone, bool north = true) => zone is >= 1 and <= 60
        ? (north ? 32600 : 32700) + zone : throw new ArgumentOutOfRangeException(nameof(zone), "UTM zones are 1–60");

    /// <summary>The JGD2011 plane rectangular zone number (1–19) of an EPSG code, or null if it is not one.</summary>
    public static int? Jgd2011ZoneOf(int epsg) => epsg is >= Jgd2011ZoneI and <= Jgd2011ZoneXIX ? epsg - Jgd2011ZoneI + 1 : null;
}
