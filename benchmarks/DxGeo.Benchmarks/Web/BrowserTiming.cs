using System.Diagnostics;
using System.Globalization;
using DxGeo.Core.Workspace.GeoPackage;
using DxGeo.Web;
using Microsoft.Playwright;

namespace DxGeo.Benchmarks.Web;

/// <summary>
/// Time to the first drawn map: Debian's Chromium (Playwright, headless) opens the web map of the sample town on
/// loopback in a fresh browser context (empty HTTP cache) and the clock stops when the map canvas shows pipe-coloured
/// pixels. The first run also meets a cold server (tiles not yet built); later runs a warm one.
/// </summary>
internal static class BrowserTiming
{
    private const string PipePixels = """
        () => {
          const colours = [[31,111,209],[139,26,26],[46,158,68],[142,68,173]];
          let n = 0;
          for (const c of document.querySelectorAll('#map canvas')) {
            const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
            for (let i = 0; i < d.length; i += 16)
              if (d[i + 3] > 200 && colours.some(k => Math.abs(d[i] - k[0]) + Math.abs(d[i + 1] - k[1]) + Math.abs(d[i + 2] - k[2]) < 24)) n++;
          }
          return n;
        }
        """;

    public static async Task Run(string[] args)
    {
        var town = Path.Combine(RepoRoot(), "sample-data", "town", "town.gpkg");
        var copy = Path.Combine(Path.GetTempPath(), $"dxgeo-bench-web-town-{Environment.ProcessId}.gpkg");
        File.Copy(town, copy, overwrite: true);
        try
        {
            using var ws = GeoPackageWorkspace.Open(copy);
            var (app, _) = await WebSuite.Start(ws, new WebServerOptions());
            var url = DxGeoWebServer.Addresses(app)[0];
            using var pw = await Playwright.CreateAsync();
            await using var browser = await pw.Chromium.LaunchAsync(new()
            {
                ExecutablePath = "/usr/bin/chromium", Headless = true,
                Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
            });
            Console.WriteLine("## Time to first drawn map (Chromium, sample town, 1280×800, no base map)\n");
            Console.WriteLine("| run | server | ready (first render) ms | pipes drawn ms |");
            Console.WriteLine("|---:|---|---:|---:|");
            for (var run = 1; run <= 6; run++)
            {
                await using var context = await browser.NewContextAsync(new() { ViewportSize = new() { Width = 1280, Height = 800 } });
                var page = await context.NewPageAsync();
                var sw = Stopwatch.StartNew();
                await page.GotoAsync($"{url}/index.html?lang=en");
                await page.WaitForSelectorAsync("body[data-ready='true']", new() { Timeout = 30_000 });
                var ready = sw.Elapsed.TotalMilliseconds;
                while (await page.EvaluateAsync<int>(PipePixels) < 100 && sw.Elapsed.TotalSeconds < 30) await Task.Delay(10);
                var drawn = sw.Elapsed.TotalMilliseconds;
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {run} | {(run == 1 ? "cold" : "warm")} | {ready:F0} | {drawn:F0} |"));
            }
            Console.WriteLine();
            await app.StopAsync();
            await app.DisposeAsync();
        }
        finally { File.Delete(copy); }
    }

    private static string RepoRoot()
    {
        for (var d = new DirectoryInfo(AppContext.BaseDirectory); d is not null; d = d.Parent)
            if (File.Exists(Path.Combine(d.FullName, "DxGeo.sln"))) return d.FullName;
        throw new InvalidOperationException("repository root (DxGeo.sln) not found");
    }
}
