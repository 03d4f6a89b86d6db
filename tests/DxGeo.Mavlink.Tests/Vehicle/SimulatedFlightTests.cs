using DxGeo.Flight.Missions;
using DxGeo.Mavlink.FlightLog;
using DxGeo.Mavlink.Internal;
using DxGeo.Mavlink.Links;
using DxGeo.Mavlink.Messages;
using DxGeo.Mavlink.Protocol;
using DxGeo.Mavlink.Simulator;
using DxGeo.Mavlink.Tests.Support;
using DxGeo.Mavlink.Vehicle;

namespace DxGeo.Mavlink.Tests.Vehicle;

public class SimulatedFlightTests
{
    private static SimVehicleOptions FastFlight => SimHarness.FastSim with { TimeScale = 40, TickInterval = TimeSpan.FromMilliseconds(10) };

    /// <summary>A levee-style corridor: take-off, camera every 20 m, five waypoints 150 m apart along a bank, RTL.</summary>
    private static List<MissionItem> LeveePlan(double lat0 = 35.6812, double lon0 = 139.7671)
    {
        var items = new List<MissionItem>
        {
            new() { Command = MavCmd.NavTakeoff, Z = 25, LatitudeDeg = lat0, LongitudeDeg = lon0 },
            new() { Command = MavCmd.DoSetCamTriggDist, Frame = MavFrame.Mission, Param1 = 20 },
        };
        for (var i = 1; i <= 5; i++)
            items.Add(new MissionItem { Command = MavCmd.NavWaypoint, Z = 25, LatitudeDeg = lat0 + i * 0.0010, LongitudeDeg = lon0 + i * 0.0008 });
        items.Add(new MissionItem { Command = MavCmd.DoSetCamTriggDist, Frame = MavFrame.Mission, Param1 = 0 });
        items.Add(new MissionItem { Command = MavCmd.NavReturnToLaunch, Frame = MavFrame.Mission });
        return [.. items.Select((it, i) => it with { Seq = i })];
    }

    [Theory]
    [InlineData(AutopilotFlavor.ArduPilot)]
    [InlineData(AutopilotFlavor.Px4)]
    public async Task Simulated_flight_reaches_every_waypoint_and_records_the_track(AutopilotFlavor flavor)
    {
        await using var h = new SimHarness(flavor, new LinkFaults { LossProbability = 0.05, Seed = 9 }, FastFlight);
        using var v = await VehicleController.ConnectAsync(h.Gcs, TimeSpan.FromSeconds(5), missionOptions: SimHarness.FastProtocol);
        Assert.Equal(flavor, v.Flavor);
        await v.RequestTelemetryAsync(rateHz: 50);
        var plan = LeveePlan();
        var flight = await new MissionRunner(v).RunAsync(plan, new MissionRunOptions { PlannedFlightId = "levee-A1", SampleInterval = TimeSpan.FromMilliseconds(20), Timeout = TimeSpan.FromSeconds(60) });

        Assert.Equal("completed", flight.Result);
        Assert.Equal(plan.Count, flight.ItemsReached);
        Assert.False(h.Vehicle.Armed);
        // The track passes within a few metres of every waypoint and ends back home.
        foreach (var wp in plan.Where(i => i.Command == MavCmd.NavWaypoint))
        {
            var closest = flight.Points.Min(p => LocalFrame.DistanceM(p.LatitudeDeg, p.LongitudeDeg, wp.LatitudeDeg, wp.LongitudeDeg));
            Assert.True(closest < 15, $"track passes {closest:F1} m from waypoint {wp.Seq}");
        }
        var last = flight.Points[^1];
        Assert.True(LocalFrame.DistanceM(last.LatitudeDeg, last.LongitudeDeg, 35.6812, 139.7671) < 5);
        Assert.True(flight.MaxAltitudeRelM is > 20 and < 30);
        // Out along the diagonal and back: 5 legs of (111.0 m north, 72.4 m east) = 132.5 m each, twice.
        Assert.InRange(flight.LengthM, 1300, 1360);
        // 662 m out at one photo per 20 m: the vehicle takes ≥ 30; the ground station counts the CAMERA_IMAGE_CAPTURED
        // messages that survive the link's 5 % loss (a count of 29 of 33 is loss, not a wrong trigger distance).
        Assert.True(h.Vehicle.ImagesCaptured >= 30, $"vehicle took {h.Vehicle.ImagesCaptured} images");
        Assert.InRange(flight.ImagesCaptured, (int)(0.8 * h.Vehicle.ImagesCaptured), h.Vehicle.ImagesCaptured);
        Assert.True(flight.Points[0].BatteryPct > flight.Points[^1].BatteryPct);

        var ws = new MemoryWorkspace();
        FlightLogWriter.Write(ws, flight);
        var track = Assert.Single(ws.Read(FlightLogLayers.Tracks));
        Assert.Equal("levee-A1", track[FlightLogLayers.TrackSchema.IndexOf("planned_flight_id")]);
        Assert.Equal("completed", track[FlightLogLayers.TrackSchema.IndexOf("result")]);
        Assert.Equal(flight.Points.Count, ws.Count(FlightLogLayers.Points));
        Assert.Equal(1, ws.Commits);
    }

    [Fact]
    public async Task Arming_with_a_low_battery_is_refused_with_a_clear_error()
    {
        await using var h = new SimHarness(AutopilotFlavor.ArduPilot, sim: FastFlight with { BatteryStartPct = 20 });
        using var v = await VehicleController.ConnectAsync(h.Gcs, TimeSpan.FromSeconds(5));
        var e = await Assert.ThrowsAsync<CommandFailedException>(() => v.ArmAsync());
        Assert.Equal(MavResult.Denied, e.Result);
        Assert.Contains("MAV_RESULT_DENIED", e.Message);
        Assert.Contains("ComponentArmDisarm", e.Message);
    }

    [Fact]
    public async Task Commands_without_ack_fail_after_retries()
    {
        await using var h = new SimHarness(AutopilotFlavor.Px4, sim: FastFlight);
        using var v = await VehicleController.ConnectAsync(h.Gcs, TimeSpan.FromSeconds(5));
        h.GcsLink.Faults = new LinkFaults { Dead = true };
        var c = new CommandClient(h.Gcs, v.Target) { AckTimeout = TimeSpan.FromMilliseconds(30), MaxRetries = 2 };
        var e = await Assert.ThrowsAsync<CommandFailedException>(() => c.SendAsync(MavCmd.ComponentArmDisarm, 1));
        Assert.Null(e.Result);
        Assert.Contains("no COMMAND_ACK", e.Message);
        Assert.Equal(3, h.GcsLink.Dropped);
    }

    [Theory]
    [InlineData(AutopilotFlavor.ArduPilot)]
    [InlineData(AutopilotFlavor.Px4)]
    public async Task Pause_rtl_and_land_change_mode_as_the_autopilot_reports_it(AutopilotFlavor flavor)
    {
        await using var h = new SimHarness(flavor, sim: FastFlight);
        using var v = await VehicleController.ConnectAsync(h.Gcs, TimeSpan.FromSeconds(5), missionOptions: SimHarness.FastProtocol);
        await v.RequestTelemetryAsync(rateHz: 50);
        await v.Missions.UploadAsync(LeveePlan());
        if (flavor == AutopilotFlavor.ArduPilot) await v.SetModeAsync(FlightMode.Guided);
        await v.ArmAsync();
        await v.TakeoffAsync(20);
        Assert.NotNull(await v.State.WaitUntilAsync(s => s.AltitudeRelM > 18, TimeSpan.FromSeconds(10)));
        await v.StartMissionAsync();
        Assert.NotNull(await v.State.WaitUntilAsync(s => s.Mode == FlightMode.Auto, TimeSpan.FromSeconds(5)));
        await v.PauseAsync();
        var paused = flavor == AutopilotFlavor.Px4 ? FlightMode.Loiter : FlightMode.Brake;
        Assert.NotNull(await v.State.WaitUntilAsync(s => s.Mode == paused, TimeSpan.FromSeconds(5)));
        await v.ReturnToLaunchAsync();
        Assert.NotNull(await v.State.WaitUntilAsync(s => s.Mode == FlightMode.Rtl, TimeSpan.FromSeconds(5)));
        await v.LandAsync();
        Assert.NotNull(await v.State.WaitUntilAsync(s => s.Mode == FlightMode.Land, TimeSpan.FromSeconds(5)));
        Assert.NotNull(await v.State.WaitUntilAsync(s => !s.Armed && s.Landed, TimeSpan.FromSeconds(20)));
    }

    [Fact]
    public async Task Autopilot_sends_no_telemetry_until_asked()
    {
        await using var h = new SimHarness(AutopilotFlavor.ArduPilot, sim: FastFlight);
        using var v = await VehicleController.ConnectAsync(h.Gcs, TimeSpan.FromSeconds(5));
        Assert.Null(await v.State.WaitUntilAsync(s => s.LastPositionUtc is not null, TimeSpan.FromMilliseconds(300)));
        await v.RequestTelemetryAsync(rateHz: 20);
        var s = v.State.Current;
        Assert.Equal(35.6812, s.LatitudeDeg!.Value, 5);
        Assert.Equal(GpsFixType.Fix3D, s.GpsFix);
        Assert.NotNull(await v.State.WaitUntilAsync(x => x.BatteryPct is > 99 && x.HomeLatitudeDeg is not null, TimeSpan.FromSeconds(5)));
    }
}
