using System.CommandLine;
using System.Globalization;
using DxGeo.Core.Errors;
using DxGeo.Mavlink.Codec.Signing;
using DxGeo.Mavlink.Links;
using DxGeo.Mavlink.Protocol;
using DxGeo.Mavlink.Vehicle;

namespace DxGeo.Cli.Commands;

/// <summary>Options and connection set-up shared by the <c>fly</c> commands.</summary>
internal sealed class FlyCli
{
    public Option<string> Link { get; } = new("--link")
    {
        Description = "Connection: udp://:14550 (listen), udp://HOST:PORT, tcp://127.0.0.1:5760, serial:///dev/ttyUSB0?baud=57600",
        Required = true,
    };
    public Option<int?> SystemId { get; } = new("--sysid") { Description = "Vehicle system id (default: the first vehicle heard)" };
    public Option<double> ConnectTimeout { get; } = new("--connect-timeout") { Description = "Seconds to wait for the vehicle's heartbeat", DefaultValueFactory = _ => 15 };
    public Option<string?> Key { get; } = new("--key") { Description = "Signing key name in the key store (signs everything sent, accepts only signed frames); see 'fly key'" };

    public void AddTo(Command c)
    {
        c.Options.Add(Link);
        c.Options.Add(SystemId);
        c.Options.Add(ConnectTimeout);
        c.Options.Add(Key);
    }

    public async Task<MavlinkConnection> OpenAsync(ParseResult pr, string workspace, CancellationToken ct)
    {
        var options = new MavlinkConnectionOptions();
        if (pr.GetValue(Key) is { } name)
        {
            var store = new SigningKeyStore(SigningKeyStore.DefaultDirectory());
            store.EnsureOutside(Path.GetDirectoryName(Path.GetFullPath(workspace))!);
            var key = store.Load(name);
            options = options with { Signer = new MessageSigner(key, linkId: 0), Verifier = new SignatureVerifier(key, requireSigned: true) };
        }
        var link = await LinkFactory.OpenAsync(pr.GetValue(Link)!, ct);
        return new MavlinkConnection(link, options);
    }

    public async Task<VehicleController> VehicleAsync(ParseResult pr, MavlinkConnection c, CancellationToken ct)
    {
        var sys = pr.GetValue(SystemId);
        if (sys is < 1 or > 255) throw new DxGeoException("--sysid must be 1–255");
        return await VehicleController.ConnectAsync(c, TimeSpan.FromSeconds(pr.GetValue(ConnectTimeout)), (byte?)sys, null, ct);
    }

    public static string Describe(VehicleController v) => $"vehicle {v.Target} ({v.Flavor})";

    public static string StateLine(VehicleState s) => string.Create(CultureInfo.InvariantCulture,
        $"{DateTime.Now:HH:mm:ss} {s.Mode,-9} {(s.Armed ? "ARMED" : "disarmed"),-8} lat {s.LatitudeDeg:F6} lon {s.LongitudeDeg:F6} " +
        $"alt {s.AltitudeRelM:F1} m (AMSL {s.AltitudeAmslM:F1}) gs {s.GroundSpeedMps:F1} m/s bat {s.BatteryPct:F0} % " +
        $"gps {s.GpsFix}/{s.Satellites} item {s.MissionSeq}/{s.MissionTotal} reached {s.LastReachedSeq} img {s.ImagesCaptured}");
}
