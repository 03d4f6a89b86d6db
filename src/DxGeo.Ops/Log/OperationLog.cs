namespace DxGeo.Ops.Log;

/// <summary>What an entry of the operation log records.</summary>
public enum OperationEventKind { Trigger, Gate, Command, Ack, Event, Payload, Progress, Failsafe, Result }

/// <summary>One entry: when, what, where the vehicle was (if known) and which mission item it was on.</summary>
public sealed record OperationEvent(int Seq, DateTimeOffset TimeUtc, OperationEventKind Kind, string Name, string Detail,
    double? LonDeg = null, double? LatDeg = null, int? MissionSeq = null);

/// <summary>The append-only, ordered log of one run (thread-safe: telemetry handlers and the supervisor both write).</summary>
public sealed class OperationLog
{
    private readonly List<OperationEvent> _events = [];
    private readonly Lock _lock = new();
    private readonly TimeProvider _clock;

    public OperationLog(TimeProvider? clock = null) => _clock = clock ?? TimeProvider.System;

    /// <summary>Raised after each entry (on the writer's thread), e.g. to show a run live.</summary>
    public event Action<OperationEvent>? Added;

    public OperationEvent Add(OperationEventKind kind, string name, string detail, double? lonDeg = null, double? latDeg = null, int? missionSeq = null)
    {
        OperationEvent e;
        lock (_lock)
        {
            e = new OperationEvent(_events.Count + 1, _clock.GetUtcNow(), kind, name, detail, lonDeg, latDeg, missionSeq);
            _events.Add(e);
        }
        Added?.Invoke(e);
        return e;
    }

    public IReadOnlyList<OperationEvent> Events { get { lock (_lock) return [.. _events]; } }
}
