using DxGeo.Core.Errors;
using DxGeo.Flight.Missions;
using DxGeo.Mavlink.FlightLog;
using DxGeo.Mavlink.Internal;
using DxGeo.Mavlink.Protocol;

namespace DxGeo.Mavlink.Vehicle;

/// <summary>Options of <see cref="MissionRunner.RunAsync"/>.</summary>
public sealed record MissionRunOptions
{
    /// <summary>Planned flight this run executes (stored with the track).</summary>
    public string? PlannedFlightId { get; init; }
    /// <summary>Take-off altitude above home when the mission has no NAV_TAKEOFF.</summary>
    public double DefaultTakeoffAltitudeM { get; init; } = 10;
    /// <summary>Give up (and return to launch) after this long; default: estimated from the route at 5 m/s, doubled, plus 2 min.</summary>
    public TimeSpan? Timeout { get; init; }
    public TimeSpan SampleInterval { get; init; } = TimeSpan.FromMilliseconds(500);
    /// <summary>Geofence / no-fly items uploaded as mission type 1 before the mission.</summary>
    public IReadOnlyList<MissionItem> Fence { get; init; } = [];
}

/// <summary>
/// <c>fly run</c>: uploads the fence and the mission (verified), arms, takes off, starts the mission, follows it until
/// the last item is reached (and the vehicle has landed when the mission ends with RTL/LAND), and returns the
/// recorded track. On timeout or error it commands RTL and still returns what was recorded.
/// </summary>
public sealed class MissionRunner(VehicleController vehicle)
{
    public async Task<FlightRecord> RunAsync(IReadOnlyList<MissionItem> mission, MissionRunOptions? options = null,
        IProgress<(long Done, long? Total, string What)>? progress = null, CancellationToken ct = default)
    {
        var o = options ?? new MissionRunOptions();
        if (mission.Count == 0) throw new DxGeoException("the mission has no items to fly");
        if (o.Fence.Count > 0) await vehicle.Missions.UploadAsync(o.Fence, MissionType.Fence, null, ct);
        await vehicle.Missions.UploadAsync(mission, MissionType.Mission, progress, ct);

        using var recorder = new TrackRecorder(vehicle.State, o.SampleInterval);
        var offset = vehicle.Flavor == AutopilotFlavor.ArduPilot ? 1 : 0; // ArduPilot's item 0 is home
        var lastSeq = mission.Count - 1 + offset;
        var endsOnGround = mission.LastOrDefault(i => IsNav(i.Command))?.Command is MavCmd.NavLand or MavCmd.NavReturnToLaunch;
        var result = "completed";
        try
        {
            var takeoffAlt = mission.FirstOrDefault(i => i.Command == MavCmd.NavTakeoff)?.Z is { } z and > 0 ? z : o.DefaultTakeoffAltitudeM;
            if (vehicle.Flavor == AutopilotFlavor.ArduPilot) await vehicle.SetModeAsync(FlightMode.Guided, ct);
            await vehicle.ArmAsync(ct);
            await vehicle.TakeoffAsync(takeoffAlt, ct);
            if (await vehicle.State.WaitUntilAsync(s => s.AltitudeRelM >= takeoffAlt * 0.9, TimeSpan.FromSeconds(30 + takeoffAlt), ct) is null)
                throw new DxGeoException($"vehicle did not climb to {takeoffAlt:F0} m after take-off");
            await vehicle.StartMissionAsync(ct);

            string? lastText = null;
            void Report(VehicleState s, Messages.IMavlinkMessage _)
            {
                var text = $"item {Math.Max(0, s.MissionSeq - offset + 1)}/{mission.Count}, alt {s.AltitudeRelM:F0} m, battery {s.BatteryPct:F0} %, {s.Mode}";
                if (text == lastText) return; // telemetry repeats itself; report changes only
                lastText = text;
                progress?.Report((Math.Max(0, s.LastReachedSeq - offset + 1), mission.Count, text));
            }
            vehicle.State.Updated += Report;
            try
            {
                // The last MISSION_ITEM_REACHED may be lost; the streamed MISSION_CURRENT also tells the mission is over.
                var done = await vehicle.State.WaitUntilAsync(s =>
                        (s.LastReachedSeq >= lastSeq || s.MissionState == Messages.MissionState.Complete || (endsOnGround && s.MissionSeq >= lastSeq))
                        && (!endsOnGround || (!s.Armed && s.Landed)),
                    o.Timeout ?? EstimateDuration(mission), ct);
                if (done is null)
                {
                    result = "timeout";
                    await TryReturnToLaunch();
                }
            }
            finally { vehicle.State.Updated -= Report; }
        }
        catch (OperationCanceledException)
        {
            result = "aborted";
            await TryReturnToLaunch();
            throw;
        }
        catch (DxGeoException e)
        {
            result = "failed: " + e.Message;
            await TryReturnToLaunch();
            throw new FlightFailedException(e.Message, recorder.Finish(o.PlannedFlightId, mission.Count, Reached(), result), e);
        }
        return recorder.Finish(o.PlannedFlightId, mission.Count, Reached(), result);

        // Items are flown in order, so the highest reported item tells how far it got (a lost MISSION_ITEM_REACHED does not).
        int Reached()
        {
            var s = vehicle.State.Current;
            var highest = s.MissionState == Messages.MissionState.Complete ? lastSeq : s.LastReachedSeq;
            return Math.Clamp(highest - offset + 1, 0, mission.Count);
        }

        async Task TryReturnToLaunch()
        {
            if (!vehicle.State.Current.Armed) return;
            try { await vehicle.ReturnToLaunchAsync(CancellationToken.None); } catch (DxGeoException) { }
        }
    }

    private static bool IsNav(MavCmd c) => (ushort)c < 100 || c is MavCmd.NavFenceReturnPoint;

    private static TimeSpan EstimateDuration(IReadOnlyList<MissionItem> mission)
    {
        double m = 0;
        MissionItem? prev = null;
        foreach (var i in mission.Where(i => i.LatitudeDeg != 0 || i.LongitudeDeg != 0))
        {
            if (prev is not null) m += LocalFrame.DistanceM(prev.LatitudeDeg, prev.LongitudeDeg, i.LatitudeDeg, i.LongitudeDeg);
            prev = i;
        }
        var hold = mission.Where(i => i.Command == MavCmd.NavWaypoint).Sum(i => Math.Max(0, i.Param1));
        return TimeSpan.FromSeconds(m / 5 * 2 + hold + 120);
    }
}

/// <summary>A flight that failed part-way; carries what was recorded so it can still be stored.</summary>
public sealed class FlightFailedException(string message, FlightRecord recorded, Exception inner) : DxGeoException(message, inner)
{
    public FlightRecord Recorded { get; } = recorded;
}
