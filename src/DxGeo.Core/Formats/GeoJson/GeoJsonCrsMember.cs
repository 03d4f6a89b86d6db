using System.Text.Json;
using System.Text.RegularExpressions;

namespace DxGeo.Core.Formats.GeoJson;

/// <summary>
/// The legacy (GeoJSON 2008) "crs" member, which GDAL still writes for non-WGS84 data:
/// <c>{"type":"name","properties":{"name":"urn:ogc:def:crs:EPSG::6677"}}</c>, "EPSG:6677", OGC CRS84, or
/// <c>{"type":"EPSG","properties":{"code":6677}}</c>. RFC 7946 files have none and are EPSG:4326 lon/lat.
/// </summary>
internal static partial class GeoJsonCrsMember
{
    /// <summary>The EPSG code named, or null with the unrecognised text in <paramref name="text"/>.</summary>
    public static int? Parse(JsonElement crs, out string? text)
    {
        text = null;
        if (crs.ValueKind == JsonValueKind.Null) return null;
        if (crs.ValueKind != JsonValueKind.Object || !crs.TryGetProperty("properties", out var p) || p.ValueKind != JsonValueKind.Object)
        {
            text = crs.GetRawText();
            return null;
        }
        if (p.TryGetProperty("code", out var code) && code.TryGetInt32(out var c)) return c;
        if (!p.TryGetProperty("name", out var n) || n.ValueKind != JsonValueKind.String)
        {
            text = crs.GetRawText();
            return null;
        }
        text = n.GetString()!;
        var result = ParseName(text);
        if (result is not null) text = null;
        return result;
    }

    public static int? ParseName(string name)
    {
        if (name.EndsWith("CRS84", StringComparison.OrdinalIgnoreCase)) return 4326;
        var m = EpsgName().Match(name.Trim());
        return m.Success && int.TryParse(m.Groups[1].Value, out var code) ? code : null;
    }

    [GeneratedRegex(@"EPSG:(?:[0-9.]*:)?(\d+)$", RegexOptions.IgnoreCase)]
    private static partial Regex EpsgName();
}
