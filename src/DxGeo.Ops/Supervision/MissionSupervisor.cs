using DxGeo.Core.Errors;
using DxGeo.Flight.Missions;
using DxGeo.Mavlink.Messages;
using DxGeo.Mavlink.Protocol;
using DxGeo.Mavlink.Vehicle;
using DxGeo.Ops.Gate;
using DxGeo.Ops.Log;
using DxGeo.Ops.Missions;
using DxGeo.Ops.Triggers;
using DxGeo.Ops.Weather;

namespace DxGeo.Ops.Supervision;

/// <summary>
/// Runs one standing mission for one alert on one vehicle: connect, upload mission and fence if they changed, the
/// readiness gate (a no-go ends the run before anything is armed), then arm, take off, AUTO and supervise to landing
/// (<see cref="FlightSupervision"/>). Everything goes into the run's operation log, in order.
/// </summary>
public sealed class MissionSupervisor(IVehicleConnector connector, IWeatherSource weather, SupervisorOptions? options = null)
{
    private readonly SupervisorOptions _o = options ?? new SupervisorOptions();

    public async Task<OperationRun> RunAsync(StandingMission m, Alert alert, TriggerSource source, DateTimeOffset alertReceivedUtc,
        OperationLog? log = null, CancellationToken ct = default)
    {
        log ??= new OperationLog();
        var started = DateTimeOffset.UtcNow;
        var area = m.Trigger.Match(alert);
        var summary = $"{alert.Kind} {alert.Level} for {area?.Name ?? area?.Code ?? string.Join("/", alert.Areas.Select(a => a.Name ?? a.Code))}";
        var run = new OperationRun
        {
            RunId = OperationRun.NewId(started, m.Name), MissionName = m.Name, AlertId = alert.Id, AlertSummary = summary,
            TriggerSource = source.ToString(), VehicleLink = m.Link, LaunchLonDeg = m.LaunchLonDeg, LaunchLatDeg = m.LaunchLatDeg, AlertReceivedUtc = alertReceivedUtc, StartedUtc = started,
        };
        log.Add(OperationEventKind.Trigger, "alert", $"{summary} ({alert.Id}, {alert.Source}) received via {source}");
        VehicleSession? session = null;
        using var heartbeat = CancellationTokenSource.CreateLinkedTokenSource(ct);
        Task? heartbeatLoop = null;
        try
        {
            var assembled = MissionAssembly.Build(m);
            log.Add(OperationEventKind.Event, "mission", $"plan {m.PlanId}: {assembled.Items.Count} items with {assembled.PayloadItems.Count} payload action(s), " +
                $"fence {assembled.Fence.Count} item(s), return {m.Return}");
            session = await connector.ConnectAsync(m, _o.ConnectTimeout, ct);
            var v = session.Vehicle;
            run = run with { VehicleLink = session.LinkDescription, VehicleSystemId = v.Target.SystemId };
            log.Add(OperationEventKind.Event, "link", $"{session.LinkDescription}: {v.Flavor} vehicle, system {v.Target.SystemId}");
            heartbeatLoop = GcsHeartbeatAsync(session.Connection, heartbeat.Token);
            await v.RequestTelemetryAsync(_o.TelemetryRateHz, ct: ct);
            await UploadIfChangedAsync(v, assembled.Fence, MissionType.Fence, log, ct);
            await UploadIfChangedAsync(v, assembled.Items, MissionType.Mission, log, ct);

            // The gate reads the vehicle's own report: give it time to report the fence just uploaded.
            await v.State.WaitUntilAsync(s => s.HasSysStatus && s.BatteryPct is not null && (!m.Gate.RequireGeofence || s.SensorsEnabled.HasFlag(MavSysStatusSensor.Geofence)),
                _o.GateSettleTimeout, ct);
            WeatherObservation? obs = null;
            string? weatherError = null;
            try { obs = await weather.CurrentAsync(m.LaunchLonDeg, m.LaunchLatDeg, ct); }
            catch (DxGeoException e) { weatherError = e.Message; }
            var state = v.State.Current;
            var decision = ReadinessGate.Evaluate(m.Gate, obs, weatherError, state, DateTimeOffset.UtcNow);
            foreach (var c in decision.Checks)
                log.Add(OperationEventKind.Gate, c.Name, (c.Go ? "go: " : "NO-GO: ") + c.Reason, state.LongitudeDeg, state.LatitudeDeg);
            if (!decision.Go)
            {
                log.Add(OperationEventKind.Result, "gate_refused", $"no-go, nothing armed: {decision.Reason}");
                return Done(run with { Result = OperationResult.GateRefused, ResultReason = decision.Reason }, log);
            }
            log.Add(OperationEventKind.Gate, "decision", $"GO ({weather.Description}: wind {obs!.WindMps:0.#} m/s, gusts {obs.GustMps:0.#} m/s)");
            var flight = new FlightSupervision(v, m, assembled, weather, _o, log, alertReceivedUtc);
            return Done(await flight.FlyAsync(run, ct), log);
        }
        catch (DxGeoException e)
        {
            log.Add(OperationEventKind.Result, "failed", e.Message);
            return Done(run with { Result = OperationResult.Failed, ResultReason = e.Message }, log);
        }
        finally
        {
            await heartbeat.CancelAsync();
            if (heartbeatLoop is not null) await heartbeatLoop;
            if (session is not null) await session.DisposeAsync();
        }
    }

    private static OperationRun Done(OperationRun run, OperationLog log) => run with { EndedUtc = DateTimeOffset.UtcNow, Events = log.Events };

    /// <summary>Uploads only when what the vehicle holds differs from what should fly (saves the minutes a slow radio
    /// needs, and keeps a vehicle that is already set up untouched).</summary>
    private static async Task UploadIfChangedAsync(VehicleController v, IReadOnlyList<MissionItem> items, MissionType type, OperationLog log, CancellationToken ct)
    {
        string? diff;
        try
        {
            var held = await v.Missions.DownloadAsync(type, ct: ct);
            diff = MissionComparer.FirstDifference(items, held.Items, v.Missions.Options);
        }
        catch (MissionProtocolException e) { diff = $"could not read it back ({e.Message})"; }
        if (diff is null)
        {
            log.Add(OperationEventKind.Event, $"{type.ToString().ToLowerInvariant()}_unchanged", $"vehicle already holds these {items.Count} {type} items: not uploaded");
            return;
        }
        log.Add(OperationEventKind.Command, $"upload_{type.ToString().ToLowerInvariant()}", $"{items.Count} items ({diff})");
        var r = await v.Missions.UploadAsync(items, type, ct: ct);
        log.Add(OperationEventKind.Ack, $"upload_{type.ToString().ToLowerInvariant()}", $"MISSION_ACK accepted, {r.ItemCount} items{(r.Verified ? ", verified" : "")}");
    }

    /// <summary>Ground stations send HEARTBEAT at 1 Hz; autopilots' GCS failsafe watches for it.</summary>
    private async Task GcsHeartbeatAsync(MavlinkConnection conn, CancellationToken ct)
    {
        var hb = new Heartbeat { Type = MavVehicleType.Gcs, Autopilot = MavAutopilot.Invalid, SystemStatus = MavState.Active };
        try
        {
            while (!ct.IsCancellationRequested)
            {
                await conn.SendAsync(hb, ct);
                await Task.Delay(_o.GcsHeartbeatInterval, ct);
            }
        }
        catch (OperationCanceledException) { }
        catch (Mavlink.Links.LinkClosedException) { }
    }
}
