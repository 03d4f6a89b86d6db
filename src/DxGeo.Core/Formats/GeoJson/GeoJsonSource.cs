using System.Text.Json;
using DxGeo.Core.Errors;
using NetTopologySuite;
using NetTopologySuite.Geometries;

namespace DxGeo.Core.Formats.GeoJson;

/// <summary>
/// Reads a GeoJSON FeatureCollection (or a single Feature) feature by feature from the file, never loading it whole.
/// Coordinates are EPSG:4326 lon/lat (RFC 7946) unless a legacy "crs" member names another EPSG code.
/// </summary>
public sealed class GeoJsonSource : IFeatureSource
{
    private readonly List<string> _warnings = [];
    private IReadOnlyList<string>? _fieldNames;

    public GeoJsonSource(string path)
    {
        Path = path;
        var (scanner, header) = Open();
        scanner.Dispose();
        DeclaredEpsg = header.Epsg;
        UnidentifiedCrs = header.CrsText;
    }

    public string Path { get; }
    public string FormatName => "GeoJSON";
    public int? DeclaredEpsg { get; }
    public string? UnidentifiedCrs { get; }
    public bool ValuesAreText => false;
    public IReadOnlyList<string> Warnings => _warnings;

    /// <summary>Property names in order of first appearance; GeoJSON has no header, so the first use scans the file.</summary>
    public IReadOnlyList<string> FieldNames => _fieldNames ??= ScanFieldNames();

    public IEnumerable<SourceFeature> Read()
    {
        var (scanner, header) = Open();
        using (scanner)
        {
            var parser = new GeoJsonGeometryParser(NtsGeometryServices.Instance.CreateGeometryFactory(DeclaredEpsg ?? 4326));
            if (header.Type == "Feature")
            {
                yield return SingleFeature(header, parser);
                if (parser.DroppedZ && !_warnings.Contains(ZWarning)) _warnings.Add(ZWarning);
                yield break;
            }
            if (header.Type is not (null or "FeatureCollection"))
                throw new InputDataException($"top-level type is '{header.Type}'; expected a FeatureCollection or a Feature", Path);
            if (!header.AtFeatures)
                throw new InputDataException("no \"features\" array (not a GeoJSON FeatureCollection)", Path);
            for (long index = 0; ; index++)
            {
                var f = Next(scanner, index, parser);
                if (f is null) break;
                yield return f;
            }
            if (parser.DroppedZ && !_warnings.Contains(ZWarning)) _warnings.Add(ZWarning);
            CheckTrailer(scanner);
        }
    }

    private const string ZWarning = "Z values were dropped (the workspace keeps x/y)";

    private SourceFeature? Next(JsonStreamScanner scanner, long index, GeoJsonGeometryParser parser)
    {
        ReadOnlyMemory<byte> bytes;
        try
        {
            bytes = scanner.ReadValue();
        }
        catch (JsonException e) { throw Syntax(e, index); }
        if (scanner.TokenType == JsonTokenType.EndArray) return null;
        if (scanner.TokenType != JsonTokenType.StartObject)
            throw new InputDataException("a feature must be a JSON object", Path, index);
        using var doc = JsonDocument.Parse(bytes);
        return ToFeature(doc.RootElement, index, parser);
    }

    private SourceFeature ToFeature(JsonElement e, long index, GeoJsonGeometryParser parser)
    {
        string? id = e.TryGetProperty("id", out var idEl) ? idEl.ValueKind switch
        {
            JsonValueKind.String => idEl.GetString(),
            JsonValueKind.Number => idEl.GetRawText(),
            _ => null,
        } : null;
        if (!e.TryGetProperty("type", out var t) || t.ValueKind != JsonValueKind.String || t.GetString() != "Feature")
            throw new InputDataException("expected an object with \"type\": \"Feature\"", Path, index, id);
        Geometry? geometry = null;
        if (e.TryGetProperty("geometry", out var g))
        {
            try { geometry = parser.Parse(g); }
            catch (FormatException x) { throw new InputDataException(x.Message, Path, index, id, "geometry"); }
            catch (ArgumentException x) { throw new InputDataException(x.Message, Path, index, id, "geometry"); }
        }
        var props = new Dictionary<string, object?>(StringComparer.Ordinal);
        if (e.TryGetProperty("properties", out var p) && p.ValueKind == JsonValueKind.Object)
            foreach (var prop in p.EnumerateObject())
                props[prop.Name] = Value(prop.Value);
        else if (p.ValueKind is not (JsonValueKind.Null or JsonValueKind.Undefined))
            throw new InputDataException("\"properties\" must be an object or null", Path, index, id);
        return new SourceFeature(index, geometry, props, id);
    }

    private static object? Value(JsonElement v) => v.ValueKind switch
    {
        JsonValueKind.String => v.GetString(),
        JsonValueKind.Number => v.TryGetInt64(out var l) ? (object)l : v.GetDouble(),
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        JsonValueKind.Null => null,
        _ => v.GetRawText(), // nested object/array: kept as its JSON text
    };

    private SourceFeature SingleFeature(Header h, GeoJsonGeometryParser parser)
    {
        using var ms = new MemoryStream();
        using (var w = new Utf8JsonWriter(ms))
        {
            w.WriteStartObject();
            w.WriteString("type", "Feature");
            foreach (var (name, raw) in h.SingleParts)
            {
                w.WritePropertyName(name);
                w.WriteRawValue(raw, skipInputValidation: true);
            }
            w.WriteEndObject();
        }
        using var doc = JsonDocument.Parse(ms.ToArray());
        return ToFeature(doc.RootElement, 0, parser);
    }

    private sealed class Header
    {
        public string? Type;
        public int? Epsg = 4326;
        public string? CrsText;
        public bool AtFeatures;
        public readonly List<(string Name, byte[] Raw)> SingleParts = [];
    }

    /// <summary>Opens the file and reads the top-level members up to the start of the "features" array.</summary>
    private (JsonStreamScanner, Header) Open()
    {
        FileStream fs;
        try { fs = new FileStream(Path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        { throw new InputDataException($"cannot read the file: {e.Message}", Path, inner: e); }
        var scanner = new JsonStreamScanner(fs);
        var h = new Header();
        try
        {
            if (!scanner.Read() || scanner.TokenType != JsonTokenType.StartObject)
                throw new InputDataException("the top level is not a JSON object (GeoJSON needs a FeatureCollection or a Feature)", Path);
            while (scanner.Read() && scanner.TokenType == JsonTokenType.PropertyName)
            {
                var name = scanner.Text!;
                if (name == "features")
                {
                    if (!scanner.Read() || scanner.TokenType != JsonTokenType.StartArray)
                        throw new InputDataException("\"features\" is not an array", Path);
                    h.AtFeatures = true;
                    break;
                }
                var raw = scanner.ReadValue();
                if (name == "type")
                    h.Type = JsonSerializer.Deserialize<JsonElement>(raw.Span) is { ValueKind: JsonValueKind.String } s ? s.GetString() : "(not a string)";
                else if (name == "crs")
                {
                    using var doc = JsonDocument.Parse(raw);
                    h.Epsg = GeoJsonCrsMember.Parse(doc.RootElement, out h.CrsText);
                }
                else if (name is "geometry" or "properties" or "id")
                    h.SingleParts.Add((name, raw.ToArray()));
            }
            return (scanner, h);
        }
        catch (JsonException e)
        {
            scanner.Dispose();
            throw Syntax(e, null);
        }
        catch
        {
            scanner.Dispose();
            throw;
        }
    }

    /// <summary>Members after the features array: a "crs" there would change the meaning of coordinates already read.</summary>
    private void CheckTrailer(JsonStreamScanner scanner)
    {
        try
        {
            while (scanner.Read() && scanner.TokenType == JsonTokenType.PropertyName)
            {
                var name = scanner.Text;
                var raw = scanner.ReadValue();
                if (name != "crs") continue;
                using var doc = JsonDocument.Parse(raw);
                if (GeoJsonCrsMember.Parse(doc.RootElement, out _) != DeclaredEpsg)
                    throw new InputDataException("the \"crs\" member comes after \"features\"; move it before them", Path);
            }
        }
        catch (JsonException e) { throw Syntax(e, null); }
    }

    private IReadOnlyList<string> ScanFieldNames()
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var names = new List<string>();
        foreach (var f in Read())
            foreach (var k in f.Properties.Keys)
                if (seen.Add(k)) names.Add(k);
        return names;
    }

    private InputDataException Syntax(JsonException e, long? index)
    {
        var reason = e.Message;
        var cut = reason.IndexOf(" LineNumber:", StringComparison.Ordinal);
        if (cut > 0) reason = reason[..cut];
        var at = e.LineNumber is { } line ? $" at line {line + 1}, byte {e.BytePositionInLine + 1} of the line" : "";
        return new InputDataException($"broken JSON{at}: {reason.Trim()}", Path, index, inner: e);
    }

    public void Dispose() { }
}
