using System.Globalization;
using System.Text;
using DxGeo.Core.Errors;
using DxGeo.Core.Workspace;
using DxGeo.Mavlink.Messages;
using DxGeo.Mavlink.Simulator;
using DxGeo.Ops.Log;
using DxGeo.Ops.Supervision;
using DxGeo.Ops.Triggers;
using DxGeo.Ops.Weather;

namespace DxGeo.Cli.Commands;

/// <summary>The simulated world of <c>ops simulate</c> and the demo: weather, vehicle impairments, time scale.</summary>
internal sealed record OpsSimulationSettings
{
    public double WindMps { get; init; } = 3;
    public double? GustMps { get; init; }
    public double PrecipitationMmPerH { get; init; }
    public double BatteryPct { get; init; } = 100;
    public GpsFixType GpsFix { get; init; } = GpsFixType.Fix3D;
    public double? CutLinkAtS { get; init; }
    public double CutLinkForS { get; init; } = 60;
    public double TimeScale { get; init; } = 20;
}

/// <summary>Shared by the ops commands and the demo: runs alerts on the simulator and prints operation logs.</summary>
internal static class OpsCli
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    /// <summary>
    /// Runs <paramref name="alertBody"/> through the whole chain with every standing mission of the workspace flying on
    /// the simulator. The alert's id is prefixed <c>sim:&lt;time&gt;:&lt;id&gt;</c> so a simulation never marks a real alert
    /// as handled; it is signed with a one-off secret and goes through the same intake as a real delivery.
    /// </summary>
    public static async Task<DispatchResult> SimulateAsync(IWorkspace ws, byte[] alertBody, string source, OpsSimulationSettings s,
        Action<string, OperationEvent>? live, CancellationToken ct)
    {
        AlertParser.Parse(alertBody, source); // a broken file is reported as such, not as a refused delivery
        var weather = new SimulatedWeatherSource(s.WindMps, s.GustMps, s.PrecipitationMmPerH);
        var connector = new SimulatedVehicleConnector((_, o) => o with
        {
            TimeScale = s.TimeScale, TickInterval = TimeSpan.FromMilliseconds(20), MaxStepS = Math.Max(1, s.TimeScale / 25), HeartbeatInterval = TimeSpan.FromMilliseconds(250),
            BatteryStartPct = s.BatteryPct, GpsFix = s.GpsFix, Satellites = s.GpsFix >= GpsFixType.Fix3D ? 14 : s.GpsFix == GpsFixType.Fix2D ? 5 : 0,
            WindMps = s.WindMps, LinkCutAtS = s.CutLinkAtS, LinkCutForS = s.CutLinkForS, GcsFailsafeTimeout = TimeSpan.FromSeconds(1),
        });
        var secret = System.Security.Cryptography.RandomNumberGenerator.GetBytes(32);
        var dispatcher = new OpsDispatcher(ws, secret, connector, weather, SimulatedSupervision(s.TimeScale),
            alertIdPrefix: $"sim:{DateTimeOffset.UtcNow:yyyyMMdd'T'HHmmssfff'Z'}:");
        if (live is not null) dispatcher.Logged += live;
        return await dispatcher.ReceiveAsync(alertBody, AlertSignature.Sign(alertBody, secret, DateTimeOffset.UtcNow), source, TriggerSource.Simulation, ct);
    }

    public static SupervisorOptions SimulatedSupervision(double timeScale) => new()
    {
        ConnectTimeout = TimeSpan.FromSeconds(10), TelemetryRateHz = 10, GcsHeartbeatInterval = TimeSpan.FromMilliseconds(250),
        LostLinkTimeout = TimeSpan.FromSeconds(1.5), LostLinkGiveUp = TimeSpan.FromSeconds(60), WeatherPollInterval = TimeSpan.FromSeconds(1),
        TrackSampleInterval = TimeSpan.FromMilliseconds(200), TimeScale = timeScale,
    };

    public static void Print(TextWriter w, OperationRun run)
    {
        w.WriteLine(string.Create(Inv, $"Run {run.RunId}: {run.MissionName} for {run.AlertSummary} → {run.Result}"));
        var t0 = run.AlertReceivedUtc;
        foreach (var e in run.Events)
            w.WriteLine(string.Create(Inv, $"  {(e.TimeUtc - t0).TotalSeconds,7:0.00}s  {e.Kind,-9} {e.Name,-18} {e.Detail}"));
        w.WriteLine(string.Create(Inv, $"  result: {run.ResultReason}"));
        if (run.AlertToArmedS is { } a) w.WriteLine(string.Create(Inv, $"  alert → armed {a:0.00} s, alert → take-off {run.AlertToTakeoffS:0.00} s"));
        if (run.Flight is { } f)
            w.WriteLine(string.Create(Inv, $"  track {f.FlightId}: {f.Points.Count} samples, {f.LengthM / 1000:0.00} km, {f.ItemsReached}/{f.ItemsTotal} items"));
    }

    /// <summary>Writes &lt;stem&gt;.json and &lt;stem&gt;.geojson; returns both paths.</summary>
    public static (string Json, string GeoJson) Export(IReadOnlyList<OperationRun> runs, string stem)
    {
        var dir = Path.GetDirectoryName(Path.GetFullPath(stem))!;
        Directory.CreateDirectory(dir);
        var json = stem + ".json";
        var geo = stem + ".geojson";
        File.WriteAllText(json, OperationLogExport.ToJson(runs));
        File.WriteAllText(geo, OperationLogExport.ToGeoJson(runs));
        return (json, geo);
    }

    /// <summary>Exit code for a set of runs: 0 all completed (or none launched), 3 a gate refused, 4 a failsafe brought one back early, 1 one failed.</summary>
    public static int ExitCode(DispatchResult r, TextWriter err)
    {
        if (!r.Intake.Accepted) throw new DxGeoException($"alert not accepted: {r.Intake.Reason}");
        var refused = r.Runs.Where(x => x.Result == OperationResult.GateRefused).ToList();
        if (refused.Count > 0)
            throw new CliExitException($"gate refused: {string.Join(" | ", refused.Select(x => $"{x.MissionName}: {x.ResultReason}"))}", 3);
        if (r.Runs.FirstOrDefault(x => x.Result == OperationResult.Failed) is { } failed)
            throw new DxGeoException($"{failed.MissionName} failed: {failed.ResultReason}");
        if (r.Runs.FirstOrDefault(x => x.Result == OperationResult.ReturnedEarly) is { } early)
            throw new CliExitException($"{early.MissionName} returned early: {early.ResultReason}", 4);
        return 0;
    }

    public static byte[] Secret(string? secretFile)
    {
        if (secretFile is not null)
        {
            if (!File.Exists(secretFile)) throw new InputDataException("secret file not found", secretFile);
            return File.ReadAllBytes(secretFile).AsSpan().Trim((byte)'\n').Trim((byte)'\r').ToArray();
        }
        var env = Environment.GetEnvironmentVariable("DXGEO_ALERT_SECRET");
        if (string.IsNullOrEmpty(env)) throw new DxGeoException("no alert secret: pass --secret-file or set DXGEO_ALERT_SECRET (at least 16 bytes)");
        return Encoding.UTF8.GetBytes(env);
    }

    public static IWeatherSource Weather(string? fileOrUrl) =>
        fileOrUrl is null ? new UnavailableWeather() : new ObservationWeatherSource(fileOrUrl);

    /// <summary>No weather source configured: every gate is a no-go with that reason (never launches blind).</summary>
    private sealed class UnavailableWeather : IWeatherSource
    {
        public string Description => "no weather source";
        public Task<WeatherObservation> CurrentAsync(double lonDeg, double latDeg, CancellationToken ct = default) =>
            throw new DxGeoException("no weather source configured (--weather FILE|URL)");
    }
}
