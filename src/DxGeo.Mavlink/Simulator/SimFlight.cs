using DxGeo.Flight.Missions;
using DxGeo.Mavlink.Internal;
using DxGeo.Mavlink.Vehicle;

namespace DxGeo.Mavlink.Simulator;

/// <summary>
/// Kinematics of the simulated multicopter in a local east/north frame around home: it climbs, flies straight at
/// cruise speed towards its target and descends; AUTO walks the mission items (take-off, waypoints with hold time,
/// loiter, RTL, land, speed change, camera trigger by distance or time). Battery drains while armed.
/// </summary>
internal sealed class SimFlight(SimVehicleOptions o)
{
    private readonly LocalFrame _frame = new(o.HomeLatDeg, o.HomeLonDeg);
    private double _e, _n; // metres from home
    private double _holdLeftS;
    private (double E, double N, double AltRel)? _target;
    private bool _landing;
    private bool _rtlClimbDone;
    private double _camDistanceM, _camSinceLastM, _camIntervalS, _camSinceLastS;

    public bool Armed { get; set; }
    public FlightMode Mode { get; set; } = FlightMode.Stabilize;
    public double AltRelM { get; private set; }
    public double SpeedMps { get; set; } = o.CruiseSpeedMps;
    public double GroundSpeedMps { get; private set; }
    public double ClimbMps { get; private set; }
    public double VelNorthMps { get; private set; }
    public double VelEastMps { get; private set; }
    public double HeadingDeg { get; private set; }
    public double BatteryPct { get; private set; } = o.BatteryStartPct;
    public bool InAir => AltRelM > 0.05;
    public IReadOnlyList<MissionItem> Mission { get; set; } = [];
    public int CurrentSeq { get; set; }
    public bool MissionComplete { get; private set; }
    public double LatDeg => _frame.ToGeo(_e, _n).LatDeg;
    public double LonDeg => _frame.ToGeo(_e, _n).LonDeg;

    /// <summary>Mission items reached since the last call.</summary>
    public List<int> Reached { get; } = [];
    /// <summary>Photos to report since the last call.</summary>
    public int PendingCaptures { get; set; }
    /// <summary>Messages for the ground station (STATUSTEXT), drained by the vehicle.</summary>
    public List<string> Notices { get; } = [];
    /// <summary>Relay and servo changes, in order (read by tests through <see cref="SimVehicle.PayloadEvents"/>).</summary>
    public List<SimPayloadEvent> PayloadEvents { get; } = [];
    /// <summary>Simulated seconds since start (armed or not).</summary>
    public double SimTimeS { get; private set; }
    /// <summary>Simulated seconds spent armed (drives link cut injection).</summary>
    public double ArmedTimeS { get; private set; }
    /// <summary>Last NAV item reached in AUTO (-1: none yet).</summary>
    public int LastNavReached { get; private set; } = -1;
    public double WindMps { get; set; } = o.WindMps;
    public double WindFromDeg { get; set; } = o.WindFromDeg;

    /// <summary>MAV_CMD_DO_SET_RELAY / DO_SET_SERVO, from a mission item or a command: recorded and announced.</summary>
    public void Payload(SimPayloadKind kind, int channel, double value)
    {
        lock (PayloadEvents) PayloadEvents.Add(new SimPayloadEvent(kind, channel, value, CurrentSeq, LastNavReached, ArmedTimeS));
        Notices.Add(kind == SimPayloadKind.Relay ? $"Relay {channel} {(value >= 0.5 ? "ON" : "OFF")}" : $"Servo {channel} PWM {value:F0}");
    }

    public void TakeOff(double altRelM)
    {
        _target = (_e, _n, altRelM);
        _landing = false;
    }

    public void StartMission(int firstSeq)
    {
        Mode = FlightMode.Auto;
        CurrentSeq = firstSeq;
        LastNavReached = -1;
        MissionComplete = false;
        BeginItem();
    }

    public void Hold()
    {
        _target = (_e, _n, AltRelM);
        _landing = false;
    }

    public void SetModeBehaviour(FlightMode mode)
    {
        Mode = mode;
        _rtlClimbDone = false;
        switch (mode)
        {
            case FlightMode.Land: _landing = true; _target = (_e, _n, 0); break;
            case FlightMode.Rtl: _landing = false; _target = null; break;
            case FlightMode.Auto: StartMission(Math.Max(CurrentSeq, FirstNavSeq())); break;
            default: Hold(); break;
        }
    }

    private int FirstNavSeq() => o.Flavor == Protocol.AutopilotFlavor.ArduPilot ? 1 : 0;

    public void Step(double dt)
    {
        SimTimeS += dt;
        if (Armed)
        {
            ArmedTimeS += dt;
            var windFactor = 1 + Math.Pow(WindMps / Math.Max(1, o.CruiseSpeedMps), 2);
            BatteryPct = Math.Max(0, BatteryPct - dt / 60 * (InAir ? o.BatteryDrainFlyingPctPerMin * windFactor : o.BatteryDrainIdlePctPerMin));
        }
        if (!Armed) { GroundSpeedMps = ClimbMps = VelNorthMps = VelEastMps = 0; return; }
        if (Mode == FlightMode.Rtl) StepRtl();
        var moved = MoveTowardsTarget(dt);
        if (Mode == FlightMode.Auto && !MissionComplete) StepMission(dt, moved);
        if (_landing && AltRelM <= 0.05 && (_target is null || Near(_target.Value.E, _target.Value.N, 1)))
        {
            AltRelM = 0;
            Armed = false;
            _landing = false;
            Notices.Add("Disarming: landed");
            if (Mode == FlightMode.Auto && CurrentSeq < Mission.Count && Mission[CurrentSeq].Command is MavCmd.NavLand or MavCmd.NavReturnToLaunch)
            {
                Reached.Add(CurrentSeq);
                CurrentSeq++;
                FinishMission();
            }
        }
    }

    private void StepRtl()
    {
        if (!_rtlClimbDone)
        {
            var climbTo = Math.Max(AltRelM, o.RtlAltitudeM);
            _target = (_e, _n, climbTo);
            if (AltRelM >= climbTo - 0.1) { _rtlClimbDone = true; _target = (0, 0, climbTo); }
        }
        else if (Near(0, 0, 1)) { _landing = true; _target = (0, 0, 0); }
    }

    private double MoveTowardsTarget(double dt)
    {
        if (_target is not { } t) { GroundSpeedMps = ClimbMps = VelEastMps = VelNorthMps = 0; return 0; }
        var de = t.E - _e;
        var dn = t.N - _n;
        var dist = Math.Sqrt(de * de + dn * dn);
        var dz = t.AltRel - AltRelM;
        // Climb before travelling when on the ground; otherwise move in all axes at once.
        var horizontalAllowed = AltRelM > 1 || dz <= 0.1;
        var step = horizontalAllowed ? Math.Min(dist, GroundSpeedAlong(de, dn) * dt) : 0;
        if (step > 0)
        {
            _e += de / dist * step;
            _n += dn / dist * step;
            HeadingDeg = (Math.Atan2(de, dn) * 180 / Math.PI + 360) % 360;
        }
        var vz = dz > 0 ? Math.Min(dz, o.ClimbRateMps * dt) : Math.Max(dz, -o.DescentRateMps * dt);
        AltRelM = Math.Max(0, AltRelM + vz);
        GroundSpeedMps = step / dt;
        VelEastMps = dist > 0 ? de / dist * GroundSpeedMps : 0;
        VelNorthMps = dist > 0 ? dn / dist * GroundSpeedMps : 0;
        ClimbMps = vz / dt;
        return step;
    }

    /// <summary>Ground speed along the track (de, dn) flying at SpeedMps through the air in the current wind.</summary>
    private double GroundSpeedAlong(double de, double dn)
    {
        if (WindMps <= 0 || (de == 0 && dn == 0)) return SpeedMps;
        var track = Math.Atan2(de, dn);
        var blowsTowards = (WindFromDeg + 180) * Math.PI / 180;
        var along = WindMps * Math.Cos(blowsTowards - track);
        var cross = WindMps * Math.Sin(blowsTowards - track);
        var air = SpeedMps * SpeedMps - cross * cross;
        return Math.Max(0.5, (air > 0 ? Math.Sqrt(air) : 0) + along);
    }

    private void StepMission(double dt, double movedM)
    {
        Camera(dt, movedM);
        if (CurrentSeq >= Mission.Count) { FinishMission(); return; }
        var item = Mission[CurrentSeq];
        switch (item.Command)
        {
            case MavCmd.NavTakeoff:
                if (AltRelM >= AltOf(item) - 0.5) Advance();
                break;
            case MavCmd.NavWaypoint:
                var radius = item.Param2 > 0 ? item.Param2 : o.AcceptanceRadiusM;
                if (_target is { } t && Near(t.E, t.N, radius) && Math.Abs(AltRelM - t.AltRel) < 1)
                {
                    _holdLeftS -= dt;
                    if (_holdLeftS <= 0) Advance();
                }
                break;
            case MavCmd.NavLoiterUnlim:
                break;
            case MavCmd.NavReturnToLaunch:
            case MavCmd.NavLand:
                if (item.Command == MavCmd.NavReturnToLaunch) StepRtl();
                else if (_target is { } lt && Near(lt.E, lt.N, 1)) { _landing = true; _target = (lt.E, lt.N, 0); }
                break;
            default:
                Advance();
                break;
        }
    }

    private void Advance()
    {
        if (CurrentSeq < Mission.Count && IsNav(Mission[CurrentSeq].Command)) LastNavReached = CurrentSeq;
        Reached.Add(CurrentSeq);
        CurrentSeq++;
        BeginItem();
    }

    /// <summary>Applies the item at CurrentSeq: sets the target for NAV items, executes DO items at once.</summary>
    private void BeginItem()
    {
        while (CurrentSeq < Mission.Count)
        {
            var item = Mission[CurrentSeq];
            switch (item.Command)
            {
                case MavCmd.NavTakeoff: _target = (_e, _n, AltOf(item)); return;
                case MavCmd.NavWaypoint or MavCmd.NavLoiterUnlim:
                    var (e, n) = _frame.ToLocal(item.LatitudeDeg, item.LongitudeDeg);
                    _target = (e, n, AltOf(item));
                    _holdLeftS = item.Command == MavCmd.NavWaypoint ? item.Param1 : 0;
                    return;
                case MavCmd.NavReturnToLaunch: _rtlClimbDone = false; _target = null; return;
                case MavCmd.NavLand:
                    var (le, ln) = item.LatitudeDeg == 0 && item.LongitudeDeg == 0 ? (_e, _n) : _frame.ToLocal(item.LatitudeDeg, item.LongitudeDeg);
                    _target = (le, ln, AltRelM);
                    return;
                case MavCmd.DoChangeSpeed:
                    if (item.Param2 > 0) SpeedMps = item.Param2;
                    break;
                case MavCmd.DoSetCamTriggDist:
                    _camDistanceM = item.Param1;
                    _camSinceLastM = 0;
                    if (item.Param3 > 0 && _camDistanceM > 0) PendingCaptures++; // trigger once immediately
                    break;
                case MavCmd.ImageStartCapture:
                    _camIntervalS = item.Param2;
                    _camSinceLastS = 0;
                    if (_camIntervalS <= 0) PendingCaptures++;
                    break;
                case MavCmd.ImageStopCapture: _camIntervalS = 0; break;
                case MavCmd.DoDigicamControl: PendingCaptures++; break;
                case MavCmd.DoSetRelay: Payload(SimPayloadKind.Relay, (int)item.Param1, item.Param2); break;
                case MavCmd.DoSetServo: Payload(SimPayloadKind.Servo, (int)item.Param1, item.Param2); break;
            }
            Reached.Add(CurrentSeq);
            CurrentSeq++;
        }
        FinishMission();
    }

    private void FinishMission()
    {
        if (MissionComplete) return;
        MissionComplete = true;
        Notices.Add("Mission complete");
        if (Armed && !_landing) Hold();
    }

    private void Camera(double dt, double movedM)
    {
        if (_camDistanceM > 0)
        {
            _camSinceLastM += movedM;
            while (_camSinceLastM >= _camDistanceM) { _camSinceLastM -= _camDistanceM; PendingCaptures++; }
        }
        if (_camIntervalS > 0)
        {
            _camSinceLastS += dt;
            while (_camSinceLastS >= _camIntervalS) { _camSinceLastS -= _camIntervalS; PendingCaptures++; }
        }
    }

    private static bool IsNav(MavCmd c) => (ushort)c < 100;

    private double AltOf(MissionItem i) => i.Frame is MavFrame.Global or MavFrame.GlobalInt ? i.Z - o.HomeAltAmslM : i.Z;

    private bool Near(double e, double n, double r) => (e - _e) * (e - _e) + (n - _n) * (n - _n) <= r * r;
}

public enum SimPayloadKind { Relay, Servo }

/// <summary>A relay or servo change on the simulated vehicle: the mission item executing it (or the current item for a
/// command), the last NAV item reached before it, and the simulated time armed.</summary>
public sealed record SimPayloadEvent(SimPayloadKind Kind, int Channel, double Value, int MissionSeq, int AfterNavSeq, double ArmedTimeS);
