using System.Globalization;
using System.Text;
using System.Text.Json;
using DxGeo.Core.Workspace.GeoPackage;
using DxGeo.Mavlink.Simulator;
using DxGeo.Ops.Missions;
using DxGeo.Ops.Supervision;
using DxGeo.Ops.Triggers;
using DxGeo.Ops.Weather;

namespace DxGeo.Ops.Tests.Support;

/// <summary>A temporary workspace, a short coastal plan, a fast simulator and signing for the tests.</summary>
internal sealed class OpsKit : IDisposable
{
    public const double LaunchLat = 38.1815, LaunchLon = 140.9560;
    public static readonly byte[] Secret = Encoding.UTF8.GetBytes("test-secret-kawaminato-0123456789");
    /// <summary>Three waypoints ~100 m apart north-east of the launch point, 20 m up.</summary>
    public static readonly (double Lat, double Lon)[] Waypoints = [(38.1822, 140.9570), (38.1830, 140.9580), (38.1838, 140.9590)];

    private readonly string _dir = Directory.CreateTempSubdirectory("dxgeo-ops-").FullName;

    public OpsKit() => Workspace = GeoPackageWorkspace.Create(Path.Combine(_dir, "ws.gpkg"));

    public GeoPackageWorkspace Workspace { get; }
    public string Dir => _dir;
    public SimulatedWeatherSource Weather { get; } = new(windMps: 3);
    /// <summary>Per-test changes to each simulated vehicle.</summary>
    public Func<SimVehicleOptions, SimVehicleOptions> Sim { get; set; } = o => o;
    public SimulatedVehicleConnector Connector => _connector ??= new SimulatedVehicleConnector((_, o) => Sim(Fast(o)));
    private SimulatedVehicleConnector? _connector;

    public static SimVehicleOptions Fast(SimVehicleOptions o) => o with
    {
        TimeScale = 40, TickInterval = TimeSpan.FromMilliseconds(20), MaxStepS = 1, HeartbeatInterval = TimeSpan.FromMilliseconds(200),
        // 3 s, not 1 s: the simulators and supervisors share 2 cores with the rest of the test run, where a 1 s
        // heartbeat silence is a scheduling hiccup rather than a lost link (it made runs return early in CI).
        GcsFailsafeTimeout = TimeSpan.FromSeconds(3),
    };

    public static SupervisorOptions Supervision => new()
    {
        ConnectTimeout = TimeSpan.FromSeconds(5), TelemetryRateHz = 10, GcsHeartbeatInterval = TimeSpan.FromMilliseconds(200),
        LostLinkTimeout = TimeSpan.FromSeconds(3), LostLinkGiveUp = TimeSpan.FromSeconds(20), WeatherPollInterval = TimeSpan.FromMilliseconds(200),
        TrackSampleInterval = TimeSpan.FromMilliseconds(100), TimeScale = 40, FlightTimeout = TimeSpan.FromSeconds(30),
    };

    public OpsDispatcher Dispatcher(TimeProvider? clock = null, SupervisorOptions? supervision = null) =>
        new(Workspace, Secret, Connector, Weather, supervision ?? Supervision, clock);

    public static string PlanJson(double latOffsetDeg = 0)
    {
        var items = new List<object>
        {
            Item(22, 3, [0, 0, 0, null, LaunchLat + latOffsetDeg, LaunchLon, 20]),
        };
        items.AddRange(Waypoints.Select(w => Item(16, 3, [0, 0, 0, null, w.Lat + latOffsetDeg, w.Lon, 20])));
        items.Add(Item(20, 2, [0, 0, 0, 0, 0, 0, 0]));
        return JsonSerializer.Serialize(new Dictionary<string, object>
        {
            ["fileType"] = "Plan", ["version"] = 1, ["groundStation"] = "DxGeo tests",
            ["mission"] = new Dictionary<string, object> { ["version"] = 2, ["plannedHomePosition"] = new[] { LaunchLat + latOffsetDeg, LaunchLon, 5 }, ["items"] = items },
        });
    }

    private static object Item(int cmd, int frame, double?[] p) =>
        new Dictionary<string, object> { ["type"] = "SimpleItem", ["autoContinue"] = true, ["command"] = cmd, ["frame"] = frame, ["params"] = p };

    public static StandingMission Mission(string name = "coast", string area = "220", double latOffsetDeg = 0) => new()
    {
        Name = name, PlanId = "test-plan", PlanJson = PlanJson(latOffsetDeg), Link = "sim", LaunchLatDeg = LaunchLat + latOffsetDeg, LaunchLonDeg = LaunchLon,
        LaunchAltAmslM = 5, Trigger = new TriggerMatch { Kinds = ["tsunami"], Areas = [area] },
        Payload = [new PayloadAction(1, PayloadKind.RelayOn), new PayloadAction(-1, PayloadKind.RelayOff)],
        ReserveBatteryPct = 30, CreatedUtc = DateTimeOffset.UtcNow,
    };

    public static byte[] AlertJson(string id, string areaCode = "220", string level = "warning", string kind = "tsunami") =>
        Encoding.UTF8.GetBytes(string.Create(CultureInfo.InvariantCulture,
            $$"""{"id":"{{id}}","kind":"{{kind}}","level":"{{level}}","issued":"{{DateTimeOffset.UtcNow:O}}","areas":[{"code":"{{areaCode}}","name":"test area"}]}"""));

    public static AlertSignature Sign(byte[] body, DateTimeOffset? at = null) => AlertSignature.Sign(body, Secret, at ?? DateTimeOffset.UtcNow);

    public static string SampleFile(string name)
    {
        for (var d = new DirectoryInfo(AppContext.BaseDirectory); d is not null; d = d.Parent)
        {
            var p = Path.Combine(d.FullName, "sample-data", "alerts", name);
            if (File.Exists(p)) return p;
        }
        throw new FileNotFoundException($"sample-data/alerts/{name} not found above {AppContext.BaseDirectory}");
    }

    public void Dispose()
    {
        // Each run's session disposes its simulated vehicle; their recorded payload events stay readable.
        Workspace.Dispose();
        try { Directory.Delete(_dir, true); } catch (IOException) { }
    }
}
