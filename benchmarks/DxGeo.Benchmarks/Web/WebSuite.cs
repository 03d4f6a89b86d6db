using System.Globalization;
using System.Net;
using DxGeo.Core.Workspace.GeoPackage;
using DxGeo.Web;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Logging;
using NetTopologySuite.Geometries;

namespace DxGeo.Benchmarks.Web;

/// <summary>
/// Web server: vector tile latency at z12/z14/z16 over a 100k-segment pipe layer against PostGIS ST_AsMVT on the
/// same data; items and tile throughput on loopback under a bounded load generator; time to the first drawn map in
/// Debian's Chromium on the sample town.
/// </summary>
public sealed class WebSuite : ISuite
{
    public string Name => "web";
    public string Description => "web: tile latency z12/z14/z16 (100k pipes) vs PostGIS ST_AsMVT, items/tiles req/s at p99 < 50 ms, first drawn map in Chromium";

    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    public int Run(string[] args)
    {
        var segments = Opt(args, "--segments", 100_000);
        var file = Array.IndexOf(args, "--file") is var fi and >= 0 ? args[fi + 1] : Path.Combine(Path.GetTempPath(), $"dxgeo-bench-web-{segments}.gpkg");
        var skip = args.Where(a => a.StartsWith("--skip-", StringComparison.Ordinal)).Select(a => a[7..]).ToHashSet();
        Console.WriteLine($"# web suite ({DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC, {Environment.ProcessorCount} cores, load average {LoadAverage()})\n");
        var extent = WebBenchData.Ensure(file, segments);
        Console.WriteLine($"Data: {segments:N0} pipe segments (the sample town tiled edge to edge) in {file}, extent {extent.Width:F3}° × {extent.Height:F3}°\n");
        var tiles = new Dictionary<int, List<(int Z, int X, int Y)>>
        {
            [12] = WebBenchData.Spread(WebBenchData.Tiles(extent, 12), 40),
            [14] = WebBenchData.Spread(WebBenchData.Tiles(extent, 14), 100),
            [16] = WebBenchData.Spread(WebBenchData.Tiles(extent, 16), 300),
        };
        if (!skip.Contains("tiles")) TileLatency(file, tiles, skip.Contains("postgis")).GetAwaiter().GetResult();
        if (!skip.Contains("load")) LoadTest.Run(file, extent, tiles).GetAwaiter().GetResult();
        if (!skip.Contains("browser")) BrowserTiming.Run(args).GetAwaiter().GetResult();
        return 0;
    }

    private static async Task TileLatency(string file, Dictionary<int, List<(int Z, int X, int Y)>> tiles, bool skipPostgis)
    {
        using var ws = GeoPackageWorkspace.Open(file);
        // A cache of one entry: every request in the sequence is a different tile, so each is built (cold).
        var (app, client) = await Start(ws, new WebServerOptions { TileCacheEntries = 1 });
        var first = new Latency();
        var t0 = tiles[16][0];
        await first.TimeAsync(() => client.GetByteArrayAsync($"/tiles/water_pipes/{t0.Z}/{t0.X}/{t0.Y + 1}.pbf"));
        Console.WriteLine($"First tile after start (loads the layer's snapshot: {file}): {first.P(1):F0} ms\n");
        Console.WriteLine("## Vector tile latency, each tile built (not cached)\n");
        Console.WriteLine("| server | z | tiles | p50 ms | p99 ms | CPU ms/tile | mean kB |");
        Console.WriteLine("|---|---:|---:|---:|---:|---:|---:|");
        foreach (var (z, list) in tiles)
        {
            var lat = new Latency();
            long bytes = 0;
            var cpu0 = Latency.ProcessCpuMs();
            foreach (var t in list) bytes += (await lat.TimeAsync(() => client.GetByteArrayAsync($"/tiles/water_pipes/{t.Z}/{t.X}/{t.Y}.pbf"))).Length;
            var cpu = (Latency.ProcessCpuMs() - cpu0) / list.Count;
            Console.WriteLine(string.Create(Inv, $"| DxGeo (HTTP, gzip built too) | {z} | {list.Count} | {lat.P(0.5):F1} | {lat.P(0.99):F1} | {cpu:F1} | {bytes / 1024.0 / list.Count:F0} |"));
        }
        await app.StopAsync();
        await app.DisposeAsync();
        if (skipPostgis) return;
        using var pg = PostgisPeer.Start(file);
        foreach (var (z, list) in tiles)
        {
            pg.Tile(list[0].Z, list[0].X, list[0].Y); // plan cache, first-touch pages
            var lat = new Latency();
            long bytes = 0;
            var cpu0 = pg.BackendCpuMs();
            foreach (var t in list) bytes += lat.Time(() => pg.Tile(t.Z, t.X, t.Y));
            var cpu = (pg.BackendCpuMs() - cpu0) / list.Count;
            Console.WriteLine(string.Create(Inv, $"| {pg.Version} ST_AsMVT (Npgsql) | {z} | {list.Count} | {lat.P(0.5):F1} | {lat.P(0.99):F1} | {cpu:F1} | {bytes / 1024.0 / list.Count:F0} |"));
        }
        Console.WriteLine();
    }

    internal static async Task<(WebApplication App, HttpClient Client)> Start(DxGeo.Core.Workspace.IWorkspace ws, WebServerOptions options)
    {
        var app = DxGeoWebServer.Build(ws, options with { Urls = "http://127.0.0.1:0", BaseMapUrl = null },
            b => b.Logging.ClearProviders());
        await app.StartAsync();
        var url = DxGeoWebServer.Addresses(app)[0];
        var client = new HttpClient(new SocketsHttpHandler { AutomaticDecompression = DecompressionMethods.GZip, MaxConnectionsPerServer = 64 })
        {
            BaseAddress = new Uri(url),
        };
        return (app, client);
    }

    internal static string LoadAverage()
    {
        try { return string.Join(" ", File.ReadAllText("/proc/loadavg").Split(' ').Take(3)); }
        catch (IOException) { return "?"; }
    }

    internal static int Opt(string[] args, string name, int fallback) =>
        Array.IndexOf(args, name) is var i and >= 0 && i + 1 < args.Length ? int.Parse(args[i + 1], Inv) : fallback;
}
