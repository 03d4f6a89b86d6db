using System.Text.Json;

namespace DxGeo.Web.Internal;

/// <summary>OGC API link objects and absolute URLs built from the request (so links work behind any host/port).</summary>
internal static class Links
{
    public static string Base(HttpRequest req) => $"{req.Scheme}://{req.Host}{req.PathBase}";

    public static void Write(Utf8JsonWriter w, string href, string rel, string? type, string? title)
    {
        w.WriteStartObject();
        w.WriteString("href", href);
        w.WriteString("rel", rel);
        if (type is not null) w.WriteString("type", type);
        if (title is not null) w.WriteString("title", title);
        w.WriteEndObject();
    }

    public static object Link(string href, string rel, string? type = null, string? title = null) =>
        new Dictionary<string, string?> { ["href"] = href, ["rel"] = rel, ["type"] = type, ["title"] = title }
            .Where(kv => kv.Value is not null).ToDictionary(kv => kv.Key, kv => kv.Value);
}
