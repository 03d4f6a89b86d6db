using System.Globalization;
using System.Text.Json;
using DxGeo.Web.Internal;
using DxGeo.Web.Ogc.Internal;

namespace DxGeo.Web.Ogc;

/// <summary>
/// <c>/collections/{id}/items</c> (a page of features with numberMatched/numberReturned and next/prev links) and
/// <c>/collections/{id}/items/{fid}</c>. Pages are streamed: the response is written feature by feature.
/// </summary>
internal static class ItemsEndpoints
{
    private const int FlushEvery = 256;

    public static void Map(IEndpointRouteBuilder app)
    {
        var ogc = app.MapGroup("").WithTags("OGC API Features");
        ogc.MapGet("/collections/{collectionId}/items", Items).WithName("items")
           .WithSummary("Features of a collection: limit, offset, bbox (CRS84), datetime, and field=value filters on attributes")
           .Produces(200, contentType: OgcEndpoints.GeoJson).ProducesProblem(400).ProducesProblem(404);
        ogc.MapGet("/collections/{collectionId}/items/{featureId}", Item).WithName("item")
           .WithSummary("One feature by its id").Produces(200, contentType: OgcEndpoints.GeoJson).ProducesProblem(404);
    }

    private static async Task Items(string collectionId, HttpContext ctx, ServedWorkspace ws)
    {
        var layer = ws.RequireLayer(collectionId);
        var schema = layer.Schema;
        var req = ItemsRequest.Parse(ctx.Request.Query, schema, ws.Options);
        var matched = ws.Workspace.Count(schema.Name, req.ToQuery(schema, paged: false));
        var features = ws.Workspace.Read(schema.Name, req.ToQuery(schema, paged: true));

        ctx.Response.ContentType = OgcEndpoints.GeoJson + "; charset=utf-8";
        await using var w = new Utf8JsonWriter(ctx.Response.BodyWriter, Json.WriterOptions);
        w.WriteStartObject();
        w.WriteString("type", "FeatureCollection");
        w.WriteStartArray("features");
        var returned = 0;
        foreach (var f in features)
        {
            FeatureJson.WriteFeature(w, schema, f);
            if (++returned % FlushEvery == 0) await w.FlushAsync(ctx.RequestAborted);
        }
        w.WriteEndArray();
        w.WriteNumber("numberMatched", matched);
        w.WriteNumber("numberReturned", returned);
        w.WriteString("timeStamp", DateTimeOffset.UtcNow.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture));
        w.WriteStartArray("links");
        var here = $"{Links.Base(ctx.Request)}{ctx.Request.Path}";
        Links.Write(w, here + ctx.Request.QueryString, "self", OgcEndpoints.GeoJson, null);
        if (req.Offset + returned < matched && returned > 0)
            Links.Write(w, here + PageQuery(ctx.Request.Query, req.Offset + returned, req.Limit), "next", OgcEndpoints.GeoJson, "Next page");
        if (req.Offset > 0)
            Links.Write(w, here + PageQuery(ctx.Request.Query, Math.Max(0, req.Offset - req.Limit), req.Limit), "prev", OgcEndpoints.GeoJson, "Previous page");
        Links.Write(w, $"{Links.Base(ctx.Request)}/collections/{Uri.EscapeDataString(schema.Name)}", "collection", "application/json", schema.Title);
        w.WriteEndArray();
        w.WriteEndObject();
        await w.FlushAsync(ctx.RequestAborted);
    }

    private static async Task Item(string collectionId, string featureId, HttpContext ctx, ServedWorkspace ws)
    {
        var layer = ws.RequireLayer(collectionId);
        if (!long.TryParse(featureId, NumberStyles.Integer, CultureInfo.InvariantCulture, out var fid))
            throw ProblemException.NotFound($"no feature '{featureId}' in '{layer.Name}' (feature ids are whole numbers)");
        var f = ws.Workspace.Get(layer.Name, fid) ?? throw ProblemException.NotFound($"no feature {fid} in '{layer.Name}'");
        ctx.Response.ContentType = OgcEndpoints.GeoJson + "; charset=utf-8";
        await using var w = new Utf8JsonWriter(ctx.Response.BodyWriter, Json.WriterOptions);
        FeatureJson.WriteFeature(w, layer.Schema, f, $"{Links.Base(ctx.Request)}{ctx.Request.Path}");
        await w.FlushAsync(ctx.RequestAborted);
    }

    /// <summary>The request's own query with offset and limit replaced (filters carry over to the next page).</summary>
    private static string PageQuery(IQueryCollection q, long offset, int limit)
    {
        var parts = q.Where(kv => kv.Key is not ("offset" or "limit"))
            .Select(kv => $"{Uri.EscapeDataString(kv.Key)}={Uri.EscapeDataString(kv.Value.ToString())}")
            .Append($"limit={limit}").Append($"offset={offset}");
        return "?" + string.Join("&", parts);
    }
}
