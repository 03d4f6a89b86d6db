using DxGeo.Core.Features;
using DxGeo.Core.Workspace;
using DxGeo.Web.Internal;

namespace DxGeo.Web.Ogc;

/// <summary>
/// OGC API – Features Part 1: landing page, conformance and collection metadata for every workspace layer
/// (items are in <see cref="ItemsEndpoints"/>). All geometry is served in CRS84 lon/lat as GeoJSON.
/// </summary>
internal static class OgcEndpoints
{
    public const string GeoJson = "application/geo+json";
    public const string OpenApiType = "application/vnd.oai.openapi+json;version=3.0";

    public static readonly string[] ConformanceClasses =
    [
        "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/core",
        "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/geojson",
        "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/oas30",
    ];

    public static void Map(IEndpointRouteBuilder app)
    {
        var ogc = app.MapGroup("").WithTags("OGC API Features");
        ogc.MapGet("/", Landing).WithName("landing").WithSummary("Landing page (OGC API)");
        ogc.MapGet("/conformance", Conformance).WithName("conformance").WithSummary("Conformance classes");
        ogc.MapGet("/collections", Collections).WithName("collections").WithSummary("Every workspace layer as a collection");
        ogc.MapGet("/collections/{collectionId}", Collection).WithName("collection").WithSummary("One collection's metadata");
    }

    private static IResult Landing(HttpRequest req, ServedWorkspace ws)
    {
        // A browser asking for HTML gets the web map; API clients (GDAL, QGIS, curl) get the JSON landing page.
        if (req.Query["f"].Count == 0 && req.Headers.Accept.Any(a => a is not null && a.Contains("text/html", StringComparison.OrdinalIgnoreCase)))
            return Results.Redirect("/index.html");
        var b = Links.Base(req);
        return Results.Json(new Dictionary<string, object>
        {
            ["title"] = "DxGeo workspace",
            ["description"] = $"Infrastructure layers of {Path.GetFileName(ws.Workspace.Location)} (OGC API – Features, vector tiles, web map at /index.html)",
            ["links"] = new[]
            {
                Links.Link($"{b}/", "self", "application/json", "This document"),
                Links.Link($"{b}/openapi/v1.json", "service-desc", OpenApiType, "The API definition"),
                Links.Link($"{b}/conformance", "conformance", "application/json", "Conformance classes"),
                Links.Link($"{b}/collections", "data", "application/json", "Collections"),
                Links.Link($"{b}/index.html", "alternate", "text/html", "Web map"),
            },
        }, Json.Options);
    }

    private static IResult Conformance() =>
        Results.Json(new Dictionary<string, object> { ["conformsTo"] = ConformanceClasses }, Json.Options);

    private static IResult Collections(HttpRequest req, ServedWorkspace ws)
    {
        var b = Links.Base(req);
        return Results.Json(new Dictionary<string, object>
        {
            ["links"] = new[] { Links.Link($"{b}/collections", "self", "application/json") },
            ["collections"] = ws.Workspace.ListLayers().Select(l => Describe(b, l)).ToArray(),
        }, Json.Options);
    }

    private static IResult Collection(string collectionId, HttpRequest req, ServedWorkspace ws) =>
        Results.Json(Describe(Links.Base(req), ws.RequireLayer(collectionId)), Json.Options);

    internal static Dictionary<string, object?> Describe(string b, LayerInfo l)
    {
        var s = l.Schema;
        var href = $"{b}/collections/{Uri.EscapeDataString(s.Name)}";
        var extent = new Dictionary<string, object>();
        if (LonLat.ExtentToLonLat(l.Extent, s.Srid) is { IsNull: false } e)
            extent["spatial"] = new { bbox = new[] { new[] { e.MinX, e.MinY, e.MaxX, e.MaxY } }, crs = "http://www.opengis.net/def/crs/OGC/1.3/CRS84" };
        if (s.TimeField is not null)
            extent["temporal"] = new { interval = new[] { new string?[] { null, null } }, trs = "http://www.opengis.net/def/uom/ISO-8601/0/Gregorian" };
        return new Dictionary<string, object?>
        {
            ["id"] = s.Name,
            ["title"] = s.Title ?? s.Name,
            ["description"] = s.Description ?? $"{s.Title ?? s.Name}: {l.FeatureCount} features ({s.GeometryType})",
            ["itemType"] = "feature",
            ["crs"] = new[] { "http://www.opengis.net/def/crs/OGC/1.3/CRS84" },
            ["extent"] = extent.Count == 0 ? null : extent,
            ["links"] = new[]
            {
                Links.Link(href, "self", "application/json", s.Title),
                Links.Link($"{href}/items", "items", GeoJson, $"{s.Title ?? s.Name} (GeoJSON)"),
            },
        };
    }
}
