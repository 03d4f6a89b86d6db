using DxGeo.Core.Errors;
using DxGeo.Flight.Missions;
using DxGeo.Mavlink.Messages;
using DxGeo.Mavlink.Protocol;
using DxGeo.Mavlink.Vehicle;
using DxGeo.Ops.Log;
using DxGeo.Ops.Missions;
using DxGeo.Ops.Weather;

namespace DxGeo.Ops.Supervision;

/// <summary>
/// The flight after a GO: GUIDED (ArduPilot), arm, take off, AUTO, then watch until the vehicle has landed and disarmed.
/// Failsafes, each recorded and answered with RTL: lost link (no HEARTBEAT beyond the timeout; the vehicle's own GCS
/// failsafe is expected to act too), battery below the mission's reserve, wind above the in-flight limit, flight timeout.
/// Progress (MISSION_CURRENT, MISSION_ITEM_REACHED), payload reports, mode and arming changes and the vehicle's
/// STATUSTEXT go into the log as they arrive.
/// </summary>
internal sealed partial class FlightSupervision(VehicleController v, StandingMission m, AssembledMission assembled, IWeatherSource weather,
    SupervisorOptions o, OperationLog log, DateTimeOffset alertReceivedUtc)
{
    private readonly int _offset = v.Flavor == AutopilotFlavor.ArduPilot ? 1 : 0; // ArduPilot's item 0 is home
    private readonly List<string> _failsafes = [];
    private readonly List<Task> _background = [];
    private readonly HashSet<int> _reached = [];
    private readonly HashSet<int> _payloadConfirmed = [];
    private int _lastCurrent = -1;
    private FlightMode _lastMode = FlightMode.Unknown;
    private bool _lastArmed;
    private volatile bool _returning;

    private int LastSeq => assembled.Items.Count - 1 + _offset;

    public async Task<OperationRun> FlyAsync(OperationRun run, CancellationToken ct)
    {
        using var recorder = new TrackRecorder(v.State, o.TrackSampleInterval);
        _lastMode = v.State.Current.Mode;
        _lastArmed = v.State.Current.Armed;
        v.State.Updated += OnUpdate;
        DateTimeOffset? armedAt = null, airborneAt = null;
        OperationResult result;
        string reason;
        try
        {
            var takeoffAlt = assembled.Items.FirstOrDefault(i => i.Command == MavCmd.NavTakeoff)?.Z is { } z and > 0 ? z : o.DefaultTakeoffAltitudeM;
            if (v.Flavor == AutopilotFlavor.ArduPilot) await CommandAsync("mode_guided", "DO_SET_MODE GUIDED", () => v.SetModeAsync(FlightMode.Guided, ct));
            await CommandAsync("arm", "COMPONENT_ARM_DISARM 1", () => v.ArmAsync(ct));
            armedAt = DateTimeOffset.UtcNow;
            await CommandAsync("takeoff", $"NAV_TAKEOFF to {takeoffAlt:0} m", () => v.TakeoffAsync(takeoffAlt, ct));
            var climbWait = TimeSpan.FromSeconds((30 + takeoffAlt) / o.TimeScale + 5);
            if (await v.State.WaitUntilAsync(s => s.AltitudeRelM >= takeoffAlt * 0.9, climbWait, ct) is null)
                throw new DxGeoException($"vehicle did not climb to {takeoffAlt:0} m within {climbWait.TotalSeconds:0} s of take-off");
            airborneAt = DateTimeOffset.UtcNow;
            Note(OperationEventKind.Event, "airborne", $"{takeoffAlt * 0.9:0} m reached {(airborneAt.Value - alertReceivedUtc).TotalSeconds:0.0} s after the alert");
            v.State.ResetMissionProgress();
            await CommandAsync("mission_start", "MISSION_START (AUTO)", () => v.StartMissionAsync(ct));
            (result, reason) = await WatchAsync(ct);
        }
        catch (CommandFailedException e) when (airborneAt is null)
        {
            (result, reason) = (OperationResult.Failed, $"{e.Message}{(v.State.Current.LastStatusText is { } t ? $" ({t})" : "")}");
            if (v.State.Current.Armed) await TryAsync("disarm", "COMPONENT_ARM_DISARM 0", () => v.DisarmAsync(ct: CancellationToken.None));
        }
        catch (DxGeoException e)
        {
            (result, reason) = (OperationResult.Failed, e.Message);
            if (v.State.Current.Armed) Rtl("error");
        }
        catch (OperationCanceledException)
        {
            (result, reason) = (OperationResult.Failed, "cancelled by the operator; RTL commanded");
            if (v.State.Current.Armed) Rtl("cancelled");
        }
        finally { v.State.Updated -= OnUpdate; }
        await Task.WhenAny(Task.WhenAll(_background), Task.Delay(TimeSpan.FromSeconds(10), CancellationToken.None));
        var s = v.State.Current;
        var flight = recorder.Finish(m.PlanId, assembled.Items.Count, Math.Clamp(HighestReached(s) - _offset + 1, 0, assembled.Items.Count), result.ToString());
        log.Add(OperationEventKind.Result, result.ToString(), reason, s.LongitudeDeg, s.LatitudeDeg, s.MissionSeq - _offset);
        return run with
        {
            Result = result, ResultReason = reason, Flight = flight, FlightId = flight.FlightId, Failsafes = [.. _failsafes],
            AlertToArmedS = (armedAt - alertReceivedUtc)?.TotalSeconds, AlertToTakeoffS = (airborneAt - alertReceivedUtc)?.TotalSeconds,
        };
    }

    private int HighestReached(VehicleState s) => s.MissionState == MissionState.Complete ? LastSeq : s.LastReachedSeq;

    /// <summary>Polls the state until landed and disarmed (or the link is given up), acting on failsafes.</summary>
    private async Task<(OperationResult, string)> WatchAsync(CancellationToken ct)
    {
        var deadline = DateTimeOffset.UtcNow + (o.FlightTimeout ?? EstimatedDuration());
        var nextWeather = DateTimeOffset.UtcNow + o.WeatherPollInterval;
        var windLimit = m.Gate.InFlightMaxWindMps ?? m.Gate.MaxWindMps;
        DateTimeOffset? lostSince = null;
        while (true)
        {
            ct.ThrowIfCancellationRequested();
            var now = DateTimeOffset.UtcNow;
            var s = v.State.Current;
            var silent = now - (s.LastHeartbeatUtc ?? now);
            if (silent > o.LostLinkTimeout)
            {
                if (lostSince is null)
                {
                    lostSince = now;
                    Failsafe("lost_link", $"no HEARTBEAT for {silent.TotalSeconds:0.0} s (limit {o.LostLinkTimeout.TotalSeconds:0.#} s); last seen at item {s.MissionSeq - _offset + 1}, " +
                        $"{s.AltitudeRelM:0} m, battery {s.BatteryPct:0} %; the vehicle's own GCS failsafe should bring it home");
                }
                else if (now - lostSince > o.LostLinkGiveUp)
                    return (OperationResult.Failed, $"link lost for {(now - lostSince.Value).TotalMinutes:0.#} min; last seen at {s.LatitudeDeg:0.00000}, {s.LongitudeDeg:0.00000}");
            }
            else if (lostSince is not null)
            {
                Note(OperationEventKind.Event, "link_restored", $"HEARTBEAT again after {(now - lostSince.Value).TotalSeconds:0.0} s; vehicle in {s.Mode}, {(s.Armed ? "armed" : "disarmed")}");
                lostSince = null;
            }
            if (lostSince is null)
            {
                if (!s.Armed && s.Landed) break; // only reached after take-off: armed, flown, now down and disarmed
                if (!_returning && s.BatteryPct is { } b && b < m.ReserveBatteryPct)
                    Failsafe("battery_reserve", $"battery {b:0} % below the reserve of {m.ReserveBatteryPct:0} %");
                if (!_returning && now >= deadline)
                    Failsafe("timeout", $"flight not finished within {(o.FlightTimeout ?? EstimatedDuration()).TotalSeconds:0} s");
                if (!_returning && now >= nextWeather)
                {
                    nextWeather = now + o.WeatherPollInterval;
                    try
                    {
                        var w = await weather.CurrentAsync(s.LongitudeDeg ?? m.LaunchLonDeg, s.LatitudeDeg ?? m.LaunchLatDeg, ct);
                        if (w.WindMps > windLimit) Failsafe("wind", $"wind {w.WindMps:0.#} m/s above the in-flight limit {windLimit:0.#} m/s ({w.Station})");
                    }
                    catch (DxGeoException e) { Note(OperationEventKind.Event, "weather_unavailable", e.Message); }
                }
            }
            await Task.Delay(TimeSpan.FromMilliseconds(100), ct);
        }
        var end = v.State.Current;
        var all = HighestReached(end) >= LastSeq || end.MissionSeq >= LastSeq;
        if (_failsafes.Count > 0) return (OperationResult.ReturnedEarly, $"returned early ({string.Join(", ", _failsafes)}); landed and disarmed");
        return all ? (OperationResult.Completed, $"flew all {assembled.Items.Count} items, landed and disarmed")
            : (OperationResult.Failed, $"landed and disarmed after item {end.MissionSeq - _offset + 1} of {assembled.Items.Count} without a failsafe");
    }

    private TimeSpan EstimatedDuration()
    {
        double m2 = 0;
        MissionItem? prev = null;
        foreach (var i in assembled.Items.Where(i => i.LatitudeDeg != 0 || i.LongitudeDeg != 0))
        {
            if (prev is not null) m2 += Internal.Geo.DistanceM(prev.LatitudeDeg, prev.LongitudeDeg, i.LatitudeDeg, i.LongitudeDeg);
            prev = i;
        }
        return TimeSpan.FromSeconds((m2 / 5 * 2 + 120) / o.TimeScale);
    }
}
