using DxGeo.Mavlink.Simulator;
using DxGeo.Ops.Log;
using DxGeo.Ops.Missions;
using DxGeo.Ops.Tests.Support;
using DxGeo.Ops.Triggers;

namespace DxGeo.Ops.Tests.Supervision;

public sealed class EndToEndTests
{
    [Fact]
    public async Task Signed_alert_flies_the_plan_toggles_the_relay_at_first_and_last_waypoint_and_lands_disarmed()
    {
        using var kit = new OpsKit();
        StandingMissionStore.Add(kit.Workspace, OpsKit.Mission());
        var body = OpsKit.AlertJson("e2e-1");

        var result = await kit.Dispatcher().ReceiveAsync(body, OpsKit.Sign(body), "test", TriggerSource.Http);

        Assert.True(result.Intake.Accepted, result.Intake.Reason);
        var run = Assert.Single(result.Runs);
        Assert.Equal(OperationResult.Completed, run.Result);
        var sim = kit.Connector.Vehicles["coast"];
        Assert.False(sim.Armed);
        Assert.True(sim.AltRelM < 0.1);

        // The uploaded mission (ArduPilot: seq = index + 1) holds the relay items right after waypoints 1 and 3.
        var stored = sim.StoredItems(Flight.Missions.MissionType.Mission);
        var waypointSeqs = stored.Select((it, seq) => (it, seq)).Skip(1).Where(x => x.it.Command == Flight.Missions.MavCmd.NavWaypoint).Select(x => x.seq).ToList();
        Assert.Equal(OpsKit.Waypoints.Length, waypointSeqs.Count);
        var relay = sim.PayloadEvents;
        Assert.Equal(2, relay.Count);
        Assert.Equal((SimPayloadKind.Relay, 1.0, waypointSeqs[0]), (relay[0].Kind, relay[0].Value, relay[0].AfterNavSeq));
        Assert.Equal((SimPayloadKind.Relay, 0.0, waypointSeqs[^1]), (relay[1].Kind, relay[1].Value, relay[1].AfterNavSeq));

        // The log tells the story in order.
        var names = run.Events.Select(e => $"{e.Kind}:{e.Name}").ToList();
        int At(string n) { var i = names.IndexOf(n); Assert.True(i >= 0, $"{n} missing from: {string.Join(", ", names)}"); return i; }
        var order = new[]
        {
            At("Trigger:alert"), At("Command:upload_mission"), At("Gate:decision"), At("Command:arm"), At("Ack:arm"), At("Ack:takeoff"),
            At("Event:airborne"), At("Ack:mission_start"), At("Payload:relay_0_on"), At("Payload:relay_0_off"), At("Event:disarmed"), At("Result:Completed"),
        };
        Assert.Equal(order.OrderBy(i => i), order);
        Assert.Contains("planned at waypoint 1", run.Events[At("Payload:relay_0_on")].Detail);
        Assert.Contains("planned at waypoint 3", run.Events[At("Payload:relay_0_off")].Detail);
        Assert.True(run.AlertToArmedS > 0 && run.AlertToTakeoffS > run.AlertToArmedS);

        // Recorded in the workspace: the run with its flown track, its events, the alert.
        var row = Assert.Single(kit.Workspace.Read(OperationLayers.Runs));
        Assert.NotNull(row.Geometry);
        Assert.Equal("Completed", row.Values[OperationLayers.RunSchema.IndexOf("result")]);
        Assert.Equal(run.Events.Count, kit.Workspace.Count(OperationLayers.Events));
        Assert.True(OperationLogStore.AlertHandled(kit.Workspace, "e2e-1"));
    }

    [Fact]
    public async Task Several_vehicles_fly_at_once_each_on_its_own_link()
    {
        using var kit = new OpsKit();
        for (var i = 0; i < 3; i++) StandingMissionStore.Add(kit.Workspace, OpsKit.Mission($"v{i}", latOffsetDeg: i * 0.003));
        var body = OpsKit.AlertJson("fleet-1");

        var result = await kit.Dispatcher().ReceiveAsync(body, OpsKit.Sign(body), "test", TriggerSource.Http);

        Assert.Equal(3, result.Runs.Count);
        Assert.All(result.Runs, r => Assert.Equal(OperationResult.Completed, r.Result));
        Assert.Equal(3, result.Runs.Select(r => r.VehicleSystemId).Distinct().Count());
        // They flew concurrently: every run started before any other ended.
        Assert.True(result.Runs.Max(r => r.StartedUtc) < result.Runs.Min(r => r.EndedUtc));
        Assert.All(kit.Connector.Vehicles.Values, v => Assert.Equal(2, v.PayloadEvents.Count));
    }

    [Fact]
    public async Task Alert_for_an_area_without_standing_mission_launches_nothing_but_is_recorded()
    {
        using var kit = new OpsKit();
        StandingMissionStore.Add(kit.Workspace, OpsKit.Mission());
        var body = File.ReadAllBytes(OpsKit.SampleFile("tsunami-warning-no-mission.json"));

        var result = await kit.Dispatcher().ReceiveAsync(body, OpsKit.Sign(body), "test", TriggerSource.Http);

        Assert.True(result.Intake.Accepted);
        Assert.Empty(result.Runs);
        Assert.Contains(result.Notes, n => n.Contains("no standing mission"));
        Assert.Empty(kit.Connector.Vehicles);
        Assert.Equal(1, kit.Workspace.Count(OperationLayers.Alerts));
    }
}
