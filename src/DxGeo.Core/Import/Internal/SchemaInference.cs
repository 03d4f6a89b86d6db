using System.Globalization;
using DxGeo.Core.Features;
using DxGeo.Core.Formats;
using NetTopologySuite.Geometries;

namespace DxGeo.Core.Import.Internal;

/// <summary>
/// The schema of a new user layer, from one pass over the source: each column's type is the narrowest that holds
/// every value (Integer ⊂ Real ⊂ Text; Date, Boolean), recognising numbers and dates in text for CSV; the geometry
/// type is the common type of all geometries (Polygon + MultiPolygon → MultiPolygon; mixed kinds → Geometry).
/// </summary>
internal static class SchemaInference
{
    private static readonly string[] Reserved = ["fid", "geom"];

    [Flags]
    private enum Kinds { None = 0, Integer = 1, Real = 2, Text = 4, Date = 8, Boolean = 16, DateTime = 32 }

    /// <returns>The schema and, aligned with its fields, the source column each comes from (names may differ: 'fid' → 'src_fid').</returns>
    public static (LayerSchema Schema, IReadOnlyList<string> Columns) Infer(IFeatureSource source, string layerName, IProgress<(long, long?, string)>? progress)
    {
        var kinds = new Dictionary<string, Kinds>(StringComparer.Ordinal);
        var order = new List<string>();
        string? geomType = null;
        var mixed = false;
        long n = 0;
        foreach (var f in source.Read())
        {
            foreach (var (name, value) in f.Properties)
            {
                if (!kinds.TryGetValue(name, out var k)) order.Add(name);
                kinds[name] = k | KindOf(value, source.ValuesAreText);
            }
            if (f.Geometry is { } g)
            {
                var t = Family(g);
                if (geomType is null) geomType = t;
                else if (geomType != t) mixed = MergeFamilies(ref geomType, t) || mixed;
            }
            if (++n % 10_000 == 0) progress?.Report((n, null, "scanning columns"));
        }
        var fields = new List<FieldDefinition>();
        var used = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var name in order)
        {
            var stored = name;
            if (Reserved.Contains(stored, StringComparer.OrdinalIgnoreCase)) stored = "src_" + stored;
            for (var i = 2; !used.Add(stored); i++) stored = $"{name}_{i}";
            fields.Add(new FieldDefinition(stored, TypeOf(kinds[name]), Description: stored == name ? null : $"source column '{name}'"));
        }
        var schema = new LayerSchema
        {
            Name = layerName,
            GeometryType = geomType is null ? LayerGeometryType.None : mixed ? LayerGeometryType.Geometry : Enum.Parse<LayerGeometryType>(geomType),
            Fields = fields,
            Title = layerName,
            Description = $"imported from {Path.GetFileName(source.Path)}",
        };
        return (schema, order);
    }

    private static string Family(Geometry g) => g switch
    {
        Point => "Point", LineString => "LineString", Polygon => "Polygon",
        MultiPoint => "MultiPoint", MultiLineString => "MultiLineString", MultiPolygon => "MultiPolygon",
        _ => "Geometry",
    };

    /// <summary>Single and multi of the same kind merge to the multi; returns true when the kinds differ.</summary>
    private static bool MergeFamilies(ref string? current, string next)
    {
        var a = current!.Replace("Multi", "");
        var b = next.Replace("Multi", "");
        if (a == b && a != "Geometry") { current = "Multi" + a; return false; }
        return true;
    }

    private static Kinds KindOf(object? v, bool text) => v switch
    {
        null => Kinds.None,
        long => Kinds.Integer,
        double => Kinds.Real,
        bool => Kinds.Boolean,
        DateOnly => Kinds.Date,
        DateTime or DateTimeOffset => Kinds.DateTime,
        string s when text => KindOfText(s.Trim()),
        string s => IsDate(s) ? Kinds.Date : Kinds.Text, // GeoJSON has no date type: GDAL writes dates as "1995-10-20"
        _ => Kinds.Text,
    };

    private static Kinds KindOfText(string s)
    {
        if (s.Length == 0) return Kinds.None;
        // Leading zeros (postal codes, ids like 0012) must stay text.
        if (long.TryParse(s, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out _) && !(s.Length > 1 && s[0] == '0')) return Kinds.Integer;
        if (double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) && double.IsFinite(d) && !(s.Length > 1 && s[0] == '0' && s[1] != '.')) return Kinds.Real;
        return IsDate(s) ? Kinds.Date : Kinds.Text;
    }

    /// <summary>Only full, unambiguous forms (2024-04-01, 2024/04/01 as GDAL's CSV writes): anything else stays text.</summary>
    private static bool IsDate(string s) =>
        DateOnly.TryParseExact(s, ["yyyy-MM-dd", "yyyy/MM/dd"], CultureInfo.InvariantCulture, DateTimeStyles.None, out _);

    private static FieldType TypeOf(Kinds k) => k switch
    {
        Kinds.None => FieldType.Text,
        Kinds.Integer => FieldType.Integer,
        Kinds.Real or (Kinds.Integer | Kinds.Real) => FieldType.Real,
        Kinds.Date => FieldType.Date,
        Kinds.DateTime or (Kinds.Date | Kinds.DateTime) => FieldType.DateTime,
        Kinds.Boolean => FieldType.Boolean,
        _ => FieldType.Text,
    };
}
