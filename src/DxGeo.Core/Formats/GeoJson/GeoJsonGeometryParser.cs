using System.Text.Json;
using NetTopologySuite.Geometries;

namespace DxGeo.Core.Formats.GeoJson;

/// <summary>Builds an NTS geometry from a GeoJSON geometry object (RFC 7946 §3.1), keeping x/y only.
/// Throws <see cref="FormatException"/> with a reason that the caller wraps with file and feature.</summary>
internal sealed class GeoJsonGeometryParser(GeometryFactory f)
{
    /// <summary>Set when a position had a third (Z) value, which the workspace does not keep.</summary>
    public bool DroppedZ { get; private set; }

    public Geometry? Parse(JsonElement e)
    {
        if (e.ValueKind == JsonValueKind.Null) return null;
        if (e.ValueKind != JsonValueKind.Object) throw new FormatException("geometry must be an object or null");
        var type = e.TryGetProperty("type", out var t) && t.ValueKind == JsonValueKind.String ? t.GetString()! : throw new FormatException("geometry has no \"type\"");
        if (type == "GeometryCollection")
        {
            if (!e.TryGetProperty("geometries", out var gs) || gs.ValueKind != JsonValueKind.Array)
                throw new FormatException("GeometryCollection has no \"geometries\" array");
            var parts = new List<Geometry>();
            foreach (var g in gs.EnumerateArray())
                parts.Add(Parse(g) ?? throw new FormatException("GeometryCollection member is null"));
            return f.CreateGeometryCollection(parts.ToArray());
        }
        if (!e.TryGetProperty("coordinates", out var c)) throw new FormatException($"{type} has no \"coordinates\"");
        return type switch
        {
            "Point" => f.CreatePoint(Position(c)),
            "MultiPoint" => f.CreateMultiPointFromCoords(Positions(c)),
            "LineString" => Line(c),
            "MultiLineString" => f.CreateMultiLineString(Map(c, x => Line(x))),
            "Polygon" => Polygon(c),
            "MultiPolygon" => f.CreateMultiPolygon(Map(c, x => Polygon(x))),
            _ => throw new FormatException($"unknown geometry type '{type}'"),
        };
    }

    private delegate T Build<out T>(JsonElement e);

    private static T[] Map<T>(JsonElement arr, Build<T> build)
    {
        if (arr.ValueKind != JsonValueKind.Array) throw new FormatException("coordinates must be an array");
        var result = new T[arr.GetArrayLength()];
        var i = 0;
        foreach (var x in arr.EnumerateArray()) result[i++] = build(x);
        return result;
    }

    private LineString Line(JsonElement c)
    {
        var pts = Positions(c);
        if (pts.Length < 2) throw new FormatException($"a LineString needs at least 2 positions, got {pts.Length}");
        return f.CreateLineString(pts);
    }

    private Polygon Polygon(JsonElement c)
    {
        var rings = Map(c, r =>
        {
            var pts = Positions(r);
            if (pts.Length < 4) throw new FormatException($"a polygon ring needs at least 4 positions, got {pts.Length}");
            if (!pts[0].Equals2D(pts[^1])) throw new FormatException("a polygon ring is not closed (first and last positions differ)");
            return f.CreateLinearRing(pts);
        });
        if (rings.Length == 0) return f.CreatePolygon();
        return f.CreatePolygon(rings[0], rings[1..]);
    }

    private Coordinate[] Positions(JsonElement c)
    {
        if (c.ValueKind != JsonValueKind.Array) throw new FormatException("coordinates must be an array of positions");
        var result = new Coordinate[c.GetArrayLength()];
        var i = 0;
        foreach (var p in c.EnumerateArray()) result[i++] = Position(p);
        return result;
    }

    private Coordinate Position(JsonElement p)
    {
        if (p.ValueKind != JsonValueKind.Array || p.GetArrayLength() < 2)
            throw new FormatException("a position must be an array [lon, lat]");
        var x = Number(p[0]);
        var y = Number(p[1]);
        if (p.GetArrayLength() > 2) DroppedZ = true;
        return new Coordinate(x, y);
    }

    private static double Number(JsonElement e) =>
        e.ValueKind == JsonValueKind.Number && e.TryGetDouble(out var d) && double.IsFinite(d)
            ? d : throw new FormatException($"coordinate {e.GetRawText()} is not a finite number");
}
