using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using DxGeo.Imagery.Findings;
using DxGeo.Review.Accounts;
using DxGeo.Review.Audit;
using DxGeo.Review.Reviews;

namespace DxGeo.Review.Tests.Web;

/// <summary>
/// <c>dxgeo serve</c> as a real child process, killed (SIGKILL) in the middle of a burst of reviews from four
/// inspectors. Afterwards SQLite's integrity check and GDAL's ogrinfo accept the workspace, every review the server
/// acknowledged (200) is there with its decision and audit line, and a restarted server serves them.
/// </summary>
public sealed partial class ServerCrashTests : IDisposable
{
    private readonly ReviewTown _town = new(findings: 400);
    private static readonly string[] Inspectors = ["insp-a", "insp-b", "insp-c", "insp-d"];

    [GeneratedRegex(@"at (http://127\.0\.0\.1:\d+)/")]
    private static partial Regex ListeningAt();

    private (Process Process, string Url) Serve()
    {
        var psi = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, RedirectStandardInput = true };
        foreach (var a in new[] { Path.Combine(AppContext.BaseDirectory, "dxgeo.dll"), "serve", "-w", _town.Path, "--urls", "http://127.0.0.1:0", "--base-map", "none" })
            psi.ArgumentList.Add(a);
        var p = Process.Start(psi)!;
        var started = DateTime.UtcNow;
        while (DateTime.UtcNow - started < TimeSpan.FromSeconds(90))
        {
            var line = p.StandardOutput.ReadLine() ?? throw new InvalidOperationException($"dxgeo serve exited: {p.StandardError.ReadToEnd()}");
            if (ListeningAt().Match(line) is { Success: true } m)
            {
                _ = p.StandardOutput.ReadToEndAsync(); // keep draining
                _ = p.StandardError.ReadToEndAsync();
                return (p, m.Groups[1].Value);
            }
        }
        p.Kill(entireProcessTree: true);
        throw new TimeoutException("dxgeo serve did not report its address within 90 s");
    }

    private static async Task<HttpClient> SignIn(string url, string user)
    {
        var c = new HttpClient(new HttpClientHandler { CookieContainer = new CookieContainer() }) { BaseAddress = new Uri(url), Timeout = TimeSpan.FromSeconds(20) };
        await ReviewServer.Csrf(c);
        (await c.PostAsJsonAsync("/api/auth/login", new { userName = user, password = ReviewServer.Password(user) })).EnsureSuccessStatusCode();
        await ReviewServer.Csrf(c);
        return c;
    }

    [Fact]
    public async Task Every_acknowledged_review_survives_a_killed_server_and_the_workspace_stays_valid()
    {
        var accounts = new AccountStore(_town.Store);
        foreach (var u in Inspectors) accounts.Add(Actor.LocalAdmin, u, Role.Inspector, ReviewServer.Password(u));
        _town.Close();

        var (server, url) = Serve();
        var acked = new ConcurrentBag<string>();
        try
        {
            var clients = await Task.WhenAll(Inspectors.Select(u => SignIn(url, u)));
            var next = -1;
            using var stop = new CancellationTokenSource();
            async Task Worker(HttpClient c)
            {
                while (!stop.IsCancellationRequested)
                {
                    var i = Interlocked.Increment(ref next);
                    if (i >= _town.FindingIds.Count) return;
                    var id = _town.FindingIds[i];
                    try
                    {
                        var res = await c.PostAsJsonAsync($"/api/review/findings/{id}/decision",
                            new { verdict = "confirmed", version = 1, damageType = "crack", severity = "III" }, stop.Token);
                        if (res.StatusCode == HttpStatusCode.OK) acked.Add(id);
                    }
                    catch (Exception e) when (e is HttpRequestException or TaskCanceledException or IOException) { return; } // the server died
                }
            }
            var burst = Task.WhenAll(clients.Select(Worker));
            while (acked.Count < 40 && !burst.IsCompleted) await Task.Delay(5);
            server.Kill(entireProcessTree: true); // SIGKILL while requests are in flight
            await server.WaitForExitAsync();
            await burst;
        }
        finally { if (!server.HasExited) server.Kill(entireProcessTree: true); }

        Assert.InRange(acked.Count, 40, _town.FindingIds.Count - 1);
        Assert.Equal("ok", Tools.Run("sqlite3", _town.Path, "PRAGMA integrity_check;").Trim());
        var ogr = Tools.Run("ogrinfo", "-so", "-al", _town.Path);
        Assert.Contains("Layer name: findings", ogr);
        Assert.Contains($"Feature Count: {_town.FindingIds.Count}", ogr);

        _town.Reopen();
        var confirmed = _town.Workspace.Read(FindingsLayer.Name).Select(FindingView.From)
            .Where(f => f.Status == Imagery.Findings.FindingStatus.Confirmed).Select(f => f.FindingId).ToHashSet();
        Assert.Superset(acked.ToHashSet(), confirmed);
        var audited = AuditTrail.Read(_town.Store).Where(e => e.Action == "finding.confirm").Select(e => e.EntityId).ToList();
        Assert.Equal(audited.Count, audited.Distinct().Count());
        Assert.Superset(acked.ToHashSet(), audited.ToHashSet());
        // A finding is confirmed exactly when its decision and audit line were committed with it.
        Assert.Equal(confirmed, audited.ToHashSet());
        _town.Close();

        var (again, url2) = Serve();
        try
        {
            using var c = await SignIn(url2, "insp-a");
            var page = await c.GetFromJsonAsync<JsonElement>("/api/review/queue?status=confirmed&limit=500");
            Assert.Equal(confirmed.Count, page.GetProperty("total").GetInt32());
        }
        finally { again.Kill(entireProcessTree: true); await again.WaitForExitAsync(); }
    }

    public void Dispose() => _town.Dispose();
}
