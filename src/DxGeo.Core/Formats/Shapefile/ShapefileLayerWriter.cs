using System.Globalization;
using System.Text;
using DxGeo.Core.Crs;
using DxGeo.Core.Errors;
using DxGeo.Core.Features;
using NetTopologySuite.Geometries;
using NetTopologySuite.IO.Esri;
using NetTopologySuite.IO.Esri.Dbf.Fields;
using NetTopologySuite.IO.Esri.Shapefiles.Writers;

namespace DxGeo.Core.Formats.Shapefile;

/// <summary>
/// Writes a layer as an Esri shapefile: .shp/.shx/.dbf, a .prj (the EPSG WKT, trimmed: GDAL reads an untrimmed one as
/// an unknown SRS) and a .cpg naming the .dbf encoding (UTF-8 or CP932). Reads the features twice: first to size text
/// columns to their longest value and to find the geometry type of mixed layers, then to write.
/// </summary>
public static class ShapefileLayerWriter
{
    private const int MaxTextBytes = 254;

    public static ShapefileWriteResult Write(string path, LayerSchema schema, Func<IEnumerable<FeatureRecord>> features, int epsg, Encoding encoding)
    {
        var warnings = new List<string>();
        if (schema.GeometryType == LayerGeometryType.None)
            throw new DxGeoException($"layer '{schema.Name}' has no geometry: a shapefile needs one (export it as .csv)");
        var names = DbfFieldNames.Map(schema.Fields.Select(f => f.Name).ToList(), encoding);
        var (shapeType, widths) = Survey(schema, features(), encoding);
        var dbfFields = new DbfField[schema.Fields.Count];
        for (var i = 0; i < dbfFields.Length; i++)
            dbfFields[i] = schema.Fields[i].Type switch
            {
                FieldType.Integer => new DbfNumericInt64Field(names[i], 18), // 19 digits reads as Real in GDAL
                FieldType.Real => new DbfNumericDoubleField(names[i]),
                FieldType.Date => new DbfDateField(names[i]),
                FieldType.Boolean => new DbfLogicalField(names[i]),
                FieldType.DateTime => new DbfCharacterField(names[i], 24),
                _ => new DbfCharacterField(names[i], Math.Clamp(widths[i], 1, MaxTextBytes)),
            };
        var options = new ShapefileWriterOptions(shapeType, dbfFields)
        {
            Encoding = encoding,
            Projection = CrsRegistry.Default.GetWkt(epsg).Trim(),
        };
        long count = 0, truncated = 0;
        try
        {
            using (var writer = NetTopologySuite.IO.Esri.Shapefile.OpenWrite(path, options))
            {
                foreach (var r in features())
                {
                    writer.Geometry = r.Geometry ?? throw new DxGeoException($"layer '{schema.Name}' fid {r.Fid}: a feature without geometry cannot be written to a shapefile");
                    for (var i = 0; i < dbfFields.Length; i++)
                        writer.Fields[i].Value = DbfValue(schema.Fields[i].Type, i < r.Values.Length ? r.Values[i] : null, encoding, ref truncated);
                    writer.Write();
                    count++;
                }
            }
            // The .cpg is what GDAL and QGIS trust for the encoding; write the name they understand.
            File.WriteAllText(Path.ChangeExtension(path, ".cpg"), TextEncodings.CpgName(encoding), Encoding.ASCII);
        }
        catch
        {
            foreach (var ext in new[] { ".shp", ".shx", ".dbf", ".prj", ".cpg" })
                File.Delete(Path.ChangeExtension(path, ext));
            throw;
        }
        if (truncated > 0) warnings.Add($"{truncated} text value(s) longer than {MaxTextBytes} bytes were cut (a .dbf limit)");
        var renamed = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < names.Count; i++)
            if (names[i] != schema.Fields[i].Name) renamed[schema.Fields[i].Name] = names[i];
        return new ShapefileWriteResult(count, renamed, warnings);
    }

    private static (ShapeType, int[]) Survey(LayerSchema schema, IEnumerable<FeatureRecord> features, Encoding encoding)
    {
        var widths = new int[schema.Fields.Count];
        ShapeType? shape = schema.GeometryType switch
        {
            LayerGeometryType.Point => ShapeType.Point,
            LayerGeometryType.MultiPoint => ShapeType.MultiPoint,
            LayerGeometryType.LineString or LayerGeometryType.MultiLineString => ShapeType.PolyLine,
            LayerGeometryType.Polygon or LayerGeometryType.MultiPolygon => ShapeType.Polygon,
            _ => null,
        };
        var fixedShape = shape is not null;
        foreach (var r in features)
        {
            for (var i = 0; i < widths.Length; i++)
                if (schema.Fields[i].Type == FieldType.Text && i < r.Values.Length && r.Values[i] is { } v)
                    widths[i] = Math.Max(widths[i], Math.Min(MaxTextBytes, encoding.GetByteCount(Text(v))));
            if (fixedShape || r.Geometry is null) continue;
            var s = ShapeOf(r.Geometry);
            if (shape is null) shape = s;
            else if (shape != s)
                throw new DxGeoException($"layer '{schema.Name}' mixes {shape} and {s} geometries, which one shapefile cannot hold: export it as .gpkg or .geojson");
        }
        return (shape ?? ShapeType.Point, widths);
    }

    private static ShapeType ShapeOf(Geometry g) => g switch
    {
        Point => ShapeType.Point,
        MultiPoint => ShapeType.MultiPoint,
        LineString or MultiLineString => ShapeType.PolyLine,
        Polygon or MultiPolygon => ShapeType.Polygon,
        _ => throw new DxGeoException($"a {g.GeometryType} cannot be written to a shapefile"),
    };

    private static string Text(object v) => v switch
    {
        string s => s,
        DateTimeOffset t => t.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => v.ToString() ?? "",
    };

    private static object? DbfValue(FieldType type, object? v, Encoding encoding, ref long truncated)
    {
        if (v is null) return null;
        switch (type)
        {
            case FieldType.Integer: return Convert.ToInt64(v, CultureInfo.InvariantCulture);
            case FieldType.Real: return Convert.ToDouble(v, CultureInfo.InvariantCulture);
            case FieldType.Boolean: return v is bool b ? b : Convert.ToBoolean(v, CultureInfo.InvariantCulture);
            case FieldType.Date: return v is DateOnly d ? d.ToDateTime(TimeOnly.MinValue) : v;
            default:
                var s = Text(v);
                if (encoding.GetByteCount(s) <= MaxTextBytes) return s;
                truncated++;
                return DbfFieldNames.Cut(s, MaxTextBytes, encoding);
        }
    }
}
