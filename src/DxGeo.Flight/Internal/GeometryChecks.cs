using DxGeo.Core.Errors;
using NetTopologySuite.Geometries;
using NetTopologySuite.Operation.Valid;

namespace DxGeo.Flight.Internal;

/// <summary>Input geometry checks with messages that say what is wrong and where.</summary>
internal static class GeometryChecks
{
    public static void ValidPolygonal(Geometry g, string what)
    {
        if (g is not (Polygon or MultiPolygon) || g.IsEmpty)
            throw new DxGeoException($"{what} must be a non-empty Polygon or MultiPolygon (got {g.GeometryType})");
        var op = new IsValidOp(g);
        if (!op.IsValid)
        {
            var err = op.ValidationError;
            throw new DxGeoException($"{what} is not a valid polygon: {err.Message} at ({err.Coordinate.X:0.######}, {err.Coordinate.Y:0.######})");
        }
        if (g.Area <= 0) throw new DxGeoException($"{what} has zero area");
    }

    public static void UsableLine(LineString line, string what)
    {
        if (line.IsEmpty || line.NumPoints < 2)
            throw new DxGeoException($"{what} needs at least two points");
        foreach (var c in line.Coordinates)
            if (!double.IsFinite(c.X) || !double.IsFinite(c.Y))
                throw new DxGeoException($"{what} has a non-finite coordinate");
        if (line.Length <= 1e-6)
            throw new DxGeoException($"{what} has zero length: its points all coincide");
    }

    /// <summary>The polygonal part of an overlay result (drops stray lines and points).</summary>
    public static Geometry Polygonal(Geometry g, GeometryFactory f)
    {
        var polys = new List<Polygon>();
        for (var i = 0; i < g.NumGeometries; i++)
            if (g.GetGeometryN(i) is Polygon p && !p.IsEmpty && p.Area > 1e-9) polys.Add(p);
            else if (g.GetGeometryN(i) is MultiPolygon mp)
                for (var k = 0; k < mp.NumGeometries; k++) if (mp.GetGeometryN(k) is Polygon q && q.Area > 1e-9) polys.Add(q);
        return polys.Count switch { 0 => f.CreatePolygon(), 1 => polys[0], _ => f.CreateMultiPolygon(polys.ToArray()) };
    }
}
