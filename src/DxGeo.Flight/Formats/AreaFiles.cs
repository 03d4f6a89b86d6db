using System.Globalization;
using System.Xml.Linq;
using DxGeo.Core.Assets;
using DxGeo.Core.Crs;
using DxGeo.Core.Errors;
using DxGeo.Core.Formats;
using NetTopologySuite.Geometries;

namespace DxGeo.Flight.Formats;

/// <summary>
/// Reads the area or corridor line to plan from a KML, GeoJSON or Shapefile (reprojected to EPSG:4326 when the
/// file declares another CRS). Several polygons become one MultiPolygon; a corridor needs exactly one line.
/// </summary>
public static class AreaFiles
{
    private static readonly GeometryFactory Wgs = new(new PrecisionModel(), Epsg.Wgs84);

    public static Geometry ReadPolygon(string path)
    {
        var polys = ReadAll(path).SelectMany(Parts).OfType<Polygon>().ToList();
        return polys.Count switch
        {
            0 => throw new InputDataException("no polygon found (the area must be a Polygon or MultiPolygon)", file: path),
            1 => polys[0],
            _ => Wgs.CreateMultiPolygon(polys.ToArray()),
        };
    }

    public static LineString ReadLine(string path)
    {
        var lines = ReadAll(path).SelectMany(Parts).OfType<LineString>().Where(l => l is not LinearRing).ToList();
        return lines.Count switch
        {
            0 => throw new InputDataException("no line found (the corridor must be a LineString)", file: path),
            1 => lines[0],
            _ => throw new InputDataException($"{lines.Count} lines found: give the corridor as one LineString", file: path),
        };
    }

    /// <summary>No-fly zones from a polygon file (id from a "zone_id"/"id"/"name" attribute, else the feature number).</summary>
    public static IReadOnlyList<NoFlyZone> ReadZones(string path)
    {
        if (!File.Exists(path)) throw new InputDataException("file not found", file: path);
        List<(string Id, string? Name, Geometry G)> raw;
        if (Path.GetExtension(path).Equals(".kml", StringComparison.OrdinalIgnoreCase))
            raw = ReadKml(path).Where(g => g is Polygon).Select((g, i) => ($"NF{i + 1}", (string?)null, g)).ToList();
        else
        {
            using var src = FeatureSources.Open(path);
            var tr = ToWgs84(src);
            raw = src.Read().Where(f => f.Geometry is Polygon or MultiPolygon).Select(f =>
            {
                string? Attr(string k) => f.Properties.TryGetValue(k, out var v) && v is not null ? v.ToString() : null;
                return (Attr("zone_id") ?? Attr("id") ?? $"NF{f.Index + 1}", Attr("name"), tr(f.Geometry!));
            }).ToList();
        }
        if (raw.Count == 0) throw new InputDataException("no polygon found for no-fly zones", file: path);
        return raw.Select(r => new NoFlyZone
        {
            ZoneId = r.Id, Name = r.Name,
            Geometry = r.G as MultiPolygon ?? Wgs.CreateMultiPolygon([(Polygon)r.G]),
        }).ToList();
    }

    /// <summary>Points of a file (id from an "id"/"name" attribute or the feature number), e.g. launch candidates.</summary>
    public static IReadOnlyList<(string Id, double LonDeg, double LatDeg)> ReadPoints(string path)
    {
        if (Path.GetExtension(path).Equals(".kml", StringComparison.OrdinalIgnoreCase))
            return ReadKml(path).OfType<Point>().Select((p, i) => ($"P{i + 1}", p.X, p.Y)).ToList();
        using var src = FeatureSources.Open(path);
        var tr = ToWgs84(src);
        return src.Read().Where(f => f.Geometry is Point).Select(f =>
        {
            var p = (Point)tr(f.Geometry!);
            var id = f.Properties.TryGetValue("id", out var v) && v is not null ? v.ToString()!
                : f.Properties.TryGetValue("name", out var n) && n is not null ? n.ToString()! : $"P{f.Index + 1}";
            return (id, p.X, p.Y);
        }).ToList();
    }

    private static IEnumerable<Geometry> ReadAll(string path)
    {
        if (!File.Exists(path)) throw new InputDataException("file not found", file: path);
        if (Path.GetExtension(path).Equals(".kml", StringComparison.OrdinalIgnoreCase)) return ReadKml(path);
        using var src = FeatureSources.Open(path);
        var tr = ToWgs84(src);
        return src.Read().Where(f => f.Geometry is not null).Select(f => tr(f.Geometry!)).ToList();
    }

    private static Func<Geometry, Geometry> ToWgs84(IFeatureSource src)
    {
        var epsg = src.DeclaredEpsg;
        if (epsg is null && src.UnidentifiedCrs is not null)
            throw new InputDataException($"unknown coordinate system: {src.UnidentifiedCrs}", file: src.Path);
        if (epsg is null or Epsg.Wgs84 or Epsg.Jgd2011 or Epsg.Jgd2000) return g => g; // lon/lat; JGD2011 ≈ WGS84 at survey scale
        var t = CrsRegistry.Default.CreateTransform(epsg.Value, Epsg.Wgs84);
        return g => t.Transform(g);
    }

    private static IEnumerable<Geometry> Parts(Geometry g)
    {
        for (var i = 0; i < g.NumGeometries; i++) yield return g.GetGeometryN(i);
    }

    /// <summary>KML Polygon (outer and inner boundaries), LineString and Point, inside any Placemark or MultiGeometry.</summary>
    private static List<Geometry> ReadKml(string path)
    {
        XDocument doc;
        try { doc = XDocument.Load(path); }
        catch (System.Xml.XmlException e) { throw new InputDataException($"not valid KML: {e.Message}", file: path, inner: e); }
        var result = new List<Geometry>();
        var index = 0;
        foreach (var el in doc.Descendants())
        {
            switch (el.Name.LocalName)
            {
                case "Polygon":
                    var outer = el.Elements().FirstOrDefault(e => e.Name.LocalName == "outerBoundaryIs");
                    if (outer is null) throw new InputDataException("Polygon without outerBoundaryIs", file: path, featureIndex: index);
                    var shell = Ring(Coords(outer, path, index), path, index);
                    var holes = el.Elements().Where(e => e.Name.LocalName == "innerBoundaryIs").Select(h => Ring(Coords(h, path, index), path, index)).ToArray();
                    result.Add(Wgs.CreatePolygon(shell, holes));
                    index++;
                    break;
                case "LineString":
                    result.Add(Wgs.CreateLineString(Coords(el, path, index)));
                    index++;
                    break;
                case "Point":
                    result.Add(Wgs.CreatePoint(Coords(el, path, index)[0]));
                    index++;
                    break;
            }
        }
        return result;
    }

    private static LinearRing Ring(Coordinate[] cs, string path, int index)
    {
        if (cs.Length > 0 && !cs[0].Equals2D(cs[^1])) cs = [.. cs, cs[0].Copy()];
        if (cs.Length < 4) throw new InputDataException($"a polygon ring needs at least 3 distinct points, got {cs.Length - 1}", file: path, featureIndex: index, field: "coordinates");
        return Wgs.CreateLinearRing(cs);
    }

    private static Coordinate[] Coords(XElement el, string path, int index)
    {
        var text = el.Descendants().FirstOrDefault(e => e.Name.LocalName == "coordinates")?.Value
                   ?? throw new InputDataException("geometry without coordinates", file: path, featureIndex: index, field: "coordinates");
        var list = new List<Coordinate>();
        foreach (var tuple in text.Split((char[])[' ', '\n', '\r', '\t'], StringSplitOptions.RemoveEmptyEntries))
        {
            var p = tuple.Split(',');
            if (p.Length < 2 || !double.TryParse(p[0], NumberStyles.Float, CultureInfo.InvariantCulture, out var x)
                             || !double.TryParse(p[1], NumberStyles.Float, CultureInfo.InvariantCulture, out var y))
                throw new InputDataException($"'{tuple}' is not lon,lat[,alt]", file: path, featureIndex: index, field: "coordinates");
            list.Add(new Coordinate(x, y));
        }
        if (list.Count == 0) throw new InputDataException("empty coordinates", file: path, featureIndex: index, field: "coordinates");
        return list.ToArray();
    }
}
