using DxGeo.Flight.Missions;
using DxGeo.Mavlink.Links;
using DxGeo.Mavlink.Protocol;
using DxGeo.Mavlink.Simulator;

namespace DxGeo.Mavlink.Tests.Support;

/// <summary>A ground-station connection and a simulated vehicle joined by an in-memory link, impaired both ways.</summary>
public sealed class SimHarness : IAsyncDisposable
{
    public SimHarness(AutopilotFlavor flavor, LinkFaults? faults = null, SimVehicleOptions? sim = null)
    {
        var (a, b) = InMemoryLink.CreatePair();
        faults ??= LinkFaults.None;
        GcsLink = new FaultInjectingLink(a, faults with { Seed = faults.Seed * 7 + 1 });
        VehicleLink = new FaultInjectingLink(b, faults with { Seed = faults.Seed * 13 + 5 });
        Vehicle = new SimVehicle(VehicleLink, (sim ?? FastSim) with { Flavor = flavor });
        Gcs = new MavlinkConnection(GcsLink);
    }

    /// <summary>Vehicle timers short enough that thousands of lost frames still recover in seconds.</summary>
    public static SimVehicleOptions FastSim { get; } = new()
    {
        TickInterval = TimeSpan.FromMilliseconds(1), MissionItemRetryTimeout = TimeSpan.FromMilliseconds(3),
        MissionMaxRetries = 400, HeartbeatInterval = TimeSpan.FromMilliseconds(100),
    };

    public static MissionProtocolOptions FastProtocol { get; } = new()
    {
        AckTimeout = TimeSpan.FromMilliseconds(60), ItemTimeout = TimeSpan.FromMilliseconds(5), MaxRetries = 40,
    };

    public FaultInjectingLink GcsLink { get; }
    public FaultInjectingLink VehicleLink { get; }
    public SimVehicle Vehicle { get; }
    public MavlinkConnection Gcs { get; }
    public VehicleTarget Target => new(Vehicle.Options.SystemId, Vehicle.Options.ComponentId);

    public MissionClient Missions(MissionProtocolOptions? o = null) => new(Gcs, Target, Vehicle.Options.Flavor, o ?? FastProtocol);

    /// <summary>A survey-like mission: take-off, a lawnmower of waypoints near home, RTL.</summary>
    public static List<MissionItem> Plan(int count, double lat0 = 35.6812, double lon0 = 139.7671)
    {
        var items = new List<MissionItem>(count);
        for (var i = 0; i < count; i++)
        {
            var (row, col) = (i / 20, i % 20);
            items.Add(i == 0
                ? new MissionItem { Seq = i, Command = MavCmd.NavTakeoff, Z = 30, LatitudeDeg = lat0, LongitudeDeg = lon0 }
                : new MissionItem
                {
                    Seq = i, Command = MavCmd.NavWaypoint, Frame = MavFrame.GlobalRelativeAltInt, Z = 30 + (i % 7) * 0.37f,
                    LatitudeDeg = lat0 + row * 0.0001234567, LongitudeDeg = lon0 + (row % 2 == 0 ? col : 19 - col) * 0.0001357913,
                    Param1 = i % 5 == 0 ? 1 : 0, Param2 = 2,
                });
        }
        return items;
    }

    public async ValueTask DisposeAsync()
    {
        await Gcs.DisposeAsync();
        await Vehicle.DisposeAsync();
    }
}
