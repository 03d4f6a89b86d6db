using DxGeo.Flight.Missions;
using DxGeo.Mavlink.Links;
using DxGeo.Mavlink.Messages;
using DxGeo.Mavlink.Protocol;
using DxGeo.Mavlink.Vehicle;

namespace DxGeo.Mavlink.Simulator;

/// <summary>
/// A simulated vehicle speaking the vehicle side of MAVLink over any link (QGroundControl's MockLink is the model):
/// heartbeat, telemetry streams on request, the mission protocol for mission/fence/rally, commands (arm, mode,
/// take-off, mission start, RTL, land, message intervals) answered with COMMAND_ACK, simple kinematics that fly the
/// uploaded waypoints, battery drain and a camera that reports CAMERA_IMAGE_CAPTURED. Impair its link with
/// <see cref="FaultInjectingLink"/> for loss, delay and duplication.
/// </summary>
public sealed partial class SimVehicle : IAsyncDisposable
{
    private readonly SimVehicleOptions _o;
    private readonly MavlinkConnection _conn;
    private readonly SimFlight _flight;
    private readonly SimMissionServer _missions;
    private readonly Dictionary<uint, TimeSpan> _intervals = [];
    private readonly Dictionary<uint, DateTime> _nextSend = [];
    private readonly CancellationTokenSource _cts = new();
    private readonly Task _loop;
    private readonly DateTime _boot = DateTime.UtcNow;
    private int _imageIndex;
    private int _lastReportedSeq = -1;
    private volatile bool _linkCut;
    private bool _injectedCutDone;
    private double _cutEndsAtS = double.PositiveInfinity;
    private DateTime? _lastGcsHeartbeat;

    public SimVehicle(IMavlinkLink link, SimVehicleOptions? options = null)
    {
        _o = options ?? new SimVehicleOptions();
        _conn = new MavlinkConnection(link, new MavlinkConnectionOptions { SystemId = _o.SystemId, ComponentId = _o.ComponentId });
        _flight = new SimFlight(_o);
        _missions = new SimMissionServer(_o, HomeItem);
        _missions.MissionReplaced += t => { if (t == MissionType.Mission) { _flight.Mission = _missions.Items(MissionType.Mission); _flight.CurrentSeq = 0; } };
        _flight.Mission = _missions.Items(MissionType.Mission);
        if (_o.StreamWithoutRequest)
            foreach (var id in new uint[] { 1, 24, 30, 33, 42, 74, 147 }) _intervals[id] = TimeSpan.FromMilliseconds(250);
        _loop = Task.Run(() => Run(_cts.Token));
    }

    public SimVehicleOptions Options => _o;
    public MavlinkConnection Connection => _conn;
    public bool Armed => _flight.Armed;
    public FlightMode Mode => _flight.Mode;
    public double LatDeg => _flight.LatDeg;
    public double LonDeg => _flight.LonDeg;
    public double AltRelM => _flight.AltRelM;
    public double BatteryPct => _flight.BatteryPct;
    public int ImagesCaptured => _imageIndex;
    public long UploadsCompleted => _missions.UploadsCompleted;
    public long UploadsAborted => _missions.UploadsAborted;
    /// <summary>Relay and servo changes so far, in order.</summary>
    public IReadOnlyList<SimPayloadEvent> PayloadEvents { get { lock (_flight.PayloadEvents) return [.. _flight.PayloadEvents]; } }
    /// <summary>True while the link is cut (nothing sent, nothing heard).</summary>
    public bool LinkCut => _linkCut;
    /// <summary>Cuts the radio link now (both ways) until <see cref="RestoreLink"/>.</summary>
    public void CutLink() => _linkCut = true;
    public void RestoreLink() => _linkCut = false;
    /// <summary>Changes the wind while running (read on the next tick).</summary>
    public void SetWind(double windMps, double fromDeg) { _flight.WindMps = windMps; _flight.WindFromDeg = fromDeg; }

    /// <summary>Stored items (for ArduPilot missions item 0 is home).</summary>
    public IReadOnlyList<MissionItem> StoredItems(MissionType t) => _missions.Items(t);

    private MissionItem HomeItem() => new()
    {
        Command = MavCmd.NavWaypoint, Frame = MavFrame.Global, LatitudeDeg = _o.HomeLatDeg, LongitudeDeg = _o.HomeLonDeg,
        Z = (float)_o.HomeAltAmslM,
    };

    private async Task Run(CancellationToken ct)
    {
        using var sub = _conn.Subscribe(m => m.SystemId != _o.SystemId);
        var outbox = new List<IMavlinkMessage>();
        var nextTick = DateTime.UtcNow;
        var nextHeartbeat = DateTime.UtcNow;
        var lastTick = DateTime.UtcNow;
        try
        {
            while (!ct.IsCancellationRequested)
            {
                var wait = nextTick - DateTime.UtcNow;
                var msg = await sub.NextAsync(wait > TimeSpan.Zero ? wait : TimeSpan.Zero, ct);
                var now = DateTime.UtcNow;
                if (msg is not null && !_linkCut) Handle(msg, outbox, now);
                else if (_conn.Completion.IsCompleted) break;
                if (now >= nextTick)
                {
                    _flight.Step(Math.Min(_o.MaxStepS, (now - lastTick).TotalSeconds * _o.TimeScale));
                    lastTick = now;
                    nextTick = now + _o.TickInterval;
                    Faults(now);
                    _missions.Tick(outbox, now);
                    Report(outbox);
                    if (now >= nextHeartbeat) { outbox.Add(Heartbeat()); nextHeartbeat = now + _o.HeartbeatInterval; }
                    Streams(outbox, now);
                }
                if (!_linkCut) foreach (var m in outbox) await _conn.SendAsync(m, ct);
                outbox.Clear();
            }
        }
        catch (OperationCanceledException) { }
        catch (LinkClosedException) { }
    }

    /// <summary>Injected link cut (by simulated time armed) and the vehicle's own GCS failsafe.</summary>
    private void Faults(DateTime now)
    {
        if (_o.LinkCutAtS is { } at && !_injectedCutDone && _flight.ArmedTimeS >= at)
        {
            _injectedCutDone = true;
            _linkCut = true;
            _cutEndsAtS = _o.LinkCutForS is { } len ? _flight.SimTimeS + len : double.PositiveInfinity;
        }
        if (_linkCut && _flight.SimTimeS >= _cutEndsAtS) { _linkCut = false; _cutEndsAtS = double.PositiveInfinity; }
        if (_o.GcsFailsafeTimeout is { } timeout && _lastGcsHeartbeat is { } last && now - last > timeout
            && _flight.Armed && _flight.InAir && _flight.Mode is not (FlightMode.Rtl or FlightMode.Land))
        {
            _flight.SetModeBehaviour(FlightMode.Rtl);
            _flight.Notices.Add("GCS Failsafe: RTL");
            _lastGcsHeartbeat = null; // once per loss
        }
    }

    private void Handle(ReceivedMessage rm, List<IMavlinkMessage> outbox, DateTime now)
    {
        switch (rm.Message)
        {
            case Heartbeat h when h.Type == MavVehicleType.Gcs:
                _lastGcsHeartbeat = now;
                break;
            case CommandLong c when Addressed(c.TargetSystem):
                outbox.Add(Ack(rm, c.Command, Execute(c.Command, c.Confirmation, c.Param1, c.Param2, c.Param3, c.Param4, c.Param5, c.Param6, c.Param7, outbox)));
                break;
            case CommandInt c when Addressed(c.TargetSystem):
                outbox.Add(Ack(rm, c.Command, Execute(c.Command, 0, c.Param1, c.Param2, c.Param3, c.Param4, c.X / 1e7f, c.Y / 1e7f, c.Z, outbox)));
                break;
            case RequestDataStream r when Addressed(r.TargetSystem):
                RequestStream(r.StreamId, r.StartStop == 0 ? (ushort)0 : r.MessageRateHz);
                break;
            case MissionSetCurrent s when Addressed(s.TargetSystem):
                _flight.CurrentSeq = s.Seq;
                outbox.Add(MissionCurrentMessage());
                break;
            default:
                _missions.Handle(rm, outbox, now);
                break;
        }
    }

    private bool Addressed(byte targetSystem) => targetSystem == _o.SystemId || targetSystem == 0;

    private CommandAck Ack(ReceivedMessage rm, MavCmd cmd, MavResult r) =>
        new() { Command = cmd, Result = r, TargetSystem = rm.SystemId, TargetComponent = rm.ComponentId };

    /// <summary>Sends queued notices, reached items and captured images.</summary>
    private void Report(List<IMavlinkMessage> outbox)
    {
        foreach (var n in _flight.Notices) outbox.Add(new StatusText { Severity = MavSeverity.Info, Text = n });
        _flight.Notices.Clear();
        foreach (var seq in _flight.Reached) outbox.Add(new MissionItemReached { Seq = (ushort)seq });
        _flight.Reached.Clear();
        if (_flight.CurrentSeq != _lastReportedSeq) { outbox.Add(MissionCurrentMessage()); _lastReportedSeq = _flight.CurrentSeq; }
        for (; _flight.PendingCaptures > 0; _flight.PendingCaptures--)
            outbox.Add(new CameraImageCaptured
            {
                TimeBootMs = BootMs(), TimeUtcUs = (ulong)(DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() * 1000), CameraId = 1,
                Lat = MissionItemConversion.ToE7(_flight.LatDeg), Lon = MissionItemConversion.ToE7(_flight.LonDeg),
                AltMm = (int)((_o.HomeAltAmslM + _flight.AltRelM) * 1000), RelativeAltMm = (int)(_flight.AltRelM * 1000),
                ImageIndex = _imageIndex++, CaptureResult = 1, FileUrl = $"sim/IMG_{_imageIndex:D4}.JPG",
            });
    }

    private uint BootMs() => (uint)(DateTime.UtcNow - _boot).TotalMilliseconds;

    public async ValueTask DisposeAsync()
    {
        _cts.Cancel();
        try { await _loop.ConfigureAwait(false); } catch (OperationCanceledException) { }
        await _conn.DisposeAsync().ConfigureAwait(false);
        _cts.Dispose();
    }
}
