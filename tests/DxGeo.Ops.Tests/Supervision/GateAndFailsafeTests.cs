using DxGeo.Mavlink.Messages;
using DxGeo.Ops.Log;
using DxGeo.Ops.Missions;
using DxGeo.Ops.Tests.Support;
using DxGeo.Ops.Triggers;

namespace DxGeo.Ops.Tests.Supervision;

public sealed class GateAndFailsafeTests
{
    public static TheoryData<string, string> Blockers => new()
    {
        { "wind", "wind 14 m/s above limit 10 m/s" },
        { "battery", "battery 55 % below 80 %" },
        { "gps", "GPS fix none" },
    };

    [Theory]
    [MemberData(nameof(Blockers))]
    public async Task Gate_blocks_the_launch_with_its_reason_and_nothing_is_armed(string blocker, string expectedReason)
    {
        using var kit = new OpsKit();
        StandingMissionStore.Add(kit.Workspace, OpsKit.Mission());
        switch (blocker)
        {
            case "wind": kit.Weather.Set(14); break;
            case "battery": kit.Sim = o => o with { BatteryStartPct = 55 }; break;
            case "gps": kit.Sim = o => o with { GpsFix = GpsFixType.NoFix, Satellites = 3 }; break;
        }
        var body = OpsKit.AlertJson($"gate-{blocker}");

        var run = Assert.Single((await kit.Dispatcher().ReceiveAsync(body, OpsKit.Sign(body), "test", TriggerSource.Http)).Runs);

        Assert.Equal(OperationResult.GateRefused, run.Result);
        Assert.Contains(expectedReason, run.ResultReason);
        Assert.DoesNotContain(run.Events, e => e.Kind == OperationEventKind.Command && e.Name == "arm");
        Assert.Contains(run.Events, e => e.Kind == OperationEventKind.Gate && e.Detail.StartsWith("NO-GO") && e.Detail.Contains(expectedReason));
        Assert.False(kit.Connector.Vehicles["coast"].Armed);
        Assert.Null(run.FlightId);
        Assert.Equal("GateRefused", Assert.Single(kit.Workspace.Read(OperationLayers.Runs)).Values[OperationLayers.RunSchema.IndexOf("result")]);
    }

    [Fact]
    public async Task Link_cut_mid_flight_is_recorded_and_the_vehicle_returns_on_its_failsafe()
    {
        using var kit = new OpsKit();
        StandingMissionStore.Add(kit.Workspace, OpsKit.Mission());
        // 20 simulated seconds after arming (on the first leg), cut for 70 simulated seconds (1.75 s at 40x), with 1 s
        // lost-link timeouts on both sides (the short test mission would be over before the kit's tolerant 3 s ones).
        kit.Sim = o => o with { LinkCutAtS = 20, LinkCutForS = 70, GcsFailsafeTimeout = TimeSpan.FromSeconds(1) };
        var body = OpsKit.AlertJson("cut-1");

        var strict = OpsKit.Supervision with { LostLinkTimeout = TimeSpan.FromSeconds(1) };
        var run = Assert.Single((await kit.Dispatcher(supervision: strict).ReceiveAsync(body, OpsKit.Sign(body), "test", TriggerSource.Http)).Runs);

        Assert.True(run.Result == OperationResult.ReturnedEarly, string.Join("\n", run.Events.Select(e => $"{e.Kind} {e.Name}: {e.Detail}")));
        Assert.Contains("lost_link", run.Failsafes);
        var names = run.Events.Select(e => e.Name).ToList();
        Assert.True(names.IndexOf("lost_link") < names.IndexOf("link_restored"));
        // Its own GCS failsafe switched it to RTL while nothing got through; seen with the first HEARTBEAT after the cut.
        Assert.True(run.Events.Any(e => e.Name == "mode" && e.Detail.EndsWith("→ Rtl") && e.Seq > run.Events.First(x => x.Name == "lost_link").Seq),
            string.Join("\n", run.Events.Select(e => $"{e.Seq} {e.Kind} {e.Name}: {e.Detail}")));
        var sim = kit.Connector.Vehicles["coast"];
        Assert.False(sim.Armed);
        Assert.Equal(Mavlink.Vehicle.FlightMode.Rtl, sim.Mode);
        Assert.True(Math.Abs(sim.LatDeg - OpsKit.LaunchLat) < 2e-5 && Math.Abs(sim.LonDeg - OpsKit.LaunchLon) < 2e-5, "landed at the launch point");
    }

    [Fact]
    public async Task Battery_below_reserve_in_flight_sends_the_vehicle_home()
    {
        using var kit = new OpsKit();
        StandingMissionStore.Add(kit.Workspace, OpsKit.Mission() with { ReserveBatteryPct = 75 });
        kit.Sim = o => o with { BatteryStartPct = 85, BatteryDrainFlyingPctPerMin = 30 };
        var body = OpsKit.AlertJson("battery-1");

        var run = Assert.Single((await kit.Dispatcher().ReceiveAsync(body, OpsKit.Sign(body), "test", TriggerSource.Http)).Runs);

        Assert.Equal(OperationResult.ReturnedEarly, run.Result);
        Assert.Equal(["battery_reserve"], run.Failsafes);
        var fs = run.Events.First(e => e.Kind == OperationEventKind.Failsafe);
        Assert.Contains("below the reserve of 75 %", fs.Detail);
        var rtl = run.Events.First(e => e.Kind == OperationEventKind.Ack && e.Name == "rtl");
        Assert.Equal("accepted", rtl.Detail);
        Assert.True(rtl.Seq > fs.Seq);
        Assert.False(kit.Connector.Vehicles["coast"].Armed);
        // It came home before the last waypoint: the relay-off there never ran.
        Assert.DoesNotContain(kit.Connector.Vehicles["coast"].PayloadEvents, p => p.Value == 0);
    }

    [Fact]
    public async Task Wind_above_the_in_flight_limit_sends_the_vehicle_home()
    {
        using var kit = new OpsKit();
        StandingMissionStore.Add(kit.Workspace, OpsKit.Mission());
        var dispatcher = kit.Dispatcher();
        dispatcher.Logged += (_, e) => { if (e.Name == "airborne") kit.Weather.Set(16); };
        var body = OpsKit.AlertJson("wind-1");

        var run = Assert.Single((await dispatcher.ReceiveAsync(body, OpsKit.Sign(body), "test", TriggerSource.Http)).Runs);

        Assert.Equal(OperationResult.ReturnedEarly, run.Result);
        Assert.Equal(["wind"], run.Failsafes);
        Assert.Contains("wind 16 m/s above the in-flight limit 10 m/s", run.Events.First(e => e.Kind == OperationEventKind.Failsafe).Detail);
    }
}
