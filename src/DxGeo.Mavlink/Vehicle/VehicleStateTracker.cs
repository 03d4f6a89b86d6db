using DxGeo.Mavlink.Messages;
using DxGeo.Mavlink.Protocol;

namespace DxGeo.Mavlink.Vehicle;

/// <summary>Keeps a <see cref="VehicleState"/> up to date from one vehicle's telemetry.</summary>
public sealed class VehicleStateTracker : IDisposable
{
    private readonly MavlinkConnection _connection;
    private readonly VehicleTarget _target;
    private readonly Lock _lock = new();
    private readonly List<(Func<VehicleState, bool> Predicate, TaskCompletionSource<VehicleState> Tcs)> _waiters = [];
    private VehicleState _state;
    // Duplicated frames must not count twice.
    private readonly HashSet<int> _reached = [];
    private readonly HashSet<int> _images = [];

    public VehicleStateTracker(MavlinkConnection connection, VehicleTarget target, AutopilotFlavor flavor)
    {
        _connection = connection;
        _target = target;
        _state = new VehicleState { SystemId = target.SystemId, Flavor = flavor };
        connection.MessageReceived += OnMessage;
    }

    public VehicleState Current => _state;

    /// <summary>Forget reached items and captures (a new mission run starts).</summary>
    public void ResetMissionProgress()
    {
        lock (_lock)
        {
            _reached.Clear();
            _images.Clear();
            _state = _state with { LastReachedSeq = -1, ReachedCount = 0, ImagesCaptured = 0 };
        }
    }

    /// <summary>Raised (on the receive loop) after each update.</summary>
    public event Action<VehicleState, IMavlinkMessage>? Updated;

    /// <summary>Waits until the state satisfies <paramref name="predicate"/>; null on timeout.</summary>
    public async Task<VehicleState?> WaitUntilAsync(Func<VehicleState, bool> predicate, TimeSpan timeout, CancellationToken ct = default)
    {
        var tcs = new TaskCompletionSource<VehicleState>(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_lock)
        {
            if (predicate(_state)) return _state;
            _waiters.Add((predicate, tcs));
        }
        try { return await tcs.Task.WaitAsync(timeout, ct).ConfigureAwait(false); }
        catch (TimeoutException) { return null; }
        finally { lock (_lock) _waiters.RemoveAll(w => w.Tcs == tcs); }
    }

    private void OnMessage(ReceivedMessage m)
    {
        if (!_target.Matches(m)) return;
        VehicleState s;
        lock (_lock)
        {
            s = _state = Apply(_state, m);
            foreach (var w in _waiters) if (w.Predicate(s)) w.Tcs.TrySetResult(s);
        }
        Updated?.Invoke(s, m.Message);
    }

    private VehicleState Apply(VehicleState s, ReceivedMessage rm) => rm.Message switch
    {
        Heartbeat h => s with
        {
            Armed = h.IsArmed, CustomMode = h.CustomMode, Mode = FlightModes.FromCustomMode(s.Flavor, h.CustomMode),
            VehicleType = h.Type, SystemStatus = h.SystemStatus, LastHeartbeatUtc = rm.ReceivedUtc,
        },
        GlobalPositionInt p => s with
        {
            LatitudeDeg = p.Lat / 1e7, LongitudeDeg = p.Lon / 1e7, AltitudeAmslM = p.AltMm / 1000.0, AltitudeRelM = p.RelativeAltMm / 1000.0,
            HeadingDeg = p.Hdg == ushort.MaxValue ? s.HeadingDeg : p.Hdg / 100.0,
            GroundSpeedMps = Math.Sqrt(p.Vx * p.Vx + p.Vy * p.Vy) / 100.0, ClimbRateMps = -p.Vz / 100.0, LastPositionUtc = rm.ReceivedUtc,
        },
        GpsRawInt g => s with { GpsFix = g.FixType, Satellites = g.SatellitesVisible },
        SysStatus st => s with
        {
            BatteryPct = st.BatteryRemainingPct >= 0 ? st.BatteryRemainingPct : s.BatteryPct,
            BatteryVoltageV = st.VoltageBatteryMv != ushort.MaxValue ? st.VoltageBatteryMv / 1000.0 : s.BatteryVoltageV,
            SensorsPresent = (MavSysStatusSensor)st.OnboardControlSensorsPresent, SensorsEnabled = (MavSysStatusSensor)st.OnboardControlSensorsEnabled,
            SensorsHealth = (MavSysStatusSensor)st.OnboardControlSensorsHealth, HasSysStatus = true,
        },
        BatteryStatus b when b.BatteryRemainingPct >= 0 => s with { BatteryPct = b.BatteryRemainingPct },
        VfrHud v => s with { GroundSpeedMps = v.GroundspeedMps, ClimbRateMps = v.ClimbMps },
        MissionCurrent c => s with { MissionSeq = c.Seq, MissionTotal = c.Total == ushort.MaxValue ? s.MissionTotal : c.Total, MissionState = c.MissionState },
        MissionItemReached r => _reached.Add(r.Seq) ? s with { LastReachedSeq = Math.Max(s.LastReachedSeq, r.Seq), ReachedCount = _reached.Count } : s,
        HomePosition h => s with { HomeLatitudeDeg = h.Latitude / 1e7, HomeLongitudeDeg = h.Longitude / 1e7, HomeAltitudeAmslM = h.AltitudeMm / 1000.0 },
        CameraImageCaptured c => _images.Add(c.ImageIndex) ? s with { ImagesCaptured = _images.Count } : s,
        StatusText t => s with { LastStatusText = t.Text },
        _ => s,
    };

    public void Dispose() => _connection.MessageReceived -= OnMessage;
}
