using DxGeo.Core.Features;
using DxGeo.Web.Internal;
using DxGeo.Web.Tiles.Internal;
using Microsoft.Net.Http.Headers;

namespace DxGeo.Web.Tiles;

/// <summary>
/// <c>/tiles/{layer}/{z}/{x}/{y}.pbf</c>: Mapbox vector tiles (XYZ, web mercator) of any geometry layer, cached in
/// memory, validated with ETags (304 when unchanged) and sent gzipped to clients that accept it.
/// </summary>
internal static class TileEndpoints
{
    public const string MvtType = "application/vnd.mapbox-vector-tile";

    public static void Map(WebApplication app)
    {
        // Load every geometry layer's tiling snapshot in the background once the server listens, so the first
        // tiles a map asks for do not wait for it.
        app.Lifetime.ApplicationStarted.Register(() => Task.Run(() => Warm(app.Services)));
        app.MapGet("/tiles/{layer}/{z:int}/{x:long}/{y}", Tile).WithTags("Tiles").WithName("tile")
           .WithSummary("Mapbox vector tile of a layer (y ends in .pbf or .mvt)")
           .Produces(200, contentType: MvtType).Produces(304).ProducesProblem(400).ProducesProblem(404);
    }

    private static void Warm(IServiceProvider services)
    {
        var ws = services.GetRequiredService<ServedWorkspace>();
        var snapshots = services.GetRequiredService<TileSnapshots>();
        var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger("DxGeo.Web.Tiles");
        try
        {
            var version = TileCache.WorkspaceVersion(ws.Workspace.Location);
            foreach (var layer in ws.Workspace.ListLayers().Where(l => l.Schema.GeometryType != LayerGeometryType.None))
                snapshots.Get(ws.Workspace, layer, version);
        }
        catch (Exception e)
        {
            // A layer that cannot be read fails its own tile requests with the reason; warming only logs it.
            logger.LogWarning("tile snapshot warm-up stopped: {Message}", e.Message);
        }
    }

    private static IResult Tile(string layer, int z, long x, string y, HttpContext ctx, ServedWorkspace ws, TileCache cache, TileSnapshots snapshots)
    {
        var info = ws.RequireLayer(layer);
        if (info.Schema.GeometryType == LayerGeometryType.None)
            throw ProblemException.BadRequest($"layer '{layer}' has no geometry, so no tiles");
        var ys = y.EndsWith(".pbf", StringComparison.Ordinal) || y.EndsWith(".mvt", StringComparison.Ordinal) ? y[..^4] : null;
        if (ys is null || !long.TryParse(ys, out var yi) || !TileMath.IsValid(z, x, yi))
            throw ProblemException.BadRequest($"tile {z}/{x}/{y} is not a valid tile (z 0–{TileMath.MaxZoom}, 0 ≤ x, y < 2^z, y ending in .pbf)");

        var version = TileCache.WorkspaceVersion(ws.Workspace.Location);
        var entry = cache.GetOrBuild(info.Name, z, x, yi, version,
            () => TileBuilder.Build(snapshots.Get(ws.Workspace, info, version), z, x, yi));
        var headers = ctx.Response.Headers;
        headers.ETag = entry.ETag;
        headers.CacheControl = "public, max-age=60";
        headers.Vary = "Accept-Encoding";
        if (ctx.Request.Headers.IfNoneMatch.Any(v => v is not null && v.Split(',').Any(t => t.Trim() == entry.ETag)))
            return Results.StatusCode(304);
        var gzip = ctx.Request.Headers.AcceptEncoding.Any(v => v is not null && v.Contains("gzip", StringComparison.OrdinalIgnoreCase));
        if (gzip) headers.ContentEncoding = "gzip";
        return Results.Bytes(gzip ? entry.Gzip : entry.Raw, MvtType);
    }
}
