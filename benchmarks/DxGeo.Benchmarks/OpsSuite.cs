using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using DxGeo.Core.Workspace.GeoPackage;
using DxGeo.Mavlink.Messages;
using DxGeo.Mavlink.Protocol;
using DxGeo.Mavlink.Simulator;
using DxGeo.Mavlink.Vehicle;
using DxGeo.Ops.Log;
using DxGeo.Ops.Missions;
using DxGeo.Ops.Supervision;
using DxGeo.Ops.Triggers;
using DxGeo.Ops.Weather;

namespace DxGeo.Benchmarks;

/// <summary>
/// Ops: (1) time from a signed alert received to motors armed and to take-off altitude on the simulator in real time
/// (time scale 1), next to the floor a bare ground station needs for the same vehicle (connect, telemetry, GUIDED, arm,
/// take-off and climb, without upload, gate or log) and the vehicle's own climb time; (2) supervising N simulated
/// vehicles at once: process CPU, and vehicle HEARTBEATs the ground station missed (gaps over 2 s at 1 Hz).
/// No external peer exists for this chain here (ArduPilot SITL is not built on this machine).
/// Usage: ops [launches=5] [vehicles=10] [timeScale=10]
/// </summary>
public sealed class OpsSuite : ISuite
{
    public string Name => "ops";
    public string Description => "Alert → armed / take-off on the simulator vs a bare GCS; 10 vehicles supervised at once (CPU, missed heartbeats)";

    private const double LaunchLat = 38.1815, LaunchLon = 140.9560, TakeoffAltM = 10;
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    public int Run(string[] args)
    {
        var launches = args.Length > 0 ? int.Parse(args[0], Inv) : 5;
        var vehicles = args.Length > 1 ? int.Parse(args[1], Inv) : 10;
        var scale = args.Length > 2 ? double.Parse(args[2], Inv) : 10;
        var dir = Directory.CreateTempSubdirectory("dxgeo-bench-ops-").FullName;
        try
        {
            var (armed, airborne) = AlertToTakeoff(dir, launches).GetAwaiter().GetResult();
            var (bareArmed, bareAirborne) = BareGcs(launches).GetAwaiter().GetResult();
            var climb = TakeoffAltM * 0.9 / new SimVehicleOptions().ClimbRateMps;
            Console.WriteLine($"| single vehicle, real time (time scale 1), {launches} launches, take-off to {TakeoffAltM:0} m | DxGeo ops (alert → …) | bare GCS (connect → …) | vehicle alone |");
            Console.WriteLine("|---|---:|---:|---:|");
            Console.WriteLine(string.Create(Inv, $"| motors armed, median (min–max) | {Med(armed)} | {Med(bareArmed)} | – |"));
            Console.WriteLine(string.Create(Inv, $"| take-off altitude (90 %) reached, median (min–max) | {Med(airborne)} | {Med(bareAirborne)} | {climb:0.00} s climb |"));
            Console.WriteLine();
            var fleet = Fleet(dir, vehicles, scale).GetAwaiter().GetResult();
            Console.WriteLine($"| {vehicles} simulated vehicles at once, time scale {scale:0}, {Environment.ProcessorCount} cores | measured |");
            Console.WriteLine("|---|---:|");
            foreach (var (k, v) in fleet) Console.WriteLine($"| {k} | {v} |");
            return 0;
        }
        finally { try { Directory.Delete(dir, true); } catch (IOException) { } }
    }

    private static string Med(List<double> xs)
    {
        var s = xs.OrderBy(x => x).ToList();
        return string.Create(Inv, $"{s[s.Count / 2]:0.00} s ({s[0]:0.00}–{s[^1]:0.00})");
    }

    private static string Plan(double latOffset, int loops)
    {
        var items = new List<object> { Item(22, [0, 0, 0, null, LaunchLat + latOffset, LaunchLon, TakeoffAltM]) };
        for (var l = 0; l < loops; l++)
            foreach (var (dLat, dLon) in new[] { (0.0008, 0.0010), (0.0016, 0.0020), (0.0008, 0.0030), (0.0, 0.0020) })
                items.Add(Item(16, [0, 0, 0, null, LaunchLat + latOffset + dLat, LaunchLon + dLon, TakeoffAltM]));
        items.Add(Item(20, [0, 0, 0, 0, 0, 0, 0]));
        return JsonSerializer.Serialize(new Dictionary<string, object>
        {
            ["fileType"] = "Plan", ["version"] = 1,
            ["mission"] = new Dictionary<string, object> { ["version"] = 2, ["plannedHomePosition"] = new[] { LaunchLat + latOffset, LaunchLon, 5 }, ["items"] = items },
        });

        static object Item(int cmd, double?[] p) => new Dictionary<string, object> { ["type"] = "SimpleItem", ["autoContinue"] = true, ["command"] = cmd, ["frame"] = cmd == 20 ? 2 : 3, ["params"] = p };
    }

    private static StandingMission Mission(string name, double latOffset, int loops) => new()
    {
        Name = name, PlanId = name, PlanJson = Plan(latOffset, loops), Link = "sim", LaunchLatDeg = LaunchLat + latOffset, LaunchLonDeg = LaunchLon,
        Trigger = new TriggerMatch { Kinds = ["tsunami"], Areas = ["220"] },
        Payload = [new PayloadAction(1, PayloadKind.RelayOn), new PayloadAction(-1, PayloadKind.RelayOff)], CreatedUtc = DateTimeOffset.UtcNow,
    };

    private static byte[] Alert(string id) => System.Text.Encoding.UTF8.GetBytes(
        $$"""{"id":"{{id}}","kind":"tsunami","level":"warning","issued":"{{DateTimeOffset.UtcNow:O}}","areas":[{"code":"220"}]}""");

    /// <summary>Real time: each launch is cancelled once airborne (the supervisor then commands RTL).</summary>
    private static async Task<(List<double> Armed, List<double> Airborne)> AlertToTakeoff(string dir, int n)
    {
        var secret = new byte[32];
        var armed = new List<double>();
        var airborne = new List<double>();
        for (var i = 0; i < n; i++)
        {
            using var ws = GeoPackageWorkspace.Create(Path.Combine(dir, $"t{i}.gpkg"));
            StandingMissionStore.Add(ws, Mission("m", 0, 1));
            var options = new SupervisorOptions { TelemetryRateHz = 10, GateSettleTimeout = TimeSpan.FromSeconds(3) };
            var dispatcher = new OpsDispatcher(ws, secret, new SimulatedVehicleConnector((_, o) => o with { TimeScale = 1 }), new SimulatedWeatherSource(), options);
            using var cts = new CancellationTokenSource();
            dispatcher.Logged += (_, e) => { if (e.Name == "airborne") cts.Cancel(); };
            var body = Alert($"bench-{i}");
            var r = await dispatcher.ReceiveAsync(body, AlertSignature.Sign(body, secret, DateTimeOffset.UtcNow), "bench", TriggerSource.Http, cts.Token);
            var run = r.Runs.Single();
            armed.Add(run.AlertToArmedS ?? double.NaN);
            airborne.Add(run.AlertToTakeoffS ?? double.NaN);
        }
        return (armed, airborne);
    }

    /// <summary>The floor: what any ground station needs to arm and lift the same simulated vehicle.</summary>
    private static async Task<(List<double> Armed, List<double> Airborne)> BareGcs(int n)
    {
        var armed = new List<double>();
        var airborne = new List<double>();
        for (var i = 0; i < n; i++)
        {
            var (a, b) = Mavlink.Links.InMemoryLink.CreatePair();
            await using var sim = new SimVehicle(a, new SimVehicleOptions { HomeLatDeg = LaunchLat, HomeLonDeg = LaunchLon });
            var sw = Stopwatch.StartNew();
            await using var conn = new MavlinkConnection(b);
            using var v = await VehicleController.ConnectAsync(conn, TimeSpan.FromSeconds(10));
            await v.RequestTelemetryAsync(10);
            await v.SetModeAsync(FlightMode.Guided);
            await v.ArmAsync();
            armed.Add(sw.Elapsed.TotalSeconds);
            await v.TakeoffAsync(TakeoffAltM);
            await v.State.WaitUntilAsync(s => s.AltitudeRelM >= TakeoffAltM * 0.9, TimeSpan.FromSeconds(30));
            airborne.Add(sw.Elapsed.TotalSeconds);
            await v.LandAsync();
        }
        return (armed, airborne);
    }

    /// <summary>N vehicles launched by one alert; heartbeat gaps seen by the ground station, CPU of the whole process.</summary>
    private static async Task<List<(string, string)>> Fleet(string dir, int vehicles, double scale)
    {
        using var ws = GeoPackageWorkspace.Create(Path.Combine(dir, "fleet.gpkg"));
        for (var i = 0; i < vehicles; i++) StandingMissionStore.Add(ws, Mission($"v{i:00}", i * 0.003, 2));
        var sim = new SimulatedVehicleConnector((_, o) => o with { TimeScale = scale, MaxStepS = Math.Max(1, scale / 25), TickInterval = TimeSpan.FromMilliseconds(50) });
        var gaps = new ConcurrentBag<double>();
        var beats = 0L;
        var connector = new Watching(sim, (conn, sys) =>
        {
            DateTime? last = null;
            conn.MessageReceived += m =>
            {
                if (m.Message is not Heartbeat || m.SystemId != sys) return;
                Interlocked.Increment(ref beats);
                var now = DateTime.UtcNow;
                if (last is { } l) gaps.Add((now - l).TotalSeconds);
                last = now;
            };
        });
        var options = new SupervisorOptions { TelemetryRateHz = 4, TimeScale = scale };
        var secret = new byte[32];
        var dispatcher = new OpsDispatcher(ws, secret, connector, new SimulatedWeatherSource(), options);
        var body = Alert("fleet");
        var proc = Process.GetCurrentProcess();
        var cpu0 = proc.TotalProcessorTime;
        var sw = Stopwatch.StartNew();
        var r = await dispatcher.ReceiveAsync(body, AlertSignature.Sign(body, secret, DateTimeOffset.UtcNow), "bench", TriggerSource.Http);
        var wall = sw.Elapsed.TotalSeconds;
        proc.Refresh();
        var cpu = (proc.TotalProcessorTime - cpu0).TotalSeconds;
        var completed = r.Runs.Count(x => x.Result == OperationResult.Completed);
        var g = gaps.OrderBy(x => x).ToList();
        return
        [
            ("runs completed", $"{completed}/{vehicles}"),
            ("wall time, alert → last vehicle disarmed", string.Create(Inv, $"{wall:0.0} s")),
            ("CPU (process, incl. the 10 simulators)", string.Create(Inv, $"{cpu:0.0} s = {100 * cpu / wall:0} % of one core, {100 * cpu / wall / Environment.ProcessorCount:0} % of the machine")),
            ("vehicle HEARTBEATs received (1 Hz each)", beats.ToString(Inv)),
            ("missed heartbeats (gap > 2 s)", g.Count(x => x > 2).ToString(Inv)),
            ("heartbeat gap p50 / p99 / max", g.Count == 0 ? "–" : string.Create(Inv, $"{g[g.Count / 2]:0.00} / {g[(int)(g.Count * 0.99)]:0.00} / {g[^1]:0.00} s")),
            ("alert → armed, median over vehicles", string.Create(Inv, $"{r.Runs.Select(x => x.AlertToArmedS ?? double.NaN).OrderBy(x => x).ElementAt(vehicles / 2):0.00} s")),
            ("log entries written", r.Runs.Sum(x => x.Events.Count).ToString(Inv)),
        ];
    }

    /// <summary>Lets the benchmark watch each vehicle's connection.</summary>
    private sealed class Watching(IVehicleConnector inner, Action<MavlinkConnection, byte> watch) : IVehicleConnector
    {
        public async Task<VehicleSession> ConnectAsync(StandingMission mission, TimeSpan timeout, CancellationToken ct)
        {
            var s = await inner.ConnectAsync(mission, timeout, ct);
            watch(s.Connection, s.Vehicle.Target.SystemId);
            return s;
        }
    }
}
