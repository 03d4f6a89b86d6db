using System.IO.Compression;
using System.Reflection;
using DxGeo.Core.Workspace;
using DxGeo.Core.Workspace.GeoPackage;
using DxGeo.Web.Api;
using DxGeo.Web.Internal;
using DxGeo.Web.Ogc;
using DxGeo.Web.Review;
using DxGeo.Web.Tiles;
using DxGeo.Web.Tiles.Internal;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.ResponseCompression;
using Microsoft.OpenApi;

namespace DxGeo.Web;

/// <summary>
/// The DxGeo web server: OGC API – Features, vector tiles, the web map's JSON API and the bundled web app over one
/// workspace. The map's endpoints only read (the plan preview computes without saving); writes are the review
/// workflow's, behind accounts, antiforgery and rate limits (<see cref="ReviewSetup"/>). <see cref="Run"/> is what <c>dxgeo serve</c> calls; <see cref="Build"/>
/// gives tests (and hosts) the configured application without starting it.
/// </summary>
public static class DxGeoWebServer
{
    /// <summary>Opens the workspace, serves it on <paramref name="urls"/> until <paramref name="stop"/> fires, then closes it.</summary>
    /// <param name="listening">Called once the server listens, with the actual addresses (port 0 becomes a real port).</param>
    public static async Task Run(string workspacePath, string urls, CancellationToken stop, WebServerOptions? options = null,
        Action<IReadOnlyList<string>>? listening = null)
    {
        using var ws = GeoPackageWorkspace.Open(workspacePath);
        await using var app = Build(ws, (options ?? new WebServerOptions()) with { Urls = urls });
        await app.StartAsync(stop);
        listening?.Invoke(Addresses(app));
        try { await app.WaitForShutdownAsync(stop); }
        finally { await app.StopAsync(CancellationToken.None); }
    }

    /// <summary>The addresses a started application listens on.</summary>
    public static IReadOnlyList<string> Addresses(WebApplication app) =>
        app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses.ToList() ?? [];

    /// <summary>Configures the server for <paramref name="workspace"/> (which the caller keeps and disposes).</summary>
    /// <param name="configure">Extra builder configuration, e.g. a test server or logging providers.</param>
    public static WebApplication Build(IWorkspace workspace, WebServerOptions? options = null, Action<WebApplicationBuilder>? configure = null)
    {
        options ??= new WebServerOptions();
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions
        {
            ApplicationName = typeof(DxGeoWebServer).Assembly.GetName().Name,
            ContentRootPath = AppContext.BaseDirectory,
        });
        builder.WebHost.UseUrls(options.Urls);
        builder.Logging.AddSimpleConsole(o => { o.SingleLine = true; o.TimestampFormat = "HH:mm:ss "; });
        // One line per request comes from RequestLogging; the framework's own per-request lines would triple it.
        builder.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);
        builder.Services.AddSingleton(new ServedWorkspace(ReviewSetup.PublicView(workspace), options));
        builder.Services.AddDxGeoReview(workspace);
        builder.Services.AddSingleton(new TileCache(options.TileCacheEntries));
        builder.Services.AddSingleton(new TileSnapshots());
        builder.Services.AddSingleton(new StaticAssets.Store(typeof(DxGeoWebServer).Assembly, "DxGeo.Web.wwwroot"));
        builder.Services.AddOpenApi("v1", o =>
        {
            // OGC API – Features' oas30 conformance class: the definition is OpenAPI 3.0.
            o.OpenApiVersion = OpenApiSpecVersion.OpenApi3_0;
            o.AddDocumentTransformer((doc, _, _) =>
            {
                doc.Info.Title = "DxGeo web API";
                doc.Info.Description = "OGC API – Features (Part 1 Core, GeoJSON, OpenAPI 3.0), Mapbox vector tiles, the web map's JSON API (reads only) and the review workflow (writes, signed in).";
                return Task.CompletedTask;
            });
        });
        builder.Services.AddResponseCompression(o =>
        {
            o.EnableForHttps = true;
            o.Providers.Add<GzipCompressionProvider>();
            // Tiles are gzipped once when cached (TileEndpoints) and the web app's files once at start (StaticAssets),
            // so only API answers are compressed here.
            o.MimeTypes = ["application/json", "application/geo+json", "application/problem+json"];
        });
        builder.Services.Configure<GzipCompressionProviderOptions>(o => o.Level = CompressionLevel.Fastest);
        configure?.Invoke(builder);

        var app = builder.Build();
        app.UseMiddleware<RequestLogging>();
        app.UseResponseCompression();
        app.UseMiddleware<ProblemMiddleware>();
        app.UseDxGeoReview();
        var assets = app.Services.GetRequiredService<StaticAssets.Store>();
        assets.WarmUp();
        app.UseMiddleware<StaticAssets>();
        app.MapOpenApi("/openapi/{documentName}.json");
        app.MapGet("/health", (ServedWorkspace s) => Results.Json(new
        {
            status = "ok",
            workspace = Path.GetFileName(s.Workspace.Location),
            layers = s.Workspace.ListLayers().Count,
        }, Json.Options)).WithTags("Server").WithName("health").WithSummary("Liveness and the workspace served");
        OgcEndpoints.Map(app);
        ItemsEndpoints.Map(app);
        TileEndpoints.Map(app);
        ConfigEndpoint.Map(app);
        IdentifyEndpoint.Map(app);
        SearchEndpoint.Map(app);
        MeshEndpoint.Map(app);
        Planning.PlanPreviewEndpoint.Map(app);
        Water.WaterEndpoints.Map(app);
        Imagery.ImageEndpoints.Map(app);
        // Anything else is a 404 in problem form (not an empty body), including paths that try to climb out (../).
        app.MapFallback(ctx => ProblemMiddleware.Write(ctx, 404, "Not found", $"nothing at {ctx.Request.Path} (see /openapi/v1.json)"));
        return app;
    }
}
