using System.CommandLine;
using System.Globalization;
using DxGeo.Core.Errors;
using DxGeo.Mavlink.Links;
using DxGeo.Mavlink.Protocol;
using DxGeo.Mavlink.Simulator;

namespace DxGeo.Cli.Commands;

/// <summary><c>dxgeo sim</c>: the built-in simulated vehicle, to try DxGeo without a drone.</summary>
internal static class SimCommands
{
    public static Command Build(CliContext ctx)
    {
        var listen = new Option<string>("--listen") { Description = "Serve the vehicle here: tcp://127.0.0.1:5760 (TCP server) or udp://127.0.0.1:14560 (UDP, replies to the sender)", DefaultValueFactory = _ => "tcp://127.0.0.1:5760" };
        var connect = new Option<string?>("--connect") { Description = "Instead of listening, send to a ground station, e.g. udp://127.0.0.1:14550 (as SITL does)" };
        var px4 = new Option<bool>("--px4") { Description = "Behave like PX4 (MISSION_REQUEST_INT, atomic uploads, PX4 modes) instead of ArduPilot Copter" };
        var home = new Option<string?>("--home") { Description = "Home as lat,lon,alt_amsl (default 35.6812,139.7671,20)" };
        var speedUp = new Option<double>("--speed-up") { Description = "Simulated seconds per real second", DefaultValueFactory = _ => 1 };
        var loss = new Option<double>("--loss") { Description = "Probability (0–1) that the vehicle drops a frame it sends", DefaultValueFactory = _ => 0 };
        var dup = new Option<double>("--dup") { Description = "Probability (0–1) that a frame is sent twice", DefaultValueFactory = _ => 0 };
        var delay = new Option<double>("--delay-ms") { Description = "Delay added to every frame the vehicle sends, ms", DefaultValueFactory = _ => 0 };
        var sysid = new Option<int>("--sysid") { Description = "Vehicle system id", DefaultValueFactory = _ => 1 };
        var seconds = new Option<double?>("--seconds") { Description = "Stop after this many seconds (default: until Ctrl-C)" };
        var cmd = new Command("sim", "Run the built-in simulated vehicle (mission storage, modes, kinematics, battery, camera) until Ctrl-C")
        {
            listen, connect, px4, home, speedUp, loss, dup, delay, sysid, seconds,
        };
        cmd.SetAction(async (pr, ct) =>
        {
            var o = new SimVehicleOptions
            {
                Flavor = pr.GetValue(px4) ? AutopilotFlavor.Px4 : AutopilotFlavor.ArduPilot, TimeScale = pr.GetValue(speedUp),
                SystemId = pr.GetValue(sysid) is >= 1 and <= 255 and var s ? (byte)s : throw new DxGeoException("--sysid must be 1–255"),
            };
            if (pr.GetValue(home) is { } h) o = WithHome(o, h);
            var endpoint = pr.GetValue(connect) ?? pr.GetValue(listen)!;
            var link = pr.GetValue(connect) is { } c ? await LinkFactory.OpenAsync(c, ct) : await LinkFactory.OpenServerAsync(endpoint, ct);
            var faults = new LinkFaults { LossProbability = pr.GetValue(loss), DuplicateProbability = pr.GetValue(dup), Delay = TimeSpan.FromMilliseconds(pr.GetValue(delay)) };
            await using var vehicle = new SimVehicle(faults.IsNone ? link : new FaultInjectingLink(link, faults), o);
            ctx.Out.WriteLine($"simulated {o.Flavor} vehicle {o.SystemId} on {link.Description}; home {o.HomeLatDeg:F6},{o.HomeLonDeg:F6}; Ctrl-C to stop");
            try
            {
                if (pr.GetValue(seconds) is { } secs) await Task.Delay(TimeSpan.FromSeconds(secs), ct);
                else await Task.Delay(Timeout.Infinite, ct);
            }
            catch (OperationCanceledException) { }
            ctx.Out.WriteLine($"sim stopped: {vehicle.UploadsCompleted} uploads, {vehicle.ImagesCaptured} images; link {vehicle.Connection.ParserStats}");
            return 0;
        });
        return cmd;
    }

    private static SimVehicleOptions WithHome(SimVehicleOptions o, string s)
    {
        var parts = s.Split(',');
        var v = parts.Select(p => double.TryParse(p, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) ? d : double.NaN).ToArray();
        if (v.Length != 3 || v.Any(double.IsNaN) || Math.Abs(v[0]) > 90 || Math.Abs(v[1]) > 180)
            throw new DxGeoException($"--home must be lat,lon,alt (degrees, degrees, metres), not '{s}'");
        return o with { HomeLatDeg = v[0], HomeLonDeg = v[1], HomeAltAmslM = v[2] };
    }
}
