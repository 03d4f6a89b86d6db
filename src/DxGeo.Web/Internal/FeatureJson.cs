using System.Globalization;
using System.Text.Json;
using DxGeo.Core.Features;
using NetTopologySuite.Algorithm;
using NetTopologySuite.Geometries;

namespace DxGeo.Web.Internal;

/// <summary>Writes GeoJSON (RFC 7946) features with a Utf8JsonWriter, so item pages stream instead of being built in memory.</summary>
internal static class FeatureJson
{
    public static void WriteFeature(Utf8JsonWriter w, LayerSchema schema, FeatureRecord r, string? selfHref = null)
    {
        w.WriteStartObject();
        w.WriteString("type", "Feature");
        if (r.Fid is { } fid) w.WriteNumber("id", fid);
        w.WritePropertyName("geometry");
        var g = LonLat.ToLonLat(r.Geometry, schema.Srid);
        if (g is null || g.IsEmpty) w.WriteNullValue();
        else WriteGeometry(w, g);
        w.WriteStartObject("properties");
        for (var i = 0; i < schema.Fields.Count; i++)
        {
            w.WritePropertyName(schema.Fields[i].Name);
            WriteValue(w, i < r.Values.Length ? r.Values[i] : null);
        }
        w.WriteEndObject();
        if (selfHref is not null)
        {
            w.WriteStartArray("links");
            Links.Write(w, selfHref, "self", "application/geo+json", null);
            w.WriteEndArray();
        }
        w.WriteEndObject();
    }

    public static void WriteValue(Utf8JsonWriter w, object? v)
    {
        switch (v)
        {
            case null: w.WriteNullValue(); break;
            case string s: w.WriteStringValue(s); break;
            case bool b: w.WriteBooleanValue(b); break;
            case long l: w.WriteNumberValue(l); break;
            case int i: w.WriteNumberValue(i); break;
            case double d when double.IsFinite(d): w.WriteNumberValue(d); break;
            case double: w.WriteNullValue(); break;
            case DateOnly d: w.WriteStringValue(d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)); break;
            case DateTimeOffset t: w.WriteStringValue(t.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'", CultureInfo.InvariantCulture)); break;
            case IFormattable f: w.WriteStringValue(f.ToString(null, CultureInfo.InvariantCulture)); break;
            default: w.WriteStringValue(v.ToString()); break;
        }
    }

    public static void WriteGeometry(Utf8JsonWriter w, Geometry g)
    {
        w.WriteStartObject();
        w.WriteString("type", g.GeometryType);
        if (g is GeometryCollection and not (MultiPoint or MultiLineString or MultiPolygon))
        {
            w.WriteStartArray("geometries");
            for (var i = 0; i < g.NumGeometries; i++) WriteGeometry(w, g.GetGeometryN(i));
            w.WriteEndArray();
        }
        else
        {
            w.WritePropertyName("coordinates");
            Coordinates(w, g);
        }
        w.WriteEndObject();
    }

    private static void Coordinates(Utf8JsonWriter w, Geometry g)
    {
        switch (g)
        {
            case Point p: Position(w, p.CoordinateSequence, 0); break;
            case LineString l: Positions(w, l.CoordinateSequence, false); break;
            case Polygon p:
                w.WriteStartArray();
                // RFC 7946 §3.1.6: exterior rings counter-clockwise, holes clockwise.
                Positions(w, p.ExteriorRing.CoordinateSequence, !Orientation.IsCCW(p.ExteriorRing.CoordinateSequence));
                foreach (var hole in p.InteriorRings) Positions(w, hole.CoordinateSequence, Orientation.IsCCW(hole.CoordinateSequence));
                w.WriteEndArray();
                break;
            default:
                w.WriteStartArray();
                for (var i = 0; i < g.NumGeometries; i++) Coordinates(w, g.GetGeometryN(i));
                w.WriteEndArray();
                break;
        }
    }

    private static void Positions(Utf8JsonWriter w, CoordinateSequence s, bool reverse)
    {
        w.WriteStartArray();
        for (var k = 0; k < s.Count; k++) Position(w, s, reverse ? s.Count - 1 - k : k);
        w.WriteEndArray();
    }

    private static void Position(Utf8JsonWriter w, CoordinateSequence s, int i)
    {
        w.WriteStartArray();
        w.WriteNumberValue(s.GetX(i));
        w.WriteNumberValue(s.GetY(i));
        w.WriteEndArray();
    }
}
