using System.Collections.Concurrent;
using DxGeo.Mavlink.Links;
using DxGeo.Mavlink.Protocol;
using DxGeo.Mavlink.Simulator;
using DxGeo.Mavlink.Vehicle;
using DxGeo.Ops.Missions;

namespace DxGeo.Ops.Supervision;

/// <summary>
/// The built-in simulator for every mission: one <see cref="SimVehicle"/> per connection, at the mission's launch point,
/// on its own in-memory link, with a system id of its own. <paramref name="options"/> adjusts each vehicle
/// (battery, GPS, wind, link cut, time scale). The vehicles stay reachable through <see cref="Vehicles"/> for tests.
/// </summary>
public sealed class SimulatedVehicleConnector(Func<StandingMission, SimVehicleOptions, SimVehicleOptions>? options = null) : IVehicleConnector
{
    private int _nextSystemId;

    public ConcurrentDictionary<string, SimVehicle> Vehicles { get; } = new();

    public async Task<VehicleSession> ConnectAsync(StandingMission mission, TimeSpan timeout, CancellationToken ct)
    {
        var sysId = (byte)(Interlocked.Increment(ref _nextSystemId) % 250 + 1);
        var o = new SimVehicleOptions
        {
            SystemId = sysId, HomeLatDeg = mission.LaunchLatDeg, HomeLonDeg = mission.LaunchLonDeg, HomeAltAmslM = mission.LaunchAltAmslM,
        };
        o = options?.Invoke(mission, o) ?? o;
        var (vehicleEnd, gcsEnd) = InMemoryLink.CreatePair();
        var sim = new SimVehicle(vehicleEnd, o);
        Vehicles[mission.Name] = sim;
        var conn = new MavlinkConnection(gcsEnd);
        try
        {
            var vehicle = await VehicleController.ConnectAsync(conn, timeout, o.SystemId, ct: ct);
            return new VehicleSession(vehicle, conn, $"simulator (system {o.SystemId}, in-memory link)", () => sim.DisposeAsync());
        }
        catch
        {
            await conn.DisposeAsync();
            await sim.DisposeAsync();
            throw;
        }
    }
}
