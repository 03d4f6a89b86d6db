using DxGeo.Mavlink.FlightLog;
using DxGeo.Mavlink.Messages;

namespace DxGeo.Mavlink.Vehicle;

/// <summary>Records the flown track from position telemetry: a sample every <see cref="MinInterval"/>, and on every
/// mode or arming change.</summary>
public sealed class TrackRecorder : IDisposable
{
    private readonly VehicleStateTracker _tracker;
    private readonly List<FlightTrackPoint> _points = [];
    private readonly Lock _lock = new();
    private DateTimeOffset _last = DateTimeOffset.MinValue;
    private (FlightMode, bool)? _lastModeArmed;

    public TrackRecorder(VehicleStateTracker tracker, TimeSpan? minInterval = null)
    {
        _tracker = tracker;
        MinInterval = minInterval ?? TimeSpan.FromMilliseconds(500);
        StartedUtc = DateTimeOffset.UtcNow;
        tracker.Updated += OnUpdate;
    }

    public TimeSpan MinInterval { get; }
    public DateTimeOffset StartedUtc { get; }
    public int Count { get { lock (_lock) return _points.Count; } }

    private void OnUpdate(VehicleState s, IMavlinkMessage m)
    {
        if (m is not GlobalPositionInt || s.LatitudeDeg is not { } lat || s.LongitudeDeg is not { } lon) return;
        var now = s.LastPositionUtc ?? DateTimeOffset.UtcNow;
        lock (_lock)
        {
            var changed = _lastModeArmed != (s.Mode, s.Armed);
            if (!changed && now - _last < MinInterval) return;
            _last = now;
            _lastModeArmed = (s.Mode, s.Armed);
            _points.Add(new FlightTrackPoint(now, lat, lon, s.AltitudeAmslM ?? 0, s.AltitudeRelM ?? 0, s.GroundSpeedMps ?? 0,
                s.BatteryPct, s.Mode.ToString(), s.Armed, s.MissionSeq));
        }
    }

    /// <summary>Stops recording and returns the flight.</summary>
    public FlightRecord Finish(string? plannedFlightId, int itemsTotal, int itemsReached, string result)
    {
        _tracker.Updated -= OnUpdate;
        var s = _tracker.Current;
        List<FlightTrackPoint> pts;
        lock (_lock) pts = [.. _points];
        return new FlightRecord
        {
            FlightId = FlightRecord.NewId(StartedUtc, s.SystemId), PlannedFlightId = plannedFlightId, VehicleSystemId = s.SystemId,
            Autopilot = s.Flavor.ToString(), StartedUtc = StartedUtc, EndedUtc = DateTimeOffset.UtcNow, Points = pts,
            ItemsReached = itemsReached, ItemsTotal = itemsTotal, ImagesCaptured = s.ImagesCaptured, Result = result,
        };
    }

    public void Dispose() => _tracker.Updated -= OnUpdate;
}
