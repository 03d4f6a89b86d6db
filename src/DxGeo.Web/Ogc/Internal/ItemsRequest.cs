using System.Globalization;
using DxGeo.Core.Features;
using DxGeo.Core.Workspace;
using DxGeo.Web.Internal;
using Microsoft.Extensions.Primitives;
using NetTopologySuite.Geometries;

namespace DxGeo.Web.Ogc.Internal;

/// <summary>
/// The query of <c>/collections/{id}/items</c> parsed and checked: limit (clamped to the server maximum), offset,
/// bbox (CRS84), datetime (instant or interval with ".." open ends) and equality filters on simple attributes.
/// Anything else is refused with a 400 that says what was wrong (OGC API Features /req/core/query-param-invalid and -unknown).
/// </summary>
internal sealed record ItemsRequest(int Limit, long Offset, Envelope? BboxLonLat, DateTimeOffset? From, DateTimeOffset? To,
    IReadOnlyDictionary<string, object?> Filters)
{
    private static readonly HashSet<string> Reserved = ["limit", "offset", "bbox", "bbox-crs", "datetime", "f"];
    private const string Crs84 = "http://www.opengis.net/def/crs/OGC/1.3/CRS84";

    public static ItemsRequest Parse(IQueryCollection q, LayerSchema schema, WebServerOptions options)
    {
        var limit = options.DefaultLimit;
        if (Single(q, "limit") is { } ls)
        {
            if (!long.TryParse(ls, NumberStyles.Integer, CultureInfo.InvariantCulture, out var l) || l < 1)
                throw ProblemException.BadRequest($"limit '{ls}' is not a whole number ≥ 1");
            limit = (int)Math.Min(l, options.MaxLimit);
        }
        long offset = 0;
        if (Single(q, "offset") is { } os &&
            (!long.TryParse(os, NumberStyles.Integer, CultureInfo.InvariantCulture, out offset) || offset < 0))
            throw ProblemException.BadRequest($"offset '{os}' is not a whole number ≥ 0");
        if (Single(q, "bbox-crs") is { } bc && bc != Crs84)
            throw ProblemException.BadRequest($"bbox-crs '{bc}' is not supported (only {Crs84})");
        var bbox = Single(q, "bbox") is { } bs ? ParseBbox(bs) : null;
        if (bbox is not null && schema.GeometryType == LayerGeometryType.None)
            throw ProblemException.BadRequest($"layer '{schema.Name}' has no geometry: bbox does not apply");
        DateTimeOffset? from = null, to = null;
        if (Single(q, "datetime") is { } ds)
        {
            if (schema.TimeField is null)
                throw ProblemException.BadRequest($"layer '{schema.Name}' has no time field: datetime does not apply");
            (from, to) = ParseDatetime(ds);
        }
        var filters = new Dictionary<string, object?>(StringComparer.OrdinalIgnoreCase);
        foreach (var (key, values) in q)
        {
            if (Reserved.Contains(key)) continue;
            var field = schema.Find(key) ?? throw ProblemException.BadRequest(
                $"unknown query parameter '{key}' (allowed: limit, offset, bbox, datetime, f, or a field of '{schema.Name}': " +
                $"{string.Join(", ", schema.Fields.Select(f => f.Name))})");
            filters[field.Name] = ParseValue(field, Single(values, key));
        }
        return new ItemsRequest(limit, offset, bbox, from, to, filters);
    }

    /// <summary>The workspace query for this page (bbox in the layer's CRS).</summary>
    public FeatureQuery ToQuery(LayerSchema schema, bool paged) => new()
    {
        BoundingBox = BboxLonLat is null ? null : LonLat.ToLayer(BboxLonLat, schema.Srid),
        AttributeEquals = Filters.Count == 0 ? null : Filters,
        TimeFrom = From,
        TimeTo = To,
        Offset = paged ? Offset : 0,
        Limit = paged ? Limit : null,
    };

    public static Envelope ParseBbox(string s)
    {
        var parts = s.Split(',');
        if (parts.Length is not (4 or 6))
            throw ProblemException.BadRequest($"bbox '{s}' must be 4 numbers minLon,minLat,maxLon,maxLat (or 6 with heights)");
        var n = new double[parts.Length];
        for (var i = 0; i < parts.Length; i++)
            if (!double.TryParse(parts[i], NumberStyles.Float, CultureInfo.InvariantCulture, out n[i]) || !double.IsFinite(n[i]))
                throw ProblemException.BadRequest($"bbox '{s}': '{parts[i]}' is not a number");
        var (x0, y0, x1, y1) = parts.Length == 4 ? (n[0], n[1], n[2], n[3]) : (n[0], n[1], n[3], n[4]);
        if (y0 is < -90 or > 90 || y1 is < -90 or > 90 || x0 is < -180 or > 180 || x1 is < -180 or > 180)
            throw ProblemException.BadRequest($"bbox '{s}' is outside lon −180…180, lat −90…90 (CRS84 is lon,lat)");
        if (y0 > y1) throw ProblemException.BadRequest($"bbox '{s}': the lower latitude {y0} is above the upper {y1}");
        if (x0 > x1) throw ProblemException.BadRequest($"bbox '{s}' crosses the antimeridian, which no DxGeo layer does");
        return new Envelope(x0, x1, y0, y1);
    }

    public static (DateTimeOffset? From, DateTimeOffset? To) ParseDatetime(string s)
    {
        var parts = s.Split('/');
        if (parts.Length == 1)
        {
            var t = Instant(parts[0], s, end: false);
            return (t, Instant(parts[0], s, end: true));
        }
        if (parts.Length != 2) throw ProblemException.BadRequest($"datetime '{s}' is neither an instant nor an interval a/b");
        DateTimeOffset? from = parts[0] is "" or ".." ? null : Instant(parts[0], s, end: false);
        DateTimeOffset? to = parts[1] is "" or ".." ? null : Instant(parts[1], s, end: true);
        if (from > to) throw ProblemException.BadRequest($"datetime '{s}': the interval ends before it starts");
        return (from, to);
    }

    /// <summary>A date alone means the whole day (its start for a lower bound, its end for an upper one).</summary>
    private static DateTimeOffset Instant(string v, string whole, bool end)
    {
        if (DateOnly.TryParseExact(v, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d))
            return new DateTimeOffset(d.ToDateTime(end ? new TimeOnly(23, 59, 59, 999) : TimeOnly.MinValue), TimeSpan.Zero);
        if (DateTimeOffset.TryParse(v, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var t)
            && v.Contains('T'))
            return t;
        throw ProblemException.BadRequest($"datetime '{whole}': '{v}' is not an RFC 3339 date-time (e.g. 2024-04-01T00:00:00Z) or date");
    }

    private static object? ParseValue(FieldDefinition f, string v)
    {
        var ok = true;
        object? value = f.Type switch
        {
            FieldType.Text => v,
            FieldType.Integer => (ok = long.TryParse(v, NumberStyles.Integer, CultureInfo.InvariantCulture, out var l)) ? l : null,
            FieldType.Real => (ok = double.TryParse(v, NumberStyles.Float, CultureInfo.InvariantCulture, out var d)) ? d : null,
            FieldType.Boolean => (ok = bool.TryParse(v, out var b)) ? b : null,
            FieldType.Date => (ok = DateOnly.TryParseExact(v, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var dt)) ? dt : null,
            _ => (ok = DateTimeOffset.TryParse(v, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var ts)) ? ts : null,
        };
        if (!ok) throw ProblemException.BadRequest($"filter {f.Name}='{v}': not a valid {f.Type.ToString().ToLowerInvariant()}");
        return value;
    }

    private static string? Single(IQueryCollection q, string key) => q.TryGetValue(key, out var v) ? Single(v, key) : null;

    private static string Single(StringValues v, string key) =>
        v.Count == 1 ? v[0] ?? "" : throw ProblemException.BadRequest($"query parameter '{key}' is given {v.Count} times");
}
