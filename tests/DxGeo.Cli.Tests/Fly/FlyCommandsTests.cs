using System.Net;
using DxGeo.Core.Workspace.GeoPackage;
using DxGeo.Flight.Formats;
using DxGeo.Flight.Missions;
using DxGeo.Mavlink.FlightLog;
using DxGeo.Mavlink.Links;
using DxGeo.Mavlink.Simulator;

namespace DxGeo.Cli.Tests.Fly;

public class FlyCommandsTests
{
    private static (int Code, string Out, string Err) Cli(params string[] args)
    {
        var o = new StringWriter();
        var e = new StringWriter();
        var code = CliApp.Run(args, o, e);
        return (code, o.ToString(), e.ToString());
    }

    private static string WritePlan(string dir)
    {
        var items = new List<MissionItem>
        {
            new() { Command = MavCmd.NavTakeoff, Frame = MavFrame.GlobalRelativeAlt, Z = 20, LatitudeDeg = 35.6812, LongitudeDeg = 139.7671 },
            new() { Command = MavCmd.NavWaypoint, Frame = MavFrame.GlobalRelativeAlt, Z = 20, LatitudeDeg = 35.6822, LongitudeDeg = 139.7679 },
            new() { Command = MavCmd.NavWaypoint, Frame = MavFrame.GlobalRelativeAlt, Z = 20, LatitudeDeg = 35.6830, LongitudeDeg = 139.7690 },
            new() { Command = MavCmd.NavReturnToLaunch, Frame = MavFrame.Mission },
        };
        var path = Path.Combine(dir, "levee-A1.waypoints");
        WplFormat.Write(path, null, [.. items.Select((it, i) => it with { Seq = i })]);
        return path;
    }

    [Fact]
    public async Task Fly_run_over_tcp_to_the_simulator_stores_the_track_in_the_workspace()
    {
        var dir = Directory.CreateTempSubdirectory("dxgeo-fly-");
        try
        {
            var server = new TcpServerLink(new IPEndPoint(IPAddress.Loopback, 0));
            var link = $"tcp://127.0.0.1:{server.LocalEndPoint.Port}";
            await using var sim = new SimVehicle(server, new SimVehicleOptions { TimeScale = 30, TickInterval = TimeSpan.FromMilliseconds(10) });
            var plan = WritePlan(dir.FullName);
            var ws = Path.Combine(dir.FullName, "town.gpkg");

            var up = Cli("-w", ws, "fly", "upload", plan, "--link", link);
            Assert.True(up.Code == 0, up.Err);
            Assert.Contains("mission: 4 items uploaded, verified by read-back", up.Out);

            var down = Cli("-w", ws, "fly", "download", "--link", link, "--out", Path.Combine(dir.FullName, "back.waypoints"));
            Assert.True(down.Code == 0, down.Err);
            Assert.Equal(WplFormat.Read(plan).Items, WplFormat.Read(Path.Combine(dir.FullName, "back.waypoints")).Items);

            var run = Cli("-w", ws, "fly", "run", plan, "--link", link, "--rate", "20");
            Assert.True(run.Code == 0, run.Err + run.Out);
            Assert.Contains(": completed; 4/4 items", run.Out);
            using (var w = GeoPackageWorkspace.Open(ws))
            {
                var track = Assert.Single(w.Read(FlightLogLayers.Tracks));
                Assert.Equal("levee-A1", track[FlightLogLayers.TrackSchema.IndexOf("planned_flight_id")]);
                Assert.True(w.Count(FlightLogLayers.Points) > 3);
            }

            var clear = Cli("-w", ws, "fly", "clear", "--link", link);
            Assert.True(clear.Code == 0, clear.Err);
            Assert.Single(sim.StoredItems(MissionType.Mission)); // ArduPilot keeps home as item 0
        }
        finally { dir.Delete(true); }
    }

    [Fact]
    public void Fly_without_a_vehicle_fails_with_one_line()
    {
        var r = Cli("fly", "download", "--link", "udp://127.0.0.1:1", "--connect-timeout", "0.5");
        Assert.Equal(1, r.Code);
        Assert.StartsWith("dxgeo: no vehicle heartbeat on udp to 127.0.0.1:1", r.Err);
    }

    [Fact]
    public void Bad_connection_strings_are_rejected_with_the_reason()
    {
        var r = Cli("fly", "monitor", "--link", "ftp://x:1");
        Assert.Equal(1, r.Code);
        Assert.Contains("unknown scheme 'ftp'", r.Err);
    }
}
