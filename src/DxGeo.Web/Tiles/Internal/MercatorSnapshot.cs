using DxGeo.Core.Workspace;
using DxGeo.Web.Internal;
using NetTopologySuite.Geometries;
using NetTopologySuite.Index.Strtree;

namespace DxGeo.Web.Tiles.Internal;

/// <summary>
/// A layer held in memory for tiling: every geometry projected once to normalised web-mercator world coordinates
/// (x, y in 0..1, y down from the north, so a tile's units are a scale and a shift away), the attributes the tiles
/// carry already converted, and an STR-tree over the world boxes. A tile then costs a tree query and arithmetic
/// on the features it meets, instead of a store query, geometry decoding and reprojection per request.
/// Immutable once built, so any number of requests share it.
/// </summary>
internal sealed class MercatorSnapshot
{
    public enum Kind : byte { Point, Line, Polygon }

    /// <summary>One feature: parts as interleaved x,y world coordinates; for polygons, which parts are shells (holes follow their shell).</summary>
    public sealed record Feature(long Fid, Kind Kind, double[][] Parts, bool[]? IsShell, object?[] Values, Envelope World);

    private readonly STRtree<Feature> _tree = new();

    public string LayerName { get; }
    public IReadOnlyList<string> FieldNames { get; }
    public int Count { get; }

    public MercatorSnapshot(IWorkspace ws, LayerInfo layer, IReadOnlyList<(int Index, string Name)> fields)
    {
        LayerName = layer.Name;
        FieldNames = fields.Select(f => f.Name).ToList();
        var srid = layer.Schema.Srid;
        var n = 0;
        foreach (var r in ws.Read(layer.Name))
        {
            if (LonLat.ToLonLat(r.Geometry, srid) is not { IsEmpty: false } g) continue;
            var values = new object?[fields.Count];
            for (var i = 0; i < fields.Count; i++)
                if (fields[i].Index < r.Values.Length) values[i] = TileValue(r.Values[fields[i].Index]);
            if (ToWorld(g, r.Fid ?? 0, values) is not { } f) continue;
            _tree.Insert(f.World, f);
            n++;
        }
        _tree.Build();
        Count = n;
    }

    /// <summary>The features whose world box meets <paramref name="world"/>.</summary>
    public IList<Feature> Query(Envelope world) => Count == 0 ? [] : _tree.Query(world);

    public static double WorldX(double lonDeg) => (lonDeg + 180) / 360;

    public static double WorldY(double latDeg)
    {
        // Clamp to web mercator's ±85.0511° so poles do not go infinite.
        var lat = Math.Clamp(latDeg, -85.0511287798, 85.0511287798) * Math.PI / 180;
        return (1 - Math.Log(Math.Tan(lat) + 1 / Math.Cos(lat)) / Math.PI) / 2;
    }

    private static Feature? ToWorld(Geometry g, long fid, object?[] values)
    {
        var parts = new List<double[]>();
        List<bool>? shells = null;
        Kind kind;
        switch (g)
        {
            case Point or MultiPoint:
                kind = Kind.Point;
                parts.Add(Project(g.Coordinates));
                break;
            case LineString or MultiLineString:
                kind = Kind.Line;
                for (var i = 0; i < g.NumGeometries; i++) parts.Add(Project(g.GetGeometryN(i).Coordinates));
                break;
            case Polygon or MultiPolygon:
                kind = Kind.Polygon;
                shells = [];
                for (var i = 0; i < g.NumGeometries; i++)
                {
                    var p = (Polygon)g.GetGeometryN(i);
                    if (p.IsEmpty) continue;
                    parts.Add(Project(p.Shell.Coordinates));
                    shells.Add(true);
                    foreach (var h in p.Holes)
                    {
                        parts.Add(Project(h.Coordinates));
                        shells.Add(false);
                    }
                }
                break;
            default:
                // A geometry collection: one tile feature has one type, so its first member stands for it.
                return g.GetGeometryN(0) is { IsEmpty: false } first && g.NumGeometries > 0 ? ToWorld(first, fid, values) : null;
        }
        if (parts.Count == 0) return null;
        var env = new Envelope();
        foreach (var part in parts)
            for (var i = 0; i < part.Length; i += 2) env.ExpandToInclude(part[i], part[i + 1]);
        return new Feature(fid, kind, parts.ToArray(), shells?.ToArray(), values, env);
    }

    private static double[] Project(Coordinate[] cs)
    {
        var xy = new double[cs.Length * 2];
        for (var i = 0; i < cs.Length; i++)
        {
            xy[2 * i] = WorldX(cs[i].X);
            xy[2 * i + 1] = WorldY(cs[i].Y);
        }
        return xy;
    }

    private static object? TileValue(object? v) => v switch
    {
        null => null,
        string or bool or long or double => v,
        int i => (long)i,
        float f => (double)f,
        DateOnly d => d.ToString("yyyy-MM-dd"),
        DateTime t => t.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'"),
        _ => v.ToString(),
    };
}
