using DxGeo.Core.Errors;
using DxGeo.Flight.Formats;
using DxGeo.Flight.Missions;
using DxGeo.Mavlink.Plans;

namespace DxGeo.Mavlink.Tests.Plans;

public class PlanFileReaderTests
{
    [Fact]
    public void Qgc_plan_items_complex_items_fence_and_rally_are_read()
    {
        var path = Path.Combine(Path.GetTempPath(), $"dxgeo-{Guid.NewGuid():N}.plan");
        File.WriteAllText(path, """
        { "fileType": "Plan", "version": 1, "groundStation": "QGroundControl",
          "mission": { "version": 2, "plannedHomePosition": [35.68, 139.76, 12.5], "items": [
            { "type": "SimpleItem", "command": 22, "frame": 3, "autoContinue": true, "params": [0, 0, 0, null, 35.68, 139.76, 30] },
            { "type": "ComplexItem", "complexItemType": "survey", "TransectStyleComplexItem": { "Items": [
                { "type": "SimpleItem", "command": 16, "frame": 3, "autoContinue": true, "params": [0, 0, 0, null, 35.681, 139.761, 30] },
                { "type": "SimpleItem", "command": 206, "frame": 2, "autoContinue": true, "params": [12.5, 0, 1, 0, 0, 0, 0] } ] } },
            { "type": "SimpleItem", "command": 20, "frame": 2, "autoContinue": true, "params": [0, 0, 0, 0, 0, 0, 0] } ] },
          "geoFence": { "version": 2,
            "polygons": [ { "inclusion": true, "polygon": [[35.67, 139.75], [35.69, 139.75], [35.69, 139.77], [35.67, 139.77]] },
                          { "inclusion": false, "polygon": [[35.681, 139.755], [35.682, 139.755], [35.682, 139.756]] } ],
            "circles": [ { "inclusion": false, "circle": { "center": [35.685, 139.765], "radius": 50 } } ] },
          "rallyPoints": { "version": 2, "points": [[35.679, 139.759, 25]] } }
        """);
        try
        {
            var p = PlanFileReader.Read(path);
            Assert.Equal([MavCmd.NavTakeoff, MavCmd.NavWaypoint, MavCmd.DoSetCamTriggDist, MavCmd.NavReturnToLaunch], p.Mission.Select(i => i.Command));
            Assert.Equal([0, 1, 2, 3], p.Mission.Select(i => i.Seq));
            Assert.True(float.IsNaN(p.Mission[0].Param4));
            Assert.Equal(12.5f, p.Mission[2].Param1);
            Assert.Equal(4 + 3 + 1, p.Fence.Count);
            Assert.Equal(4, p.Fence.Count(i => i.Command == MavCmd.NavFencePolygonVertexInclusion && i.Param1 == 4));
            Assert.Equal(3, p.Fence.Count(i => i.Command == MavCmd.NavFencePolygonVertexExclusion && i.Param1 == 3));
            Assert.Single(p.Fence, i => i.Command == MavCmd.NavFenceCircleExclusion && i.Param1 == 50);
            Assert.All(p.Fence, i => Assert.Equal(MissionType.Fence, i.MissionType));
            Assert.Equal(MavCmd.NavRallyPoint, Assert.Single(p.Rally).Command);
            Assert.Equal((35.68, 139.76, 12.5), p.Home);
        }
        finally { File.Delete(path); }
    }

    [Fact]
    public void Wpl_round_trips_and_keeps_home_apart()
    {
        var items = new List<MissionItem>
        {
            new() { Seq = 0, Command = MavCmd.NavTakeoff, Frame = MavFrame.GlobalRelativeAlt, Z = 30, LatitudeDeg = 35.1234567, LongitudeDeg = 139.7654321 },
            new() { Seq = 1, Command = MavCmd.NavWaypoint, Frame = MavFrame.GlobalRelativeAlt, Z = 30.25f, Param1 = 2, LatitudeDeg = 35.12351, LongitudeDeg = 139.76551 },
        };
        var home = new MissionItem { Command = MavCmd.NavWaypoint, Frame = MavFrame.Global, LatitudeDeg = 35.12, LongitudeDeg = 139.76, Z = 12 };
        var text = WplFormat.Format(home, items);
        Assert.StartsWith("QGC WPL 110\n0\t1\t0\t16\t", text);
        var back = WplFormat.Parse(text.Split('\n'));
        Assert.Equal(items, back.Items);
        Assert.Equal(12f, back.Home!.Z);
    }

    [Fact]
    public void Bad_wpl_lines_name_the_line_and_field()
    {
        var e = Assert.Throws<InputDataException>(() => WplFormat.Parse(["QGC WPL 110", "0\t1\t0\t16\t0\t0\t0\t0\t35\tx139\t0\t1"], "a.waypoints"));
        Assert.Contains("a.waypoints", e.Message);
        Assert.Contains("longitude", e.Message);
        Assert.Contains("line 2", e.Message);
        Assert.Throws<InputDataException>(() => WplFormat.Parse(["not a wpl"], "b.txt"));
    }
}
