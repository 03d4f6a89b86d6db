using System.Collections.Concurrent;
using DxGeo.Core.Workspace;
using DxGeo.Ops.Log;
using DxGeo.Ops.Missions;
using DxGeo.Ops.Triggers;
using DxGeo.Ops.Weather;

namespace DxGeo.Ops.Supervision;

/// <summary>An alert delivery as soon as it was judged: the verdict, the missions being launched, and the runs to come.</summary>
public sealed record DispatchStart(IntakeResult Intake, IReadOnlyList<string> Launching, IReadOnlyList<string> Notes, Task<DispatchResult> Completion);

/// <summary>What one alert delivery led to.</summary>
public sealed record DispatchResult(IntakeResult Intake, IReadOnlyList<OperationRun> Runs, IReadOnlyList<string> Notes)
{
    public IEnumerable<string> Launched => Runs.Select(r => r.MissionName);
}

/// <summary>
/// From alert to flights: every delivery goes through the <see cref="AlertIntake"/> (signature, replay, idempotency)
/// and is recorded in operation_alerts; each standing mission whose trigger matches is launched at once, all in
/// parallel (each vehicle on its own link); a mission still flying from an earlier alert is not launched twice.
/// Runs are written to the workspace as they finish (one writer at a time).
/// </summary>
public sealed class OpsDispatcher
{
    private readonly IWorkspace _ws;
    private readonly MissionSupervisor _supervisor;
    private readonly ConcurrentDictionary<string, byte> _flying = new();
    private readonly Lock _writeLock = new();

    public OpsDispatcher(IWorkspace ws, byte[] secret, IVehicleConnector connector, IWeatherSource weather, SupervisorOptions? options = null, TimeProvider? clock = null,
        string alertIdPrefix = "")
    {
        _ws = ws;
        _supervisor = new MissionSupervisor(connector, weather, options);
        Intake = new AlertIntake(secret, id => { lock (_writeLock) return OperationLogStore.AlertHandled(ws, id); }, clock) { IdPrefix = alertIdPrefix };
    }

    public AlertIntake Intake { get; }

    /// <summary>Raised for every log entry of every run (mission name, entry), e.g. to show runs live.</summary>
    public event Action<string, OperationEvent>? Logged;

    /// <summary>A signed delivery (HTTP body, watched file); completes when every launched run has ended.</summary>
    public Task<DispatchResult> ReceiveAsync(byte[] body, AlertSignature? signature, string source, TriggerSource via, CancellationToken ct = default) =>
        Start(body, signature, source, via, ct).Completion;

    /// <summary>Judges a signed delivery and launches at once; returns before the flights end (an HTTP endpoint answers with this).</summary>
    public DispatchStart Start(byte[] body, AlertSignature? signature, string source, TriggerSource via, CancellationToken ct = default)
    {
        var received = DateTimeOffset.UtcNow;
        return Dispatch(Intake.Receive(body, signature, source), source, via, received, ct);
    }

    /// <summary>A manual launch or an operator's alert file: trusted, still once per alert id.</summary>
    public Task<DispatchResult> ReceiveTrustedAsync(Alert alert, string source, TriggerSource via, CancellationToken ct = default)
    {
        var received = DateTimeOffset.UtcNow;
        return Dispatch(Intake.ReceiveTrusted(alert), source, via, received, ct).Completion;
    }

    /// <summary>Launches one mission by hand, whatever its trigger (its own alert id, so it is recorded like any other).</summary>
    public async Task<OperationRun> LaunchAsync(StandingMission m, string operatorNote, CancellationToken ct = default)
    {
        var alert = new Alert
        {
            Id = $"manual:{m.Name}:{DateTimeOffset.UtcNow:yyyyMMdd'T'HHmmssfff'Z'}", Kind = m.Trigger.Kinds.FirstOrDefault() ?? "manual",
            Level = AlertLevel.MajorWarning, IssuedUtc = DateTimeOffset.UtcNow, Areas = [new AlertArea(m.Trigger.Areas[0], m.Trigger.Areas[0])],
            Headline = operatorNote, Source = "operator",
        };
        var r = await Dispatch(Intake.ReceiveTrusted(alert), "manual launch", TriggerSource.Manual, DateTimeOffset.UtcNow, ct, m.Name).Completion;
        return r.Runs.FirstOrDefault() ?? throw new Core.Errors.DxGeoException(string.Join("; ", r.Notes));
    }

    private DispatchStart Dispatch(IntakeResult intake, string source, TriggerSource via, DateTimeOffset received, CancellationToken ct,
        string? only = null)
    {
        var notes = new List<string>();
        List<StandingMission> launch = [];
        if (intake.Accepted)
        {
            var alert = intake.Alert!;
            if (alert.IsTest) notes.Add($"alert {alert.Id} is a test message: nothing launched");
            else if (alert.IsCancellation) notes.Add($"alert {alert.Id} is a cancellation: nothing launched");
            List<StandingMission> all;
            lock (_writeLock) all = [.. StandingMissionStore.List(_ws)];
            foreach (var m in all.Where(m => only is null ? m.Trigger.Match(alert) is not null : m.Name == only))
            {
                if (!_flying.TryAdd(m.Name, 0)) { notes.Add($"mission '{m.Name}' is still flying from an earlier alert: not launched again"); continue; }
                launch.Add(m);
            }
            if (launch.Count == 0 && !alert.IsTest && !alert.IsCancellation)
                notes.Add($"no standing mission answers {alert.Kind} {alert.Level} for {string.Join(", ", alert.Areas.Select(a => a.Name ?? a.Code))}");
        }
        else notes.Add(intake.Reason);
        lock (_writeLock) OperationLogStore.WriteAlert(_ws, intake, source, received, launch.Select(m => m.Name));

        var runs = Task.WhenAll(launch.Select(m => Task.Run(async () =>
        {
            try
            {
                var log = new OperationLog();
                log.Added += e => Logged?.Invoke(m.Name, e);
                var run = await _supervisor.RunAsync(m, intake.Alert!, via, received, log, ct);
                lock (_writeLock) OperationLogStore.WriteRun(_ws, run);
                return run;
            }
            finally { _flying.TryRemove(m.Name, out _); }
        }, CancellationToken.None)));
        return new DispatchStart(intake, [.. launch.Select(m => m.Name)], notes, Completion());

        async Task<DispatchResult> Completion() => new(intake, await runs, notes);
    }
}
