namespace DxGeo.Core.Crs.Internal;

/// <summary>WGS 84 / UTM zone for a lon/lat: 326zz north of the equator, 327zz south, with the Norway/Svalbard exceptions.</summary>
internal static class UtmZones
{
    public static int Zone(double lonDeg, double latDeg)
    {
        var lon = NormalizeLon(lonDeg);
        var zone = Math.Clamp((int)Math.Floor((lon + 180) / 6) + 1, 1, 60);
        if (latDeg is >= 56 and < 64 && lon is >= 3 and < 12) zone = 32; // south-west Norway
        if (latDeg is >= 72 and <= 84 && lon >= 0 && lon < 42) // Svalbard: 31, 33, 35, 37 only
            zone = lon < 9 ? 31 : lon < 21 ? 33 : lon < 33 ? 35 : 37;
        return zone;
    }

    public static int Epsg(double lonDeg, double latDeg) => (latDeg >= 0 ? 32600 : 32700) + Zone(lonDeg, latDeg);

    private static double NormalizeLon(double lonDeg)
    {
        var lon = (lonDeg + 180) % 360;
        if (lon < 0) lon += 360;
        return lon - 180;
    }
}
