using DxGeo.Core.Crs;
using NetTopologySuite.Geometries;

namespace DxGeo.Web.Internal;

/// <summary>
/// The web speaks lon/lat (OGC CRS84, x = lon); workspace layers are stored in EPSG:4326 too, but a user layer may
/// carry another CRS, so geometries and query boxes go through the CRS registry when they differ.
/// </summary>
internal static class LonLat
{
    public static bool IsLonLat(int srid) => srid is 0 or Epsg.Wgs84 or Epsg.Jgd2011 or Epsg.Jgd2000;

    public static Geometry? ToLonLat(Geometry? g, int layerSrid) =>
        g is null || g.IsEmpty || IsLonLat(layerSrid) ? g : CrsRegistry.Default.CreateTransform(layerSrid, Epsg.Wgs84).Transform(g);

    /// <summary>A lon/lat box as a box in the layer's CRS (the envelope of the transformed outline, densified so curved edges are covered).</summary>
    public static Envelope ToLayer(Envelope lonLat, int layerSrid)
    {
        if (IsLonLat(layerSrid)) return lonLat;
        var t = CrsRegistry.Default.CreateTransform(Epsg.Wgs84, layerSrid);
        var env = new Envelope();
        const int steps = 8;
        for (var i = 0; i <= steps; i++)
        {
            var fx = lonLat.MinX + lonLat.Width * i / steps;
            var fy = lonLat.MinY + lonLat.Height * i / steps;
            foreach (var (x, y) in new[] { (fx, lonLat.MinY), (fx, lonLat.MaxY), (lonLat.MinX, fy), (lonLat.MaxX, fy) })
            {
                var p = t.Transform(x, y);
                env.ExpandToInclude(p.X, p.Y);
            }
        }
        return env;
    }

    /// <summary>A layer-CRS extent as lon/lat.</summary>
    public static Envelope? ExtentToLonLat(Envelope? extent, int layerSrid)
    {
        if (extent is null || extent.IsNull || IsLonLat(layerSrid)) return extent;
        var t = CrsRegistry.Default.CreateTransform(layerSrid, Epsg.Wgs84);
        var env = new Envelope();
        foreach (var (x, y) in new[] { (extent.MinX, extent.MinY), (extent.MinX, extent.MaxY), (extent.MaxX, extent.MinY), (extent.MaxX, extent.MaxY) })
        {
            var p = t.Transform(x, y);
            env.ExpandToInclude(p.X, p.Y);
        }
        return env;
    }
}
