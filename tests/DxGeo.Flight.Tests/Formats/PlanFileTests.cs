using System.Text.Json;
using DxGeo.Core.Errors;
using DxGeo.Flight.Formats;
using DxGeo.Flight.Missions;
using DxGeo.Flight.Planning;
using DxGeo.Flight.Tests.Support;

namespace DxGeo.Flight.Tests.Formats;

public class PlanFileTests
{
    private static FlightPlan Plan(Autopilot fw = Autopilot.ArduPilot) => FlightPlanner.PlanArea(Sites.Area(), new PlanRequest
    {
        NoFlyZones = [Sites.Zone("NF-1", 139.7022, 35.6020, 0.0004)], Firmware = fw, Name = "area-test",
    });

    [Fact]
    public void Plan_file_round_trip_gives_back_the_same_items_fence_rally_and_home()
    {
        using var dir = new TempDir();
        var plan = Plan();
        var files = PlanExport.Write(plan, dir.File("a.plan"));
        Assert.Equal(plan.Sorties.Count, files.Count);
        for (var i = 0; i < files.Count; i++)
        {
            var written = PlanExport.ToFile(plan, plan.Sorties[i]);
            var read = QgcPlan.Read(files[i]);
            Assert.Equal(written.Mission, read.Mission);
            Assert.Equal(written.FencePolygons.Count, read.FencePolygons.Count);
            Assert.Equal(written.FenceItems().Count, read.FenceItems().Count);
            Assert.Equal(written.RallyPoints, read.RallyPoints);
            Assert.Equal(written.Home, read.Home);
            Assert.Equal((byte)Autopilot.ArduPilot, read.FirmwareType);
        }
    }

    [Fact]
    public void Plan_file_has_the_structure_qgroundcontrol_reads()
    {
        using var dir = new TempDir();
        var plan = Plan(Autopilot.Px4);
        var path = PlanExport.Write(plan, dir.File("a.plan"))[0];
        using var doc = JsonDocument.Parse(File.ReadAllText(path));
        var root = doc.RootElement;
        Assert.Equal("Plan", root.GetProperty("fileType").GetString());
        Assert.Equal(1, root.GetProperty("version").GetInt32());
        var mission = root.GetProperty("mission");
        Assert.Equal(2, mission.GetProperty("version").GetInt32());
        Assert.Equal(12, mission.GetProperty("firmwareType").GetInt32());
        Assert.Equal(2, mission.GetProperty("vehicleType").GetInt32());
        Assert.True(mission.GetProperty("cruiseSpeed").GetDouble() > 0 && mission.GetProperty("hoverSpeed").GetDouble() > 0);
        Assert.Equal(3, mission.GetProperty("plannedHomePosition").GetArrayLength());
        foreach (var item in mission.GetProperty("items").EnumerateArray())
        {
            Assert.Equal("SimpleItem", item.GetProperty("type").GetString());
            Assert.Equal(7, item.GetProperty("params").GetArrayLength());
            if (item.GetProperty("command").GetInt32() == (int)MavCmd.NavWaypoint)
            {
                Assert.Equal(3, item.GetProperty("frame").GetInt32()); // QGC's relative-altitude frame in files
                Assert.Equal(1, item.GetProperty("AltitudeMode").GetInt32());
            }
        }
        var fence = root.GetProperty("geoFence");
        Assert.Equal(2, fence.GetProperty("version").GetInt32());
        var polys = fence.GetProperty("polygons").EnumerateArray().ToList();
        Assert.Single(polys, p => p.GetProperty("inclusion").GetBoolean());
        Assert.Single(polys, p => !p.GetProperty("inclusion").GetBoolean());
        foreach (var p in polys) Assert.True(SignedArea(p.GetProperty("polygon")) < 0, "QGC fence polygons are clockwise");
        Assert.Equal(2, root.GetProperty("rallyPoints").GetProperty("version").GetInt32());
        Assert.Equal(plan.LaunchSites.Count, root.GetProperty("rallyPoints").GetProperty("points").GetArrayLength());
    }

    [Fact]
    public void Items_qgroundcontrol_generated_inside_a_survey_are_read_as_simple_items()
    {
        const string json = """
        { "fileType": "Plan", "version": 1, "groundStation": "QGroundControl",
          "geoFence": { "circles": [ { "circle": { "center": [35.6, 139.7], "radius": 300 }, "inclusion": true, "version": 1 } ], "polygons": [], "version": 2 },
          "rallyPoints": { "points": [], "version": 2 },
          "mission": { "version": 2, "firmwareType": 3, "vehicleType": 2, "cruiseSpeed": 15, "hoverSpeed": 5,
            "plannedHomePosition": [35.6, 139.7, 20],
            "items": [
              { "type": "SimpleItem", "command": 22, "frame": 3, "autoContinue": true, "doJumpId": 1, "params": [0, 0, 0, null, 35.6, 139.7, 40] },
              { "type": "ComplexItem", "complexItemType": "survey", "version": 4,
                "TransectStyleComplexItem": { "Items": [
                  { "type": "SimpleItem", "command": 16, "frame": 3, "autoContinue": true, "doJumpId": 2, "params": [0, 0, 0, null, 35.601, 139.701, 40] },
                  { "type": "SimpleItem", "command": 206, "frame": 2, "autoContinue": true, "doJumpId": 3, "params": [12.5, 0, 1, 0, 0, 0, 0] } ] } },
              { "type": "SimpleItem", "command": 20, "frame": 2, "autoContinue": true, "doJumpId": 4, "params": [0, 0, 0, 0, 0, 0, 0] } ] } }
        """;
        var f = QgcPlan.Parse(json);
        Assert.Equal([MavCmd.NavTakeoff, MavCmd.NavWaypoint, MavCmd.DoSetCamTriggDist, MavCmd.NavReturnToLaunch], f.Mission.Select(i => i.Command));
        Assert.Equal(MavFrame.GlobalRelativeAltInt, f.Mission[1].Frame);
        Assert.True(float.IsNaN(f.Mission[0].Param4));
        Assert.Equal(12.5f, f.Mission[2].Param1);
        Assert.Single(f.FenceCircles);
        Assert.Equal((35.6, 139.7, 20.0), f.Home);
    }

    [Theory]
    [InlineData("{}", "fileType")]
    [InlineData("""{ "fileType": "Plan", "mission": { "items": [ { "type": "SimpleItem", "command": 16, "params": [0,0,0] } ] } }""", "params")]
    [InlineData("not json", "JSON")]
    public void Broken_plan_file_is_an_input_error_naming_what_is_wrong(string json, string expected)
    {
        var e = Assert.Throws<InputDataException>(() => QgcPlan.Parse(json, "x.plan"));
        Assert.Contains("x.plan", e.Message);
        Assert.Contains(expected, e.Message);
    }

    [Fact]
    public void Waypoint_file_round_trip_gives_back_the_same_items()
    {
        using var dir = new TempDir();
        var plan = Plan();
        var path = PlanExport.Write(plan, dir.File("a.waypoints"))[0];
        Assert.StartsWith("QGC WPL 110", File.ReadAllText(path));
        var read = Wpl.Read(path);
        // The format keeps 8 decimals of a degree (about 1 mm): positions agree to that, everything else exactly.
        var written = plan.Sorties[0].Mission;
        Assert.Equal(written.Count, read.Mission.Count);
        for (var i = 0; i < written.Count; i++)
        {
            Assert.Equal(written[i] with { LatitudeDeg = 0, LongitudeDeg = 0 }, read.Mission[i] with { LatitudeDeg = 0, LongitudeDeg = 0 });
            Assert.Equal(written[i].LatitudeDeg, read.Mission[i].LatitudeDeg, 8);
            Assert.Equal(written[i].LongitudeDeg, read.Mission[i].LongitudeDeg, 8);
        }
        Assert.Equal(plan.Sorties[0].LaunchLatDeg, read.Home!.Value.LatDeg, 7);
    }

    [Fact]
    public void Unknown_output_extension_is_refused()
    {
        using var dir = new TempDir();
        Assert.Throws<DxGeoException>(() => PlanExport.Write(Plan(), dir.File("a.docx")));
    }

    private static double SignedArea(JsonElement ring)
    {
        var pts = ring.EnumerateArray().Select(p => (Lat: p[0].GetDouble(), Lon: p[1].GetDouble())).ToList();
        double a = 0;
        for (var i = 0; i < pts.Count; i++)
            a += pts[i].Lon * pts[(i + 1) % pts.Count].Lat - pts[(i + 1) % pts.Count].Lon * pts[i].Lat;
        return a / 2;
    }
}
