using DxGeo.Core.Features;
using DxGeo.Core.Workspace;
using DxGeo.Web.Internal;
using NetTopologySuite.Features;
using NetTopologySuite.Geometries;
using NetTopologySuite.IO.VectorTiles;
using NetTopologySuite.IO.VectorTiles.Mapbox;
using NetTopologySuite.Simplify;

namespace DxGeo.Web.Tiles.Internal;

/// <summary>
/// Encodes one Mapbox vector tile of a layer: the features whose box meets the tile (plus a small buffer, so lines
/// and outlines continue across tile edges), simplified to the tile's pixel size and clipped to the buffer so a
/// big polygon is not repeated whole in every tile. Features carry their fid, business id and the attributes the
/// web map styles by; the full attributes come from the items API.
/// </summary>
internal static class TileBuilder
{
    public const uint Extent = 4096;
    private const double BufferFraction = 64.0 / Extent;

    /// <summary>Attributes kept in tiles (when the layer has them): what the map styles, labels or filters by.</summary>
    private static readonly HashSet<string> StyleFields = new(StringComparer.OrdinalIgnoreCase)
    {
        "name", "material", "diameter_mm", "status", "risk_break_prob", "mlit_grade", "depth_class", "soil_class",
        "corrosivity", "reason", "kind", "road_class", "type", "bank", "river", "mesh_code", "feature_count", "length_m",
    };

    public static byte[] Build(IWorkspace ws, LayerInfo layer, int z, long x, long y)
    {
        var schema = layer.Schema;
        var bounds = TileMath.Bounds(z, x, y);
        var buffered = new Envelope(bounds);
        buffered.ExpandBy(bounds.Width * BufferFraction, bounds.Height * BufferFraction);
        var clip = new GeometryFactory(new PrecisionModel(), 4326).ToGeometry(buffered);
        // One tile pixel in degrees: simplifying below that changes nothing visible.
        var tolerance = Math.Min(bounds.Width, bounds.Height) / Extent;

        var keep = new List<(int Index, string Name)>();
        for (var i = 0; i < schema.Fields.Count; i++)
        {
            var f = schema.Fields[i];
            if (StyleFields.Contains(f.Name) || string.Equals(f.Name, schema.IdField, StringComparison.OrdinalIgnoreCase))
                keep.Add((i, f.Name));
        }

        var tileLayer = new Layer { Name = schema.Name };
        var query = new FeatureQuery { BoundingBox = LonLat.ToLayer(buffered, schema.Srid) };
        foreach (var r in ws.Read(schema.Name, query))
        {
            if (LonLat.ToLonLat(r.Geometry, schema.Srid) is not { IsEmpty: false } g) continue;
            g = Fit(g, buffered, clip, tolerance);
            if (g is null || g.IsEmpty) continue;
            var attrs = new AttributesTable { { "fid", r.Fid ?? 0 } };
            foreach (var (i, name) in keep)
                if (i < r.Values.Length && TileValue(r.Values[i]) is { } v) attrs.Add(name, v);
            tileLayer.Features.Add(new Feature(g, attrs));
        }

        var tile = new VectorTile { TileId = new NetTopologySuite.IO.VectorTiles.Tiles.Tile((int)x, (int)y, z).Id };
        if (tileLayer.Features.Count > 0) tile.Layers.Add(tileLayer);
        using var ms = new MemoryStream();
        // Sub-pixel lines and polygons are dropped by the writer (invisible at this zoom anyway).
        tile.Write(ms, MapboxTileWriter.DefaultMinLinealExtent, MapboxTileWriter.DefaultMinPolygonalExtent, Extent);
        return ms.ToArray();
    }

    private static Geometry? Fit(Geometry g, Envelope buffered, Geometry clip, double tolerance)
    {
        if (g is Point or MultiPoint) return g;
        var simplified = new DouglasPeuckerSimplifier(g) { DistanceTolerance = tolerance, EnsureValidTopology = false }.GetResultGeometry();
        if (simplified.IsEmpty) simplified = g;
        if (buffered.Contains(simplified.EnvelopeInternal)) return simplified;
        try
        {
            return simplified.Intersection(clip);
        }
        catch (TopologyException)
        {
            // A self-touching ring after simplification can defeat the overlay; draw it unclipped rather than drop it.
            return simplified;
        }
    }

    private static object? TileValue(object? v) => v switch
    {
        null => null,
        string or bool or long or double => v,
        int i => (long)i,
        DateOnly d => d.ToString("yyyy-MM-dd"),
        _ => v.ToString(),
    };
}
