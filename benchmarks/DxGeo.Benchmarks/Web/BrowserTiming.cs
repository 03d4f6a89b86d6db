using System.Globalization;
using System.Text.Json;
using DxGeo.Core.Workspace.GeoPackage;
using DxGeo.Web;
using Microsoft.Playwright;

namespace DxGeo.Benchmarks.Web;

/// <summary>
/// Time to the first drawn map: Debian's Chromium (Playwright, headless) opens the web map of the sample town on
/// loopback in a fresh browser context (empty HTTP cache); times are from navigation start to the app's first draw
/// (checked: the canvas then shows pipe-coloured pixels) and to every default layer drawn. The first run also meets a
/// cold server (just started: nothing compiled or cached yet); later runs a warm one.
/// </summary>
internal static class BrowserTiming
{
    /// <summary>
    /// Runs in the page before the app: when the app flags its first layers drawn (data-drawn) or every default layer
    /// drawn (data-ready; the only flag of versions before the split), counts pipe-coloured canvas pixels in that same
    /// task and keeps the time (ms since navigation start). Reading the canvas only then, not in a polling loop, keeps
    /// the measurement off the page's main thread while it loads.
    /// </summary>
    private const string Observer = """
        (() => {
          const colours = [[31,111,209],[139,26,26],[46,158,68],[142,68,173]];
          const pixels = () => {
            let n = 0;
            for (const c of document.querySelectorAll('#map canvas')) {
              const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
              for (let i = 0; i < d.length; i += 16)
                if (d[i + 3] > 200 && colours.some(k => Math.abs(d[i] - k[0]) + Math.abs(d[i + 1] - k[1]) + Math.abs(d[i + 2] - k[2]) < 24)) n++;
            }
            return n;
          };
          window.__firstMap = {};
          new MutationObserver(() => {
            const b = document.body, m = window.__firstMap, now = performance.now();
            if (!b) return;
            if (m.drawn === undefined && (b.dataset.drawn === 'true' || b.dataset.ready === 'true')) { m.drawn = now; m.pixels = pixels(); }
            if (m.ready === undefined && b.dataset.ready === 'true') m.ready = now;
          }).observe(document, { attributes: true, subtree: true, attributeFilter: ['data-drawn', 'data-ready'] });
        })();
        """;

    /// <summary>Where a page load's time went: the app's performance marks and its requests by kind (ms from navigation start).</summary>
    private const string Breakdown = """
        () => {
          const r = (x) => Math.round(x);
          const nav = performance.getEntriesByType('navigation')[0];
          const out = { html: r(nav.responseEnd), dcl: r(nav.domContentLoadedEventEnd) };
          for (const m of performance.getEntriesByType('mark')) if (m.name.startsWith('dxgeo:')) out[m.name.slice(6)] = r(m.startTime);
          const kinds = {};
          for (const e of performance.getEntriesByType('resource')) {
            const u = new URL(e.name);
            const k = u.pathname.startsWith('/tiles/') ? 'tiles:' + u.pathname.split('/')[2] : u.pathname.startsWith('/api/') ? u.pathname : u.pathname.replace(/-[A-Z0-9]{8}(?=\.)/, '');
            const g = kinds[k] ??= { n: 0, first: 1e9, last: 0, kB: 0, dec: 0 };
            g.n++; g.first = Math.min(g.first, r(e.startTime)); g.last = Math.max(g.last, r(e.responseEnd));
            g.kB += e.transferSize / 1024; g.dec += e.decodedBodySize / 1024;
          }
          return JSON.stringify({ marks: out, requests: kinds });
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
            Console.WriteLine("| run | server | pipes drawn ms | every default layer drawn ms | pipe pixels (1 in 4 read) |");
            Console.WriteLine("|---:|---|---:|---:|---:|");
            var profile = args.Contains("--profile");
            var breakdowns = new List<string>();
            // --trace DIR: a Chromium performance trace per run (open in chrome://tracing or the DevTools performance panel).
            var trace = Array.IndexOf(args, "--trace") is var ti and >= 0 && ti + 1 < args.Length ? Directory.CreateDirectory(args[ti + 1]).FullName : null;
            for (var run = 1; run <= 6; run++)
            {
                await using var context = await browser.NewContextAsync(new() { ViewportSize = new() { Width = 1280, Height = 800 } });
                var page = await context.NewPageAsync();
                var tracing = trace is null ? null : await ChromiumTrace.Start(context, page);
                await page.AddInitScriptAsync(Observer);
                await page.GotoAsync($"{url}/index.html?lang=en", new() { WaitUntil = WaitUntilState.Commit });
                await page.WaitForSelectorAsync("body[data-ready='true']", new() { Timeout = 30_000 });
                var m = await page.EvaluateAsync<JsonElement>("() => window.__firstMap");
                var pixels = m.GetProperty("pixels").GetInt32();
                if (pixels < 100) throw new InvalidOperationException($"run {run}: only {pixels} pipe-coloured pixels when the app said its first layers were drawn");
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"| {run} | {(run == 1 ? "cold" : "warm")} | {m.GetProperty("drawn").GetDouble():F0} | {m.GetProperty("ready").GetDouble():F0} | {pixels} |"));
                if (tracing is not null) breakdowns.Add($"run {run} trace: {await tracing.Stop(Path.Combine(trace!, $"first-map-run{run}.json"))}");
                if (profile) breakdowns.Add($"run {run}: {await page.EvaluateAsync<string>(Breakdown)}");
            }
            Console.WriteLine();
            foreach (var b in breakdowns) Console.WriteLine(b + "\n");
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
