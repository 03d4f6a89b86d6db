using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using DxGeo.Core.Features;
using NetTopologySuite.Algorithm;
using NetTopologySuite.Geometries;

namespace DxGeo.Core.Formats.GeoJson;

/// <summary>
/// Writes an RFC 7946 FeatureCollection feature by feature (one feature per line): EPSG:4326 lon/lat, polygon
/// exteriors counter-clockwise and holes clockwise, Japanese text as UTF-8 (not \u escapes) so GDAL/QGIS and people
/// read it as is. Geometries must already be in EPSG:4326.
/// </summary>
public sealed class GeoJsonLayerWriter : IDisposable
{
    private static readonly JsonWriterOptions WriterOptions = new()
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, SkipValidation = false,
    };

    private readonly Stream _stream;
    private readonly LayerSchema _schema;
    private readonly int? _decimals;
    private readonly Utf8JsonWriter _json;
    private bool _first = true, _completed;

    /// <param name="coordinateDecimals">Round coordinates to this many decimals (7 ≈ 1 cm); null keeps full precision.</param>
    public GeoJsonLayerWriter(Stream stream, LayerSchema schema, int? coordinateDecimals = null)
    {
        _stream = stream;
        _schema = schema;
        _decimals = coordinateDecimals;
        _json = new Utf8JsonWriter(stream, WriterOptions);
        var name = JsonEncodedText.Encode(schema.Name, JavaScriptEncoder.UnsafeRelaxedJsonEscaping);
        Raw($"{{\"type\":\"FeatureCollection\",\"name\":\"{name}\",\"features\":[\n");
    }

    public long Count { get; private set; }

    public void Write(FeatureRecord r)
    {
        if (!_first) Raw(",\n");
        _first = false;
        _json.Reset(_stream);
        _json.WriteStartObject();
        _json.WriteString("type", "Feature");
        _json.WriteStartObject("properties");
        for (var i = 0; i < _schema.Fields.Count; i++)
        {
            _json.WritePropertyName(_schema.Fields[i].Name);
            WriteValue(i < r.Values.Length ? r.Values[i] : null);
        }
        _json.WriteEndObject();
        _json.WritePropertyName("geometry");
        if (r.Geometry is null || r.Geometry.IsEmpty) _json.WriteNullValue();
        else
        {
            if (r.Geometry.SRID is not (0 or 4326))
                throw new InvalidOperationException($"GeoJSON geometries must be EPSG:4326, got SRID {r.Geometry.SRID}");
            WriteGeometry(r.Geometry);
        }
        _json.WriteEndObject();
        _json.Flush();
        Count++;
    }

    /// <summary>Closes the collection. Without it the file is left incomplete (and so unreadable), which is deliberate on errors.</summary>
    public void Complete()
    {
        Raw("\n]}\n");
        _stream.Flush();
        _completed = true;
    }

    public bool Completed => _completed;

    private void Raw(string s)
    {
        _stream.Write(Encoding.UTF8.GetBytes(s));
    }

    private void WriteValue(object? v)
    {
        switch (v)
        {
            case null: _json.WriteNullValue(); break;
            case string s: _json.WriteStringValue(s); break;
            case bool b: _json.WriteBooleanValue(b); break;
            case long l: _json.WriteNumberValue(l); break;
            case int i: _json.WriteNumberValue(i); break;
            case double d when double.IsFinite(d): _json.WriteNumberValue(d); break;
            case double: _json.WriteNullValue(); break;
            case float f when float.IsFinite(f): _json.WriteNumberValue(f); break;
            case DateOnly d: _json.WriteStringValue(d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)); break;
            case DateTimeOffset t: _json.WriteStringValue(t.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'", CultureInfo.InvariantCulture)); break;
            case DateTime t: _json.WriteStringValue(t.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'", CultureInfo.InvariantCulture)); break;
            case IFormattable f: _json.WriteStringValue(f.ToString(null, CultureInfo.InvariantCulture)); break;
            default: _json.WriteStringValue(v.ToString()); break;
        }
    }

    private void WriteGeometry(Geometry g)
    {
        _json.WriteStartObject();
        _json.WriteString("type", g.GeometryType);
        if (g is GeometryCollection and not (MultiPoint or MultiLineString or MultiPolygon))
        {
            _json.WriteStartArray("geometries");
            for (var i = 0; i < g.NumGeometries; i++) WriteGeometry(g.GetGeometryN(i));
            _json.WriteEndArray();
        }
        else
        {
            _json.WritePropertyName("coordinates");
            WriteCoordinates(g);
        }
        _json.WriteEndObject();
    }

    private void WriteCoordinates(Geometry g)
    {
        switch (g)
        {
            case Point p: Position(p.CoordinateSequence, 0); break;
            case LineString l: Positions(l.CoordinateSequence, reverse: false); break;
            case Polygon p: PolygonRings(p); break;
            default:
                _json.WriteStartArray();
                for (var i = 0; i < g.NumGeometries; i++) WriteCoordinates(g.GetGeometryN(i));
                _json.WriteEndArray();
                break;
        }
    }

    private void PolygonRings(Polygon p)
    {
        _json.WriteStartArray();
        // RFC 7946 §3.1.6: exterior rings counter-clockwise, holes clockwise.
        Positions(p.ExteriorRing.CoordinateSequence, reverse: !Orientation.IsCCW(p.ExteriorRing.CoordinateSequence));
        foreach (var hole in p.InteriorRings)
            Positions(hole.CoordinateSequence, reverse: Orientation.IsCCW(hole.CoordinateSequence));
        _json.WriteEndArray();
    }

    private void Positions(CoordinateSequence s, bool reverse)
    {
        _json.WriteStartArray();
        for (var k = 0; k < s.Count; k++) Position(s, reverse ? s.Count - 1 - k : k);
        _json.WriteEndArray();
    }

    private void Position(CoordinateSequence s, int i)
    {
        _json.WriteStartArray();
        _json.WriteNumberValue(Round(s.GetX(i)));
        _json.WriteNumberValue(Round(s.GetY(i)));
        _json.WriteEndArray();
    }

    private double Round(double v) => _decimals is { } d ? Math.Round(v, d, MidpointRounding.AwayFromZero) : v;

    public void Dispose()
    {
        _json.Dispose();
        _stream.Dispose();
    }
}
