using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using DxGeo.Core.Workspace.GeoPackage;
using DxGeo.Review;
using DxGeo.Review.Accounts;
using DxGeo.Web;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Playwright;

namespace DxGeo.Benchmarks;

/// <summary>
/// Review workflow with 10k findings: queue page and finding page latency p50/p99 over loopback HTTP (signed-in
/// session), decision latency, against the same queue answered by SQL directly (sqlite3 CLI incl. process start, and
/// Microsoft.Data.Sqlite in-process: the floor); then the time to walk 100 findings by keyboard in headless Chromium.
/// Options: --findings N (10000), --requests N (200).
/// </summary>
public sealed class ReviewSuite : ISuite
{
    public string Name => "review";
    public string Description => "Review: queue/finding page latency with 10k findings vs SQL (sqlite3), 100 findings by keyboard in Chromium";
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;
    private const string Password = "bench-password-1";

    public int Run(string[] args)
    {
        var findings = Opt(args, "--findings", 10_000);
        var requests = Opt(args, "--requests", 200);
        var dir = Directory.CreateTempSubdirectory("dxgeo-bench-review-").FullName;
        try { return RunAsync(dir, findings, requests).GetAwaiter().GetResult(); }
        finally { Directory.Delete(dir, recursive: true); }
    }

    private static async Task<int> RunAsync(string dir, int n, int requests)
    {
        Console.WriteLine($"# review suite ({DateTime.UtcNow:yyyy-MM-dd}, {Environment.ProcessorCount} cores, {n:N0} findings)\n");
        var sw = Stopwatch.StartNew();
        var (path, ids) = ReviewBenchTown.Build(dir, n);
        Console.WriteLine($"workspace built in {sw.ElapsedMilliseconds} ms\n");
        using var ws = GeoPackageWorkspace.Open(path);
        var accounts = new AccountStore(new ReviewStore(ws));
        accounts.Add(Actor.LocalAdmin, "bench", Role.Inspector, Password);
        await using var app = DxGeoWebServer.Build(ws, new WebServerOptions { Urls = "http://127.0.0.1:0", BaseMapUrl = null },
            b => b.Logging.ClearProviders());
        await app.StartAsync();
        var url = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First().TrimEnd('/');
        using var c = await SignIn(url);

        var rows = new List<string[]>();
        var rnd = new Random(7);
        rows.Add(Row("GET queue (to review, 50 by score, counts)", await Time(requests, _ => c.GetAsync("/api/review/queue?limit=50"))));
        rows.Add(Row("GET queue filtered by asset", await Time(requests, i => c.GetAsync($"/api/review/queue?asset=B-{i % 40:000}&limit=50"))));
        rows.Add(Row("GET finding page (finding, photo, neighbours, decisions)", await Time(requests, _ => c.GetAsync($"/api/review/findings/{ids[rnd.Next(ids.Count)]}"))));
        rows.Add(Row("GET thumbnail (one per photo, cached after first)", await Time(requests, i => c.GetAsync($"/api/review/images/{ImageOf(ws, ids[i])}/thumb"))));
        var next = 0;
        rows.Add(Row("POST decision (one transaction: finding, decision, audit, condition)", await Time(Math.Min(requests, 100), _ =>
            c.PostAsJsonAsync($"/api/review/findings/{ids[n - 1 - Interlocked.Increment(ref next)]}/decision",
                new { verdict = "confirmed", version = 1, damageType = "crack", severity = "II" }))));
        rows.Add(Row("peer: sqlite3 CLI, same queue SQL (incl. process start)", TimeSync(20, _ => Sqlite3(path))));
        using (var con = new SqliteConnection($"Data Source={path};Mode=ReadOnly"))
        {
            con.Open();
            rows.Add(Row("peer: Microsoft.Data.Sqlite, same queue SQL in-process", TimeSync(requests, _ => QueueSql(con))));
        }
        Console.WriteLine("| operation | n | p50 ms | p99 ms |\n|---|---|---|---|");
        foreach (var r in rows) Console.WriteLine($"| {string.Join(" | ", r)} |");
        Console.WriteLine();
        await Keyboard(url);
        await app.StopAsync();
        return 0;
    }

    private static string ImageOf(GeoPackageWorkspace ws, string findingId) => (string)ws.Read("findings", new Core.Workspace.FeatureQuery
    {
        AttributeEquals = new Dictionary<string, object?> { ["finding_id"] = findingId },
    }).Single().Values[1]!;

    private const string Sql = "SELECT finding_id, score, status, asset_id FROM findings WHERE status = 'to_review' ORDER BY score DESC, fid LIMIT 50; "
        + "SELECT status, count(*) FROM findings GROUP BY status;";

    private static void QueueSql(SqliteConnection con)
    {
        using var cmd = con.CreateCommand();
        cmd.CommandText = Sql;
        using var r = cmd.ExecuteReader();
        do { while (r.Read()) { } } while (r.NextResult());
    }

    private static void Sqlite3(string path)
    {
        var psi = new ProcessStartInfo("sqlite3") { RedirectStandardOutput = true, ArgumentList = { "-readonly", path, Sql } };
        using var p = Process.Start(psi)!;
        p.StandardOutput.ReadToEnd();
        p.WaitForExit();
    }

    /// <summary>Signs in, then presses "n" 100 times, each time waiting until the next finding's photo and page are shown.</summary>
    private static async Task Keyboard(string url)
    {
        using var pw = await Playwright.CreateAsync();
        await using var browser = await pw.Chromium.LaunchAsync(new()
        {
            ExecutablePath = "/usr/bin/chromium", Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        });
        var page = await browser.NewPageAsync(new() { ViewportSize = new() { Width = 1400, Height = 900 } });
        await page.GotoAsync($"{url}/review.html");
        await page.FillAsync("#login-user", "bench");
        await page.FillAsync("#login-password", Password);
        await page.ClickAsync("#login-submit");
        await page.WaitForFunctionAsync("() => window.dxgeoReview.current() !== undefined");
        await page.Locator("#viewer").FocusAsync();
        var each = new List<double>();
        var total = Stopwatch.StartNew();
        for (var i = 0; i < 100; i++)
        {
            var before = await page.EvaluateAsync<string>("() => window.dxgeoReview.current()");
            var t = Stopwatch.StartNew();
            await page.Keyboard.PressAsync("n");
            await page.WaitForFunctionAsync("(id) => window.dxgeoReview.current() !== id", before);
            each.Add(t.Elapsed.TotalMilliseconds);
        }
        total.Stop();
        each.Sort();
        Console.WriteLine("| browser (headless Chromium) | findings | total s | per finding p50 ms | p99 ms |\n|---|---|---|---|---|");
        Console.WriteLine(string.Create(Inv, $"| keyboard 'n' through the queue | 100 | {total.Elapsed.TotalSeconds:F2} | {P(each, 0.5):F1} | {P(each, 0.99):F1} |"));
    }

    private static async Task<HttpClient> SignIn(string url)
    {
        var c = new HttpClient(new HttpClientHandler { CookieContainer = new CookieContainer() }) { BaseAddress = new Uri(url) };
        async Task Csrf()
        {
            var t = (await c.GetFromJsonAsync<JsonElement>("/api/auth/csrf")).GetProperty("token").GetString();
            c.DefaultRequestHeaders.Remove("X-CSRF-TOKEN");
            c.DefaultRequestHeaders.Add("X-CSRF-TOKEN", t);
        }
        await Csrf();
        (await c.PostAsJsonAsync("/api/auth/login", new { userName = "bench", password = Password })).EnsureSuccessStatusCode();
        await Csrf();
        return c;
    }

    private static async Task<List<double>> Time(int n, Func<int, Task<HttpResponseMessage>> call)
    {
        (await call(0)).EnsureSuccessStatusCode(); // warm-up (JIT, caches)
        var ms = new List<double>(n);
        for (var i = 1; i <= n; i++)
        {
            var t = Stopwatch.StartNew();
            var r = await call(i);
            await r.Content.ReadAsByteArrayAsync();
            ms.Add(t.Elapsed.TotalMilliseconds);
            r.EnsureSuccessStatusCode();
        }
        return ms;
    }

    private static List<double> TimeSync(int n, Action<int> call)
    {
        call(0);
        var ms = new List<double>(n);
        for (var i = 1; i <= n; i++)
        {
            var t = Stopwatch.StartNew();
            call(i);
            ms.Add(t.Elapsed.TotalMilliseconds);
        }
        return ms;
    }

    private static string[] Row(string what, List<double> ms)
    {
        ms.Sort();
        return [what, ms.Count.ToString(Inv), P(ms, 0.5).ToString("F1", Inv), P(ms, 0.99).ToString("F1", Inv)];
    }

    private static double P(List<double> sorted, double q) => sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(q * sorted.Count) - 1)];

    private static int Opt(string[] args, string name, int dflt)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? int.Parse(args[i + 1], Inv) : dflt;
    }
}
