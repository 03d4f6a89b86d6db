using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using DxGeo.Ops.Triggers;

namespace DxGeo.Cli.Tests.Ops;

public sealed class OpsCommandTests() : CliTest("ops")
{
    private string Ws => P("ops.gpkg");

    private static string Sample(string name)
    {
        for (var d = new DirectoryInfo(AppContext.BaseDirectory); d is not null; d = d.Parent)
            if (File.Exists(Path.Combine(d.FullName, "sample-data", "alerts", name))) return Path.Combine(d.FullName, "sample-data", "alerts", name);
        throw new FileNotFoundException($"sample-data/alerts/{name} not found");
    }

    private void AddSampleMission()
    {
        Assert.Equal(0, Run("init", "-w", Ws).Code);
        var (code, stdout, stderr) = Run("ops", "mission", "add", "--file", Sample("standing-mission-coast.json"), "-w", Ws);
        Assert.True(code == 0, stderr);
        Assert.Contains("coast-tsunami-broadcast", stdout);
    }

    [Fact]
    public void Simulate_flies_the_sample_tsunami_warning_broadcasts_returns_and_exports_the_log()
    {
        AddSampleMission();
        Assert.Contains("RelayOn@1,RelayOff@last", Run("ops", "mission", "list", "-w", Ws).Out);

        var (code, stdout, stderr) = Run("ops", "simulate", "--alert", Sample("tsunami-warning-kawaminato.xml"), "--time-scale", "150", "--out", P("oplog"), "-w", Ws);

        Assert.True(code == 0, stderr + stdout);
        Assert.Contains("→ Completed", stdout);
        Assert.True(stdout.IndexOf("relay_0_on", StringComparison.Ordinal) < stdout.IndexOf("relay_0_off", StringComparison.Ordinal));
        using var doc = JsonDocument.Parse(File.ReadAllText(P("oplog.json")));
        var run = doc.RootElement.GetProperty("runs")[0];
        Assert.Equal("Completed", run.GetProperty("result").GetString());
        Assert.StartsWith("sim:", run.GetProperty("alert_id").GetString());
        // GDAL reads the exported GeoJSON: one track line plus the positioned log entries.
        var features = Ogr("-al", "-q", P("oplog.geojson"));
        Assert.Single(System.Text.RegularExpressions.Regex.Matches(features, "LINESTRING"));
        Assert.True(System.Text.RegularExpressions.Regex.Matches(features, "POINT").Count > 10, features[..Math.Min(2000, features.Length)]);
        // And the workspace layer the map shows.
        Assert.Contains("operation_runs", Ogr("-so", Ws));
    }

    public static TheoryData<string[], string> GateCases => new()
    {
        { ["--wind-ms", "15"], "wind 15 m/s above limit 10 m/s" },
        { ["--battery-pct", "50"], "battery 50 % below 80 %" },
        { ["--gps-fix", "none"], "GPS fix none" },
    };

    [Theory]
    [MemberData(nameof(GateCases))]
    public void Simulate_exits_3_with_the_gate_reason_on_stderr(string[] condition, string reason)
    {
        AddSampleMission();
        var (code, stdout, stderr) = Run(["ops", "simulate", "--alert", Sample("tsunami-warning-kawaminato.json"), "-w", Ws, .. condition]);
        Assert.True(code == 3, $"exit {code}: {stderr}");
        Assert.Contains(reason, stderr);
        Assert.Contains("gate_refused", stdout);
        Assert.DoesNotContain("Command   arm", stdout);
    }

    [Fact]
    public void Simulate_with_a_link_cut_records_the_failsafe_and_exits_4()
    {
        AddSampleMission();
        var (code, stdout, stderr) = Run("ops", "simulate", "--alert", Sample("tsunami-warning-kawaminato.json"), "--time-scale", "40",
            "--cut-link-at-s", "30", "--cut-link-for-s", "200", "-w", Ws);
        Assert.True(code == 4, $"exit {code}: {stderr}\n{stdout}");
        Assert.Contains("returned early (lost_link)", stderr);
        Assert.Contains("Failsafe  lost_link", stdout);
        Assert.Contains("link_restored", stdout);
        Assert.Contains("→ ReturnedEarly", stdout);
    }

    [Fact]
    public void Simulate_of_an_alert_without_standing_mission_launches_nothing()
    {
        AddSampleMission();
        var (code, stdout, _) = Run("ops", "simulate", "--alert", Sample("tsunami-warning-no-mission.json"), "-w", Ws);
        Assert.Equal(0, code);
        Assert.Contains("launched 0 mission(s)", stdout);
        Assert.Contains("no standing mission answers", stdout);
    }

    [Fact]
    public async Task Listen_refuses_unsigned_and_tampered_alerts_and_answers_a_redelivery_as_duplicate()
    {
        AddSampleMission();
        var secretFile = P("secret");
        var secret = Encoding.UTF8.GetBytes("listen-test-secret-0123456789");
        File.WriteAllBytes(secretFile, secret);
        var port = FreePort();
        var listen = Task.Run(() => Run("ops", "listen", "--port", port.ToString(), "--secret-file", secretFile, "--for-s", "8", "-w", Ws));
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}/") };
        await WaitUntilListening(http);
        var body = File.ReadAllBytes(Sample("tsunami-warning-no-mission.json"));

        Assert.Equal(HttpStatusCode.Unauthorized, (await Post(http, body, null)).StatusCode);
        var sig = AlertSignature.Sign(body, secret, DateTimeOffset.UtcNow);
        var tampered = Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(body).Replace("100", "220"));
        Assert.Equal(HttpStatusCode.Unauthorized, (await Post(http, tampered, sig)).StatusCode);
        var ok = await Post(http, body, sig);
        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        Assert.Contains("\"verdict\":\"Accepted\"", await ok.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Conflict, (await Post(http, body, sig)).StatusCode); // same nonce: replay
        var again = await Post(http, body, AlertSignature.Sign(body, secret, DateTimeOffset.UtcNow));
        Assert.Contains("\"verdict\":\"Duplicate\"", await again.Content.ReadAsStringAsync());

        var (code, stdout, stderr) = await listen;
        Assert.True(code == 0, stderr);
        Assert.Contains("Unsigned", stdout);
        Assert.Contains("BadSignature", stdout);
    }

    [Fact]
    public void Removing_an_unknown_mission_is_an_error()
    {
        AddSampleMission();
        var (code, _, stderr) = Run("ops", "mission", "remove", "nope", "-w", Ws);
        Assert.Equal(1, code);
        Assert.Contains("no standing mission named 'nope'", stderr);
        Assert.Equal(0, Run("ops", "mission", "remove", "coast-tsunami-broadcast", "-w", Ws).Code);
        Assert.Contains("no standing missions", Run("ops", "mission", "list", "-w", Ws).Out);
    }

    private static async Task<HttpResponseMessage> Post(HttpClient http, byte[] body, AlertSignature? sig)
    {
        using var req = new HttpRequestMessage(HttpMethod.Post, "alerts") { Content = new ByteArrayContent(body) };
        if (sig is not null)
        {
            req.Headers.Add(AlertSignature.TimestampHeader, sig.TimestampUnixS.ToString());
            req.Headers.Add(AlertSignature.NonceHeader, sig.Nonce);
            req.Headers.Add(AlertSignature.SignatureHeader, sig.Signature);
        }
        return await http.SendAsync(req);
    }

    private static async Task WaitUntilListening(HttpClient http)
    {
        var sw = Stopwatch.StartNew();
        while (true)
        {
            try { await http.GetAsync("alerts"); return; }
            catch (HttpRequestException) when (sw.Elapsed < TimeSpan.FromSeconds(10)) { await Task.Delay(100); }
        }
    }

    private static int FreePort()
    {
        using var l = new TcpListener(IPAddress.Loopback, 0);
        l.Start();
        return ((IPEndPoint)l.LocalEndpoint).Port;
    }

    private static string Ogr(params string[] args)
    {
        var psi = new ProcessStartInfo("ogrinfo") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in args) psi.ArgumentList.Add(a);
        using var p = Process.Start(psi) ?? throw new InvalidOperationException("ogrinfo (gdal-bin) is required for this test");
        var output = p.StandardOutput.ReadToEnd();
        p.WaitForExit();
        Assert.True(p.ExitCode == 0, $"ogrinfo {string.Join(' ', args)} failed: {p.StandardError.ReadToEnd()}");
        return output;
    }
}
