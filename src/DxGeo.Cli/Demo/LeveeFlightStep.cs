using System.Globalization;
using System.Net;
using DxGeo.Core.Assets.Layers;
using DxGeo.Core.Errors;
using DxGeo.Flight.Missions;
using DxGeo.Mavlink.FlightLog;
using DxGeo.Mavlink.Links;
using DxGeo.Mavlink.Plans;
using DxGeo.Mavlink.Protocol;
using DxGeo.Mavlink.Simulator;
using DxGeo.Mavlink.Vehicle;
using NetTopologySuite.Geometries;

namespace DxGeo.Cli.Demo;

/// <summary>
/// Flies the levee plan on the built-in simulator over a real TCP link (loopback), exactly as <c>dxgeo fly run</c>
/// does against a drone, and stores the flown track in the workspace next to the levee.
/// The plan is the one an earlier step handed over in <c>Items["levee_plan"]</c> (a .plan or WPL path); without one,
/// a stand-in corridor along the first levee's centreline is flown.
/// </summary>
internal sealed class LeveeFlightStep : IDemoStep
{
    public const string PlanKey = "levee_plan";
    /// <summary>Handed to the imagery step: the flown <see cref="FlightRecord"/> and its CAMERA_IMAGE_CAPTURED reports.</summary>
    public const string FlightKey = "levee_flight", CapturesKey = "levee_captures";

    public string Title => "Levee flight on the simulator (MAVLink over TCP)";

    public void Run(DemoContext ctx) => RunAsync(ctx).GetAwaiter().GetResult();

    private static async Task RunAsync(DemoContext ctx)
    {
        var ws = ctx.Workspace ?? throw new InvalidOperationException("workspace step must run first");
        var (plan, source) = ctx.Items.TryGetValue(PlanKey, out var p) && p is string path
            ? (PlanFileReader.Read(path), Path.GetFileName(path))
            : (StandIn(ws), "stand-in corridor along the first levee");
        var first = plan.Mission.First(i => i.LatitudeDeg != 0 || i.LongitudeDeg != 0);
        var home = plan.Home ?? (first.LatitudeDeg, first.LongitudeDeg, 5);

        var server = new TcpServerLink(new IPEndPoint(IPAddress.Loopback, 0));
        await using var sim = new SimVehicle(server, new SimVehicleOptions
        {
            HomeLatDeg = home.LatDeg, HomeLonDeg = home.LonDeg, HomeAltAmslM = home.AltM, TimeScale = 20,
            TickInterval = TimeSpan.FromMilliseconds(20),
        });
        var link = await LinkFactory.OpenAsync($"tcp://127.0.0.1:{server.LocalEndPoint.Port}");
        await using var gcs = new MavlinkConnection(link);
        using var vehicle = await VehicleController.ConnectAsync(gcs, TimeSpan.FromSeconds(10));
        await vehicle.RequestTelemetryAsync(rateHz: 10);
        using var captures = gcs.Subscribe(m => m.Message is Mavlink.Messages.CameraImageCaptured);
        ctx.Out.WriteLine($"Plan: {source}, {plan.Mission.Count} items, {plan.Fence.Count} fence items; link {link.Description} to simulated {vehicle.Flavor}");
        var flight = await new MissionRunner(vehicle).RunAsync(plan.Mission,
            new MissionRunOptions { PlannedFlightId = plan.PlannedFlightId, Fence = plan.Fence, SampleInterval = TimeSpan.FromMilliseconds(100) },
            ctx.Cli.Progress("flight"));
        FlightLogWriter.Write(ws, flight);
        var shots = new List<Mavlink.Messages.CameraImageCaptured>();
        while (await captures.NextAsync(TimeSpan.FromMilliseconds(200)) is { Message: Mavlink.Messages.CameraImageCaptured c }) shots.Add(c);
        ctx.Items[FlightKey] = flight;
        ctx.Items[CapturesKey] = shots;

        var inv = CultureInfo.InvariantCulture;
        var line = string.Create(inv, $"{flight.Result}: {flight.ItemsReached}/{flight.ItemsTotal} items reached, {flight.LengthM / 1000:F2} km flown, " +
            $"max {flight.MaxAltitudeRelM:F0} m, {flight.ImagesCaptured} photos, battery {flight.Points[0].BatteryPct:F0} → {flight.Points[^1].BatteryPct:F0} %");
        ctx.Out.WriteLine($"Flight {flight.FlightId}: {line}");
        ctx.Out.WriteLine($"Track stored: {FlightLogLayers.Tracks} + {FlightLogLayers.Points} ({flight.Points.Count} samples); link {gcs.ParserStats}");
        ctx.Summary.Add($"- Levee flight on the simulator over MAVLink/TCP ({source}): {line}; track `{flight.FlightId}` in `{FlightLogLayers.Tracks}`");
    }

    /// <summary>Take-off, camera every 15 m, the levee's vertices at 30 m (at most 40), camera off, RTL.</summary>
    private static FlightPlan StandIn(Core.Workspace.IWorkspace ws)
    {
        var levee = ws.Read(AssetLayers.Levees.Schema.Name).Select(f => f.Geometry).OfType<LineString>().FirstOrDefault()
            ?? throw new DxGeoException("the workspace has no levee line to fly");
        var coords = levee.Coordinates;
        var step = Math.Max(1, coords.Length / 40);
        var items = new List<MissionItem>
        {
            new() { Command = MavCmd.NavTakeoff, Z = 30, LatitudeDeg = coords[0].Y, LongitudeDeg = coords[0].X },
            new() { Command = MavCmd.DoSetCamTriggDist, Frame = MavFrame.Mission, Param1 = 15 },
        };
        for (var i = 0; i < coords.Length; i += step)
            items.Add(new MissionItem { Command = MavCmd.NavWaypoint, Z = 30, LatitudeDeg = coords[i].Y, LongitudeDeg = coords[i].X });
        items.Add(new MissionItem { Command = MavCmd.DoSetCamTriggDist, Frame = MavFrame.Mission, Param1 = 0 });
        items.Add(new MissionItem { Command = MavCmd.NavReturnToLaunch, Frame = MavFrame.Mission });
        return new FlightPlan { Mission = [.. items.Select((it, i) => it with { Seq = i })], PlannedFlightId = "levee-stand-in" };
    }
}
