using System.Diagnostics;
using System.Globalization;
using DxGeo.Core.Workspace.GeoPackage;
using DxGeo.Web;
using NetTopologySuite.Geometries;

namespace DxGeo.Benchmarks.Web;

/// <summary>
/// A bounded load generator on loopback: N concurrent clients loop over a list of URLs for a fixed time (or a
/// request cap), for N = 1, 2, 4, 8, 16. Reported: requests/s and latency percentiles per level, and the best
/// throughput whose p99 stays under 50 ms.
/// </summary>
internal static class LoadTest
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;
    private static readonly int[] Levels = [1, 2, 4, 8, 16];
    private static readonly TimeSpan Duration = TimeSpan.FromSeconds(3);
    private const int MaxRequests = 20_000;

    public static async Task Run(string file, Envelope extent, Dictionary<int, List<(int Z, int X, int Y)>> tiles)
    {
        using var ws = GeoPackageWorkspace.Open(file);
        var (app, client) = await WebSuite.Start(ws, new WebServerOptions());
        var rng = new Random(5);
        // Items: a 100-feature page of a random ~300 m box, as a map client or QGIS asks.
        var items = Enumerable.Range(0, 500).Select(_ =>
        {
            var lon = extent.MinX + rng.NextDouble() * (extent.Width - 0.004);
            var lat = extent.MinY + rng.NextDouble() * (extent.Height - 0.003);
            return string.Create(Inv, $"/collections/water_pipes/items?limit=100&bbox={lon:F5},{lat:F5},{lon + 0.0035:F5},{lat + 0.0027:F5}");
        }).ToList();
        // Tiles: z14 and z16 as a map at street level asks, served from the tile cache after one warm-up pass.
        var tileUrls = tiles[14].Concat(tiles[16]).Select(t => $"/tiles/water_pipes/{t.Z}/{t.X}/{t.Y}.pbf").ToList();
        foreach (var u in tileUrls) await client.GetByteArrayAsync(u);
        foreach (var u in items.Take(20)) await client.GetByteArrayAsync(u);

        Console.WriteLine($"## Throughput on loopback (bounded: {Duration.TotalSeconds:F0} s or {MaxRequests:N0} requests per level; client in the same process)\n");
        Console.WriteLine("| endpoint | clients | requests | req/s | p50 ms | p99 ms |");
        Console.WriteLine("|---|---:|---:|---:|---:|---:|");
        var best = new Dictionary<string, (double Rps, int Clients)>();
        foreach (var (name, urls) in new[] { ("items (100 features, bbox)", items), ("tiles z14/z16 (cached)", tileUrls) })
        {
            foreach (var clients in Levels)
            {
                var (n, rps, lat) = await Level(client, urls, clients);
                Console.WriteLine(string.Create(Inv, $"| {name} | {clients} | {n} | {rps:F0} | {lat.P(0.5):F1} | {lat.P(0.99):F1} |"));
                if (lat.P(0.99) < 50 && (!best.TryGetValue(name, out var b) || rps > b.Rps)) best[name] = (rps, clients);
            }
        }
        Console.WriteLine();
        foreach (var (name, (rps, clients)) in best)
            Console.WriteLine(string.Create(Inv, $"- {name}: **{rps:F0} req/s** with p99 < 50 ms ({clients} clients)"));
        Console.WriteLine();
        await app.StopAsync();
        await app.DisposeAsync();
    }

    private static async Task<(int N, double Rps, Latency Lat)> Level(HttpClient client, List<string> urls, int clients)
    {
        var lat = new Latency();
        var next = -1;
        var sw = Stopwatch.StartNew();
        var workers = Enumerable.Range(0, clients).Select(async _ =>
        {
            while (sw.Elapsed < Duration)
            {
                var i = Interlocked.Increment(ref next);
                if (i >= MaxRequests) return;
                var url = urls[i % urls.Count];
                await lat.TimeAsync(async () =>
                {
                    using var res = await client.GetAsync(url);
                    res.EnsureSuccessStatusCode();
                    return (await res.Content.ReadAsByteArrayAsync()).Length;
                });
            }
        }).ToList();
        await Task.WhenAll(workers);
        return (lat.Count, lat.Count / sw.Elapsed.TotalSeconds, lat);
    }
}
