using DxGeo.Core.Errors;
using DxGeo.Flight.Missions;
using DxGeo.Ops.Missions;
using DxGeo.Ops.Tests.Support;

namespace DxGeo.Ops.Tests.Missions;

public sealed class StandingMissionTests
{
    [Fact]
    public void Sample_definition_reads_stores_and_reads_back_unchanged()
    {
        using var kit = new OpsKit();
        var m = StandingMissionFile.Read(OpsKit.SampleFile("standing-mission-coast.json"), kit.Workspace);
        StandingMissionStore.Add(kit.Workspace, m);

        var back = Assert.Single(StandingMissionStore.List(kit.Workspace));
        Assert.Equal(m.PlanJson, back.PlanJson);
        Assert.Equal(m with { PlanJson = "", Payload = [], Trigger = back.Trigger }, back with { PlanJson = "", Payload = [] });
        Assert.Equal(m.Payload, back.Payload);
        Assert.Equal(m.Trigger.Areas, back.Trigger.Areas);
        Assert.Equal(12, back.Gate.InFlightMaxWindMps);
        Assert.Throws<DxGeoException>(() => StandingMissionStore.Add(kit.Workspace, m));
        Assert.True(StandingMissionStore.Remove(kit.Workspace, m.Name));
        Assert.Empty(StandingMissionStore.List(kit.Workspace));
    }

    [Fact]
    public void Relay_items_follow_their_waypoints_and_the_return_replaces_the_plans_rtl()
    {
        var a = MissionAssembly.Build(OpsKit.Mission() with { Return = ReturnBehaviour.LandAtLaunch });
        var cmds = a.Items.Select(i => i.Command).ToList();
        Assert.Equal([MavCmd.NavTakeoff, MavCmd.NavWaypoint, MavCmd.DoSetRelay, MavCmd.NavWaypoint, MavCmd.NavWaypoint, MavCmd.DoSetRelay, MavCmd.NavLand], cmds);
        Assert.Equal(1f, a.Items[2].Param2);
        Assert.Equal(0f, a.Items[5].Param2);
        Assert.Equal((OpsKit.LaunchLat, OpsKit.LaunchLon), (a.Items[^1].LatitudeDeg, a.Items[^1].LongitudeDeg));
        Assert.Equal(Enumerable.Range(0, a.Items.Count), a.Items.Select(i => i.Seq));
        // No fence in the plan: an inclusion circle around the launch point reaching past the farthest waypoint.
        var fence = Assert.Single(a.Fence);
        Assert.Equal(MavCmd.NavFenceCircleInclusion, fence.Command);
        Assert.InRange(fence.Param1, 400, 600);
    }

    [Fact]
    public void Payload_at_a_waypoint_the_plan_lacks_is_refused_with_the_range()
    {
        var m = OpsKit.Mission() with { Payload = [new PayloadAction(7, PayloadKind.RelayOn)] };
        var e = Assert.Throws<DxGeoException>(() => MissionAssembly.Build(m));
        Assert.Contains("waypoints 1–3", e.Message);
    }

    [Fact]
    public void Definition_errors_name_the_file_and_field()
    {
        using var kit = new OpsKit();
        var path = Path.Combine(kit.Dir, "bad.json");
        File.WriteAllText(path, """{"name":"x","plan":"nope.plan","trigger":{"areas":["220"]}}""");
        var e = Assert.Throws<InputDataException>(() => StandingMissionFile.Read(path, kit.Workspace));
        Assert.Equal((path, "plan"), (e.File, e.Field));
        File.Copy(OpsKit.SampleFile("coast-patrol.plan"), Path.Combine(kit.Dir, "coast-patrol.plan"));
        File.WriteAllText(path, """{"name":"x","plan":"coast-patrol.plan","trigger":{"areas":[]}}""");
        Assert.Equal("trigger.areas", Assert.Throws<InputDataException>(() => StandingMissionFile.Read(path, kit.Workspace)).Field);
    }
}
