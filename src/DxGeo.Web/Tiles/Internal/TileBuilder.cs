using DxGeo.Core.Features;
using NetTopologySuite.Geometries;

namespace DxGeo.Web.Tiles.Internal;

/// <summary>
/// Encodes one Mapbox vector tile of a layer from its <see cref="MercatorSnapshot"/>: the features whose box meets
/// the tile plus a 64/4096 buffer (so lines and outlines continue across tile edges), clipped to the buffer so a big
/// polygon is not repeated whole in every tile, simplified to one tile unit (Douglas–Peucker, so the tolerance
/// follows the zoom) and rounded to the tile grid. Features smaller than a tile unit at this zoom are left out.
/// Features carry their fid, business id and the attributes the web map styles by; the full attributes come from
/// the items API.
/// </summary>
internal static class TileBuilder
{
    public const uint Extent = 4096;
    private const double Buffer = 64;
    private const double Tolerance = 1;

    /// <summary>Attributes kept in tiles (when the layer has them): what the map styles, labels or filters by.</summary>
    private static readonly HashSet<string> StyleFields = new(StringComparer.OrdinalIgnoreCase)
    {
        "name", "material", "diameter_mm", "status", "risk_break_prob", "risk_class", "mlit_grade", "depth_class", "soil_class",
        "corrosivity", "reason", "kind", "road_class", "type", "bank", "river", "mesh_code", "feature_count", "length_m",
        "score", "severity", "image_id", "damage_type", "file_name", "asset_id",
    };

    public static IReadOnlyList<(int Index, string Name)> TileFields(LayerSchema schema)
    {
        var keep = new List<(int, string)>();
        for (var i = 0; i < schema.Fields.Count; i++)
        {
            var f = schema.Fields[i];
            if (StyleFields.Contains(f.Name) || string.Equals(f.Name, schema.IdField, StringComparison.OrdinalIgnoreCase))
                keep.Add((i, f.Name));
        }
        return keep;
    }

    public static byte[] Build(MercatorSnapshot layer, int z, long x, long y)
    {
        var scale = (double)(1L << z) * Extent; // world units → tile units
        double ox = x * (double)Extent, oy = y * (double)Extent;
        var n = (double)(1L << z);
        var world = new Envelope(x / n, (x + 1) / n, y / n, (y + 1) / n);
        world.ExpandBy(Buffer / scale);
        double min = -Buffer, max = Extent + Buffer;

        var names = new List<string>(layer.FieldNames.Count + 1) { "fid" };
        names.AddRange(layer.FieldNames);
        var values = new object?[names.Count];
        var enc = new MvtEncoder(layer.LayerName, Extent);
        var tileXy = new List<double[]>();
        var ints = new List<int>();
        var ring = new List<int>();
        foreach (var f in layer.Query(world))
        {
            // Smaller than a tile unit: invisible at this zoom (a point is always drawn).
            if (f.Kind != MercatorSnapshot.Kind.Point && f.World.Width * scale < 1 && f.World.Height * scale < 1) continue;
            enc.BeginGeometry();
            uint type;
            switch (f.Kind)
            {
                case MercatorSnapshot.Kind.Point:
                    type = MvtEncoder.Point;
                    ints.Clear();
                    foreach (var part in f.Parts)
                        for (var i = 0; i < part.Length; i += 2)
                        {
                            double tx = part[i] * scale - ox, ty = part[i + 1] * scale - oy;
                            if (tx < min || tx > max || ty < min || ty > max) continue;
                            ints.Add((int)Math.Round(tx));
                            ints.Add((int)Math.Round(ty));
                        }
                    enc.AddPoints(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(ints));
                    break;
                case MercatorSnapshot.Kind.Line:
                    type = MvtEncoder.LineString;
                    tileXy.Clear();
                    foreach (var part in f.Parts) TileGeometry.ClipLine(ToTile(part, scale, ox, oy), min, max, tileXy);
                    foreach (var piece in tileXy)
                        if (TileGeometry.Quantize(piece, TileGeometry.Simplify(piece, Tolerance), ints) >= 4)
                            enc.AddLine(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(ints));
                    break;
                default:
                    type = MvtEncoder.Polygon;
                    AddPolygon(enc, f, scale, ox, oy, min, max, ring);
                    break;
            }
            if (!enc.HasGeometry) continue;
            values[0] = f.Fid;
            Array.Copy(f.Values, 0, values, 1, f.Values.Length);
            enc.EndFeature((ulong)Math.Max(0, f.Fid), type, names, values);
        }
        return enc.ToTile();
    }

    private static void AddPolygon(MvtEncoder enc, MercatorSnapshot.Feature f, double scale, double ox, double oy, double min, double max, List<int> ring)
    {
        var shellKept = false;
        for (var p = 0; p < f.Parts.Length; p++)
        {
            var isShell = f.IsShell![p];
            if (!isShell && !shellKept) continue; // the hole of a shell that left the tile
            var clipped = TileGeometry.ClipRing(ToTile(f.Parts[p], scale, ox, oy), min, max);
            var ok = clipped.Length >= 8 && TileGeometry.Quantize(clipped, TileGeometry.Simplify(clipped, Tolerance), ring) >= 8;
            if (ok)
            {
                // Quantize keeps the closing point; the encoder's ClosePath stands for it.
                var c = ring.Count;
                if (ring[0] == ring[c - 2] && ring[1] == ring[c - 1]) ring.RemoveRange(c - 2, 2);
                var span = System.Runtime.InteropServices.CollectionsMarshal.AsSpan(ring);
                var area = span.Length >= 6 ? TileGeometry.Area2(span) : 0;
                ok = area != 0;
                // Exterior rings wind with positive area in tile space (y down), holes negative (MVT spec 4.3.4.4).
                if (ok && (area > 0) != isShell) TileGeometry.ReversePoints(span);
                if (ok) enc.AddRing(span);
            }
            if (isShell) shellKept = ok;
        }
    }

    private static double[] ToTile(double[] world, double scale, double ox, double oy)
    {
        var t = new double[world.Length];
        for (var i = 0; i < world.Length; i += 2)
        {
            t[i] = world[i] * scale - ox;
            t[i + 1] = world[i + 1] * scale - oy;
        }
        return t;
    }
}
