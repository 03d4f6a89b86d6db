using System.Globalization;
using DxGeo.Core.Errors;
using DxGeo.Core.Features;
using NetTopologySuite.Geometries;

namespace DxGeo.Core.Assets.Layers;

/// <summary>Typed access to a record's values by field name, with errors that name the field and feature.</summary>
internal readonly struct RecordValues(LayerSchema schema, FeatureRecord record)
{
    private object? Raw(string field)
    {
        var i = schema.IndexOf(field);
        if (i < 0) throw new InvalidOperationException($"layer '{schema.Name}' has no field '{field}'");
        return i < record.Values.Length ? record.Values[i] : null;
    }

    private InputDataException Bad(string field, string reason) =>
        new(reason, featureIndex: record.Fid, featureId: IdOrNull(), field: field);

    private string? IdOrNull()
    {
        if (schema.IdField is null) return null;
        var i = schema.IndexOf(schema.IdField);
        return i >= 0 && i < record.Values.Length ? record.Values[i]?.ToString() : null;
    }

    public string? Text(string field) => Raw(field) switch
    {
        null => null,
        string s => s.Length == 0 ? null : s,
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        var o => o.ToString(),
    };

    public string RequiredText(string field) => Text(field) ?? throw Bad(field, "value is required");

    public long? Integer(string field)
    {
        var v = Raw(field);
        switch (v)
        {
            case null: return null;
            case long l: return l;
            case int i: return i;
            case double d when Math.Abs(d - Math.Round(d)) < 1e-9: return (long)Math.Round(d);
            case string s when s.Trim().Length == 0: return null;
            case string s when long.TryParse(s.Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var p): return p;
            case string s when double.TryParse(s.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var pd)
                               && Math.Abs(pd - Math.Round(pd)) < 1e-9: return (long)Math.Round(pd);
            default: throw Bad(field, $"'{v}' is not an integer");
        }
    }

    public double? Real(string field)
    {
        var v = Raw(field);
        switch (v)
        {
            case null: return null;
            case double d when double.IsFinite(d): return d;
            case double d: throw Bad(field, $"'{d}' is not a finite number");
            case long l: return l;
            case int i: return i;
            case float f: return f;
            case string s when s.Trim().Length == 0: return null;
            case string s when double.TryParse(s.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var p) && double.IsFinite(p): return p;
            default: throw Bad(field, $"'{v}' is not a number");
        }
    }

    public bool Boolean(string field) => Raw(field) switch
    {
        null => false,
        bool b => b,
        long l => l != 0,
        int i => i != 0,
        string s when s.Trim() is "1" or "true" or "True" or "TRUE" or "yes" => true,
        string s when s.Trim() is "" or "0" or "false" or "False" or "FALSE" or "no" => false,
        var o => throw Bad(field, $"'{o}' is not a boolean"),
    };

    public DateOnly? Date(string field)
    {
        var v = Raw(field);
        switch (v)
        {
            case null: return null;
            case DateOnly d: return d;
            case DateTime dt: return DateOnly.FromDateTime(dt);
            case DateTimeOffset dto: return DateOnly.FromDateTime(dto.UtcDateTime);
            case string s when s.Trim().Length == 0: return null;
            case string s when DateOnly.TryParseExact(s.Trim(), ["yyyy-MM-dd", "yyyy/MM/dd", "yyyyMMdd", "yyyy/M/d"],
                CultureInfo.InvariantCulture, DateTimeStyles.None, out var d): return d;
            case string s when DateTime.TryParse(s.Trim(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var dt2):
                return DateOnly.FromDateTime(dt2);
            default: throw Bad(field, $"'{v}' is not a date (expected YYYY-MM-DD)");
        }
    }

    public T Enum<T>(string field, T fallback) where T : struct, System.Enum
    {
        var t = Text(field);
        if (t is null) return fallback;
        try { return AssetCodes.Parse<T>(t, field); }
        catch (InputDataException e) { throw Bad(field, e.Reason); }
    }

    public T? NullableEnum<T>(string field) where T : struct, System.Enum
    {
        var t = Text(field);
        if (t is null) return null;
        try { return AssetCodes.Parse<T>(t, field); }
        catch (InputDataException e) { throw Bad(field, e.Reason); }
    }

    public TGeom Geometry<TGeom>() where TGeom : Geometry
    {
        var g = record.Geometry ?? throw Bad("geometry", "geometry is missing");
        if (g is TGeom t) return t;
        // Promote a single polygon to a multipolygon, as GIS tools do for polygon layers.
        if (typeof(TGeom) == typeof(MultiPolygon) && g is Polygon p)
            return (TGeom)(Geometry)p.Factory.CreateMultiPolygon([p]);
        if (typeof(TGeom) == typeof(LineString) && g is MultiLineString { NumGeometries: 1 } ml)
            return (TGeom)ml.GetGeometryN(0);
        if (typeof(TGeom) == typeof(Point) && g is MultiPoint { NumGeometries: 1 } mp)
            return (TGeom)mp.GetGeometryN(0);
        throw Bad("geometry", $"expected {typeof(TGeom).Name}, got {g.GeometryType}");
    }
}
