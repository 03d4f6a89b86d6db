using System.CommandLine;
using System.Globalization;
using DxGeo.Core.Errors;
using DxGeo.Core.Workspace.GeoPackage;
using DxGeo.Mavlink.Messages;
using DxGeo.Ops.Missions;
using DxGeo.Ops.Supervision;
using DxGeo.Ops.Triggers;
using DxGeo.Ops.Weather;

namespace DxGeo.Cli.Commands;

/// <summary><c>dxgeo ops</c>: standing missions launched by alerts (mission add|list|remove, listen, launch, simulate, sign).</summary>
internal static class OpsCommand
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    public static Command Build(CliContext ctx)
    {
        var ops = new Command("ops", "Alert-triggered autonomous missions: standing missions, the alert endpoint, the readiness gate, supervised flights");
        ops.Subcommands.Add(BuildMission(ctx));
        ops.Subcommands.Add(BuildListen(ctx));
        ops.Subcommands.Add(BuildLaunch(ctx));
        ops.Subcommands.Add(BuildSimulate(ctx));
        ops.Subcommands.Add(BuildSign(ctx));
        return ops;
    }

    private static Command BuildMission(CliContext ctx)
    {
        var mission = new Command("mission", "Define, list and remove standing missions (layer standing_missions)");
        var file = new Option<string>("--file") { Description = "Standing-mission definition (JSON, see docs/ops.md)", Required = true };
        var replace = new Option<bool>("--replace") { Description = "Replace a mission of the same name" };
        var add = new Command("add", "Add a standing mission from its definition file (the plan is copied in as approved)") { file, replace };
        add.SetAction(pr =>
        {
            using var ws = GeoPackageWorkspace.Open(pr.GetValue(ctx.Workspace)!);
            var m = StandingMissionFile.Read(pr.GetValue(file)!, ws);
            StandingMissionStore.Add(ws, m, pr.GetValue(replace));
            var assembled = MissionAssembly.Build(m);
            ctx.Out.WriteLine(string.Create(Inv, $"standing mission '{m.Name}': plan {m.PlanId}, {assembled.Items.Count} items, {m.Payload.Count} payload action(s), " +
                $"link {m.Link}, launch {m.LaunchLatDeg:0.000000}, {m.LaunchLonDeg:0.000000}; answers {Describe(m.Trigger)}"));
            return 0;
        });
        var list = new Command("list", "List standing missions");
        list.SetAction(pr =>
        {
            using var ws = GeoPackageWorkspace.Open(pr.GetValue(ctx.Workspace)!);
            var all = StandingMissionStore.List(ws);
            if (all.Count == 0) { ctx.Out.WriteLine("no standing missions"); return 0; }
            ctx.Out.WriteLine("name\tplan\tlink\ttrigger\tpayload\tmax_wind_mps\treserve_pct");
            foreach (var m in all)
                ctx.Out.WriteLine(string.Create(Inv, $"{m.Name}\t{m.PlanId}\t{m.Link}\t{Describe(m.Trigger)}\t" +
                    $"{string.Join(",", m.Payload.Select(p => $"{p.Kind}@{(p.AtWaypoint == -1 ? "last" : p.AtWaypoint.ToString(Inv))}"))}\t{m.Gate.MaxWindMps:0.#}\t{m.ReserveBatteryPct:0}"));
            return 0;
        });
        var name = new Argument<string>("name") { Description = "Standing mission name" };
        var remove = new Command("remove", "Remove a standing mission") { name };
        remove.SetAction(pr =>
        {
            using var ws = GeoPackageWorkspace.Open(pr.GetValue(ctx.Workspace)!);
            if (!StandingMissionStore.Remove(ws, pr.GetValue(name)!)) throw new DxGeoException($"no standing mission named '{pr.GetValue(name)}' in {ws.Location}");
            ctx.Out.WriteLine($"removed standing mission '{pr.GetValue(name)}'");
            return 0;
        });
        mission.Subcommands.Add(add);
        mission.Subcommands.Add(list);
        mission.Subcommands.Add(remove);
        return mission;
    }

    private static string Describe(TriggerMatch t) =>
        $"{(t.Kinds.Count == 0 ? "any alert" : string.Join("/", t.Kinds))} ≥ {t.MinLevel} for {string.Join(", ", t.Areas)}";

    private static Option<string?> WeatherOption() => new("--weather") { Description = "Weather observation JSON file or http(s) URL (without it every gate is a no-go)" };
    private static Option<string?> SecretOption() => new("--secret-file") { Description = "File holding the shared alert secret (default: env DXGEO_ALERT_SECRET)" };

    private static Command BuildListen(CliContext ctx)
    {
        var port = new Option<int>("--port") { Description = "HTTP port of the alert endpoint (POST /alerts)", DefaultValueFactory = _ => 8787 };
        var bind = new Option<string>("--bind") { Description = "Address to listen on", DefaultValueFactory = _ => "127.0.0.1" };
        var watch = new Option<string[]>("--watch") { Description = "Folder a municipal alert receiver writes XML/JSON alerts (+ .sig) into (repeatable)", AllowMultipleArgumentsPerToken = true };
        var weather = WeatherOption();
        var secret = SecretOption();
        var forS = new Option<double?>("--for-s") { Description = "Stop after this many seconds (default: until Ctrl+C)" };
        var cmd = new Command("listen", "Serve the signed alert endpoint and watch folders; launch matching standing missions") { port, bind, watch, weather, secret, forS };
        cmd.SetAction(async (pr, ct) =>
        {
            using var ws = GeoPackageWorkspace.Open(pr.GetValue(ctx.Workspace)!);
            var lockObj = new object();
            void Say(string s) { lock (lockObj) ctx.Out.WriteLine($"{DateTimeOffset.UtcNow:HH:mm:ss} {s}"); }
            var connector = new RoutingVehicleConnector(new SimulatedVehicleConnector(), new LinkVehicleConnector());
            var dispatcher = new OpsDispatcher(ws, OpsCli.Secret(pr.GetValue(secret)), connector, OpsCli.Weather(pr.GetValue(weather)));
            dispatcher.Logged += (mission, e) => Say($"[{mission}] {e.Kind} {e.Name}: {e.Detail}");
            var prefix = $"http://{pr.GetValue(bind)}:{pr.GetValue(port)}/";
            using var http = new OpsHttpReceiver(prefix, dispatcher, Say);
            var watchers = (pr.GetValue(watch) ?? []).Select(dir => new AlertFolderWatcher(dir, async (path, body, sig) =>
            {
                var r = dispatcher.Start(body, sig, path, TriggerSource.FileWatcher);
                Say($"{path}: {r.Intake.Verdict} — {r.Intake.Reason}{(r.Launching.Count > 0 ? $"; launching {string.Join(", ", r.Launching)}" : "")}");
                await r.Completion;
            })).ToList();
            Say($"listening on {prefix}alerts; watching {(watchers.Count == 0 ? "no folder" : string.Join(", ", pr.GetValue(watch)!))}; {StandingMissionStore.List(ws).Count} standing mission(s)");
            try { await Task.Delay(pr.GetValue(forS) is { } s ? TimeSpan.FromSeconds(s) : Timeout.InfiniteTimeSpan, ct); }
            catch (OperationCanceledException) { }
            foreach (var w in watchers) w.Dispose();
            Say("stopped listening; waiting for flights in progress to land");
            await http.Flights;
            return 0;
        });
        return cmd;
    }

    private static Command BuildLaunch(CliContext ctx)
    {
        var name = new Argument<string>("mission") { Description = "Standing mission to launch now" };
        var weather = WeatherOption();
        var note = new Option<string?>("--note") { Description = "Why (recorded with the run)" };
        var cmd = new Command("launch", "Launch a standing mission by hand: gate, flight and log exactly as for an alert (exit 0 flown, 3 gate refused, 4 returned early)") { name, weather, note };
        cmd.SetAction(async (pr, ct) =>
        {
            using var ws = GeoPackageWorkspace.Open(pr.GetValue(ctx.Workspace)!);
            var m = StandingMissionStore.Get(ws, pr.GetValue(name)!) ?? throw new DxGeoException($"no standing mission named '{pr.GetValue(name)}' in {ws.Location}");
            IWeatherSource w = pr.GetValue(weather) is null && m.Link == "sim" ? new SimulatedWeatherSource() : OpsCli.Weather(pr.GetValue(weather));
            var sim = new OpsSimulationSettings();
            var connector = new RoutingVehicleConnector(new SimulatedVehicleConnector((_, o) => o with { TimeScale = sim.TimeScale, MaxStepS = 1, TickInterval = TimeSpan.FromMilliseconds(20) }),
                new LinkVehicleConnector());
            var options = m.Link == "sim" ? OpsCli.SimulatedSupervision(sim.TimeScale) : new SupervisorOptions();
            var dispatcher = new OpsDispatcher(ws, System.Security.Cryptography.RandomNumberGenerator.GetBytes(32), connector, w, options);
            var run = await dispatcher.LaunchAsync(m, pr.GetValue(note) ?? "manual launch", ct);
            OpsCli.Print(ctx.Out, run);
            return OpsCli.ExitCode(new DispatchResult(new IntakeResult(IntakeVerdict.Accepted, null, "manual"), [run], []), ctx.Err);
        });
        return cmd;
    }

    private static Command BuildSimulate(CliContext ctx)
    {
        var alert = new Option<string>("--alert") { Description = "Alert file (JMA-style XML or DxGeo alert JSON)", Required = true };
        var mission = new Option<string?>("--mission") { Description = "Standing-mission definition to add (or replace) first" };
        var wind = new Option<double>("--wind-ms") { Description = "Mean wind, m/s (weather source and simulated vehicle)", DefaultValueFactory = _ => 3 };
        var gust = new Option<double?>("--gust-ms") { Description = "Gusts, m/s (default 1.4 × wind)" };
        var rain = new Option<double>("--rain-mm-h") { Description = "Precipitation, mm/h", DefaultValueFactory = _ => 0 };
        var battery = new Option<double>("--battery-pct") { Description = "Battery charge at start, %", DefaultValueFactory = _ => 100 };
        var gps = new Option<string>("--gps-fix") { Description = "GPS fix: none, 2d or 3d", DefaultValueFactory = _ => "3d" };
        gps.AcceptOnlyFromAmong("none", "2d", "3d");
        var cut = new Option<double?>("--cut-link-at-s") { Description = "Cut the radio link this many simulated seconds after arming (for --cut-link-for-s)" };
        var cutFor = new Option<double>("--cut-link-for-s") { Description = "Length of the cut, simulated seconds", DefaultValueFactory = _ => 60 };
        var scale = new Option<double>("--time-scale") { Description = "Simulated seconds per real second", DefaultValueFactory = _ => 20 };
        var outStem = new Option<string?>("--out") { Description = "Write the operation log to OUT.json and OUT.geojson" };
        var cmd = new Command("simulate", "Run an alert through the whole chain against the built-in simulator and print the operation log " +
            "(exit 0 flown and back or nothing to launch, 3 gate refused, 4 returned early on a failsafe, 1 failed)")
            { alert, mission, wind, gust, rain, battery, gps, cut, cutFor, scale, outStem };
        cmd.SetAction(async (pr, ct) =>
        {
            var path = pr.GetValue(alert)!;
            if (!File.Exists(path)) throw new InputDataException("alert file not found", path);
            var wsPath = pr.GetValue(ctx.Workspace)!;
            using var ws = pr.GetValue(mission) is null ? GeoPackageWorkspace.Open(wsPath) : GeoPackageWorkspace.OpenOrCreate(wsPath);
            if (pr.GetValue(mission) is { } def) StandingMissionStore.Add(ws, StandingMissionFile.Read(def, ws), replace: true);
            if (StandingMissionStore.List(ws).Count == 0) throw new DxGeoException($"{ws.Location} has no standing mission (add one with ops mission add, or pass --mission)");
            var settings = new OpsSimulationSettings
            {
                WindMps = pr.GetValue(wind), GustMps = pr.GetValue(gust), PrecipitationMmPerH = pr.GetValue(rain), BatteryPct = pr.GetValue(battery),
                GpsFix = pr.GetValue(gps) switch { "none" => GpsFixType.NoFix, "2d" => GpsFixType.Fix2D, _ => GpsFixType.Fix3D },
                CutLinkAtS = pr.GetValue(cut), CutLinkForS = pr.GetValue(cutFor), TimeScale = pr.GetValue(scale),
            };
            var result = await OpsCli.SimulateAsync(ws, File.ReadAllBytes(path), path, settings, null, ct);
            ctx.Out.WriteLine($"Alert {result.Intake.Alert?.Id ?? "?"}: {result.Intake.Verdict}; launched {result.Runs.Count} mission(s)");
            foreach (var n in result.Notes) ctx.Out.WriteLine($"  {n}");
            foreach (var run in result.Runs.OrderBy(r => r.MissionName, StringComparer.Ordinal)) OpsCli.Print(ctx.Out, run);
            if (pr.GetValue(outStem) is { } stem)
            {
                var (j, g) = OpsCli.Export(result.Runs, stem);
                ctx.Out.WriteLine($"operation log written to {j} and {g}");
            }
            return OpsCli.ExitCode(result, ctx.Err);
        });
        return cmd;
    }

    private static Command BuildSign(CliContext ctx)
    {
        var alert = new Argument<string>("alert") { Description = "Alert file to sign" };
        var secret = SecretOption();
        var cmd = new Command("sign", "Write the signature sidecar (ALERT.sig) for an alert file, as a municipal receiver would; prints the HTTP headers") { alert, secret };
        cmd.SetAction(pr =>
        {
            var path = pr.GetValue(alert)!;
            if (!File.Exists(path)) throw new InputDataException("alert file not found", path);
            var body = File.ReadAllBytes(path);
            AlertParser.Parse(body, path);
            var sig = AlertSignature.Sign(body, OpsCli.Secret(pr.GetValue(secret)), DateTimeOffset.UtcNow);
            File.WriteAllText(path + ".sig", sig.ToSidecar());
            ctx.Out.Write(sig.ToSidecar());
            return 0;
        });
        return cmd;
    }
}
