using NetTopologySuite.Geometries;

namespace DxGeo.SampleTown.Internal.Geo;

/// <summary>Overlay results tidied into the shapes the layers want (valid polygons, no slivers).</summary>
internal static class Polygons
{
    /// <summary>The polygonal parts of <paramref name="g"/> with area ≥ <paramref name="minAreaM2"/>.</summary>
    public static List<Polygon> Parts(Geometry g, double minAreaM2 = 1)
    {
        var result = new List<Polygon>();
        for (var i = 0; i < g.NumGeometries; i++)
        {
            var part = g.GetGeometryN(i);
            if (part is Polygon p && !p.IsEmpty && p.Area >= minAreaM2) result.Add(p);
            else if (part is GeometryCollection gc && part != g) result.AddRange(Parts(gc, minAreaM2));
        }
        return result;
    }

    public static MultiPolygon? Multi(Geometry g, double minAreaM2 = 1)
    {
        var parts = Parts(g, minAreaM2);
        return parts.Count == 0 ? null : Polyline.Factory.CreateMultiPolygon(parts.ToArray());
    }

    /// <summary>The line parts of an intersection/difference result.</summary>
    public static List<LineString> Lines(Geometry g, double minLengthM = 0)
    {
        var result = new List<LineString>();
        for (var i = 0; i < g.NumGeometries; i++)
            if (g.GetGeometryN(i) is LineString l && !l.IsEmpty && l.Length >= minLengthM) result.Add(l);
        return result;
    }
}
