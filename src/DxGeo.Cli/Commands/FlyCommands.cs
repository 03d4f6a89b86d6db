using System.CommandLine;
using System.Globalization;
using DxGeo.Core.Errors;
using DxGeo.Core.Workspace.GeoPackage;
using DxGeo.Flight.Formats;
using DxGeo.Flight.Missions;
using DxGeo.Mavlink.Codec.Signing;
using DxGeo.Mavlink.FlightLog;
using DxGeo.Mavlink.Plans;
using DxGeo.Mavlink.Vehicle;

namespace DxGeo.Cli.Commands;

/// <summary><c>dxgeo fly</c>: upload/download/clear missions, fly a plan and record its track, monitor telemetry, manage signing keys.</summary>
internal static class FlyCommands
{
    public static Command Build(CliContext ctx)
    {
        var fly = new Command("fly", "Fly plans over MAVLink (ArduPilot, PX4 or 'dxgeo sim'): upload, download, clear, run, monitor");
        fly.Subcommands.Add(Upload(ctx));
        fly.Subcommands.Add(Download(ctx));
        fly.Subcommands.Add(Clear(ctx));
        fly.Subcommands.Add(Run(ctx));
        fly.Subcommands.Add(Monitor(ctx));
        fly.Subcommands.Add(Key(ctx));
        return fly;
    }

    private static Argument<string> PlanArg() => new("plan") { Description = "QGroundControl .plan or QGC WPL 110 waypoint file" };

    private static Command Upload(CliContext ctx)
    {
        var f = new FlyCli();
        var plan = PlanArg();
        var noVerify = new Option<bool>("--no-verify") { Description = "Skip reading the mission back after upload" };
        var cmd = new Command("upload", "Upload a plan's mission, geofence/no-fly polygons and rally points (verified by reading back)") { plan, noVerify };
        f.AddTo(cmd);
        cmd.SetAction(async (pr, ct) =>
        {
            var p = PlanFileReader.Read(pr.GetValue(plan)!);
            await using var c = await f.OpenAsync(pr, pr.GetValue(ctx.Workspace)!, ct);
            using var v = await f.VehicleAsync(pr, c, ct);
            var client = new DxGeo.Mavlink.Protocol.MissionClient(c, v.Target, v.Flavor, new() { VerifyAfterUpload = !pr.GetValue(noVerify) });
            ctx.Out.WriteLine($"connected to {FlyCli.Describe(v)}");
            if (p.Fence.Count > 0) { await client.UploadAsync(p.Fence, MissionType.Fence, ctx.Progress("fence"), ct); ctx.Out.WriteLine($"fence: {p.Fence.Count} items uploaded"); }
            if (p.Rally.Count > 0) { await client.UploadAsync(p.Rally, MissionType.Rally, ctx.Progress("rally"), ct); ctx.Out.WriteLine($"rally: {p.Rally.Count} points uploaded"); }
            var r = await client.UploadAsync(p.Mission, MissionType.Mission, ctx.Progress("mission"), ct);
            ctx.Out.WriteLine($"mission: {r.ItemCount} items uploaded{(r.Verified ? ", verified by read-back" : "")}{(r.Note is null ? "" : $" ({r.Note})")}");
            return 0;
        });
        return cmd;
    }

    private static Command Download(CliContext ctx)
    {
        var f = new FlyCli();
        var type = TypeOption();
        var output = new Option<string?>("--out", "-o") { Description = "Write a QGC WPL 110 file instead of printing" };
        var cmd = new Command("download", "Read the vehicle's mission (or fence/rally items)") { type, output };
        f.AddTo(cmd);
        cmd.SetAction(async (pr, ct) =>
        {
            await using var c = await f.OpenAsync(pr, pr.GetValue(ctx.Workspace)!, ct);
            using var v = await f.VehicleAsync(pr, c, ct);
            var m = await v.Missions.DownloadAsync(ParseType(pr.GetValue(type)!), ctx.Progress("download"), ct);
            if (pr.GetValue(output) is { } path)
            {
                WplFormat.Write(path, m.Home, m.Items);
                ctx.Out.WriteLine($"{m.Items.Count} items written to {path}");
                return 0;
            }
            var inv = CultureInfo.InvariantCulture;
            if (m.Home is { } h) ctx.Out.WriteLine(string.Create(inv, $"home  {h.LatitudeDeg:F7} {h.LongitudeDeg:F7} {h.Z:F1} m AMSL"));
            foreach (var i in m.Items)
                ctx.Out.WriteLine(string.Create(inv, $"{i.Seq,4} {i.Command,-32} {i.Frame,-20} {i.LatitudeDeg,12:F7} {i.LongitudeDeg,12:F7} {i.Z,8:F2}  p1 {i.Param1} p2 {i.Param2} p3 {i.Param3} p4 {i.Param4}"));
            ctx.Out.WriteLine($"{m.Items.Count} items");
            return 0;
        });
        return cmd;
    }

    private static Command Clear(CliContext ctx)
    {
        var f = new FlyCli();
        var type = TypeOption();
        var cmd = new Command("clear", "Delete the vehicle's mission (or fence/rally items)") { type };
        f.AddTo(cmd);
        cmd.SetAction(async (pr, ct) =>
        {
            await using var c = await f.OpenAsync(pr, pr.GetValue(ctx.Workspace)!, ct);
            using var v = await f.VehicleAsync(pr, c, ct);
            var t = ParseType(pr.GetValue(type)!);
            await v.Missions.ClearAsync(t, ct);
            ctx.Out.WriteLine($"{t.ToString().ToLowerInvariant()} cleared on {FlyCli.Describe(v)}");
            return 0;
        });
        return cmd;
    }

    private static Command Run(CliContext ctx)
    {
        var f = new FlyCli();
        var plan = PlanArg();
        var planned = new Option<string?>("--planned-id") { Description = "Planned flight id stored with the track (default: the plan's file name)" };
        var timeout = new Option<double?>("--timeout") { Description = "Seconds before giving up and returning to launch (default: from the route length)" };
        var rate = new Option<double>("--rate") { Description = "Telemetry rate requested, Hz", DefaultValueFactory = _ => 4 };
        var cmd = new Command("run", "Fly a plan: upload (with fence), arm, take off, run the mission, follow progress, and store the flown track in the workspace")
        {
            plan, planned, timeout, rate,
        };
        f.AddTo(cmd);
        cmd.SetAction(async (pr, ct) =>
        {
            var p = PlanFileReader.Read(pr.GetValue(plan)!);
            var wsPath = Path.GetFullPath(pr.GetValue(ctx.Workspace)!);
            await using var c = await f.OpenAsync(pr, wsPath, ct);
            using var v = await f.VehicleAsync(pr, c, ct);
            ctx.Out.WriteLine($"connected to {FlyCli.Describe(v)}");
            await v.RequestTelemetryAsync(pr.GetValue(rate), ct: ct);
            var options = new MissionRunOptions
            {
                PlannedFlightId = pr.GetValue(planned) ?? p.PlannedFlightId, Fence = p.Fence,
                Timeout = pr.GetValue(timeout) is { } s ? TimeSpan.FromSeconds(s) : null,
            };
            FlightRecord flight;
            try { flight = await new MissionRunner(v).RunAsync(p.Mission, options, ctx.Progress("flight"), ct); }
            catch (FlightFailedException e)
            {
                Store(ctx, wsPath, e.Recorded);
                throw;
            }
            Store(ctx, wsPath, flight);
            ctx.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"flight {flight.FlightId}: {flight.Result}; {flight.ItemsReached}/{flight.ItemsTotal} items, {flight.LengthM / 1000:F2} km, " +
                $"max {flight.MaxAltitudeRelM:F0} m, {flight.ImagesCaptured} images, {flight.Points.Count} track points"));
            return flight.Result == "completed" ? 0 : 1;
        });
        return cmd;
    }

    private static void Store(CliContext ctx, string wsPath, FlightRecord flight)
    {
        using var ws = File.Exists(wsPath) ? GeoPackageWorkspace.Open(wsPath) : GeoPackageWorkspace.Create(wsPath);
        FlightLogWriter.Write(ws, flight);
        ctx.Out.WriteLine($"track stored in {ws.Location} (layers {FlightLogLayers.Tracks}, {FlightLogLayers.Points}; flight_id {flight.FlightId})");
    }

    private static Command Monitor(CliContext ctx)
    {
        var f = new FlyCli();
        var seconds = new Option<double?>("--seconds") { Description = "Stop after this many seconds (default: until Ctrl-C)" };
        var rate = new Option<double>("--rate") { Description = "Telemetry rate requested, Hz", DefaultValueFactory = _ => 2 };
        var cmd = new Command("monitor", "Print the vehicle's state (position, altitude, battery, mode, GPS, mission progress) once a second") { seconds, rate };
        f.AddTo(cmd);
        cmd.SetAction(async (pr, ct) =>
        {
            await using var c = await f.OpenAsync(pr, pr.GetValue(ctx.Workspace)!, ct);
            using var v = await f.VehicleAsync(pr, c, ct);
            ctx.Out.WriteLine($"connected to {FlyCli.Describe(v)}");
            await v.RequestTelemetryAsync(pr.GetValue(rate), ct: ct);
            var end = pr.GetValue(seconds) is { } s ? DateTime.UtcNow.AddSeconds(s) : DateTime.MaxValue;
            string? lastText = null;
            try
            {
                while (DateTime.UtcNow < end)
                {
                    var st = v.State.Current;
                    if (st.LastStatusText is { } t && t != lastText) { ctx.Out.WriteLine($"  vehicle says: {t}"); lastText = t; }
                    ctx.Out.WriteLine(FlyCli.StateLine(st));
                    await Task.Delay(TimeSpan.FromSeconds(1), ct);
                }
            }
            catch (OperationCanceledException) { }
            ctx.Out.WriteLine($"link: {c.ParserStats}; rejected by signature {c.RejectedFrames}");
            return 0;
        });
        return cmd;
    }

    private static Command Key(CliContext ctx)
    {
        var name = new Argument<string>("name") { Description = "Key name (one per vehicle or fleet)" };
        var passphrase = new Option<string?>("--passphrase") { Description = "Derive the key as SHA-256 of this phrase (as Mission Planner/QGC do); default: random" };
        var force = new Option<bool>("--force") { Description = "Replace an existing key" };
        var cmd = new Command("key", "Create a MAVLink 2 signing key in the key store (outside the workspace, owner-only permissions)") { name, passphrase, force };
        cmd.SetAction(pr =>
        {
            var store = new SigningKeyStore(SigningKeyStore.DefaultDirectory());
            store.EnsureOutside(Path.GetDirectoryName(Path.GetFullPath(pr.GetValue(ctx.Workspace)!))!);
            var key = pr.GetValue(passphrase) is { } phrase ? SigningKey.FromPassphrase(phrase) : SigningKey.Generate();
            store.Save(pr.GetValue(name)!, key, pr.GetValue(force));
            ctx.Out.WriteLine($"signing key '{pr.GetValue(name)}' stored in {store.PathOf(pr.GetValue(name)!)} (mode 600); load the same key into the autopilot before flying signed");
            return 0;
        });
        return cmd;
    }

    private static Option<string> TypeOption() => new("--type") { Description = "mission, fence or rally", DefaultValueFactory = _ => "mission" };

    private static MissionType ParseType(string s) => s.ToLowerInvariant() switch
    {
        "mission" => MissionType.Mission, "fence" => MissionType.Fence, "rally" => MissionType.Rally,
        _ => throw new DxGeoException($"--type must be mission, fence or rally, not '{s}'"),
    };
}
