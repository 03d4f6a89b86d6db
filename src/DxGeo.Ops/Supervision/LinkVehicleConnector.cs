using DxGeo.Core.Errors;
using DxGeo.Mavlink.Links;
using DxGeo.Mavlink.Protocol;
using DxGeo.Mavlink.Vehicle;
using DxGeo.Ops.Missions;

namespace DxGeo.Ops.Supervision;

/// <summary>Real vehicles: the mission's link is a connection string (udp://, tcp://, serial://) opened with <see cref="LinkFactory"/>.</summary>
public sealed class LinkVehicleConnector : IVehicleConnector
{
    public async Task<VehicleSession> ConnectAsync(StandingMission mission, TimeSpan timeout, CancellationToken ct)
    {
        if (mission.Link == "sim") throw new DxGeoException($"standing mission '{mission.Name}' uses the simulator (link 'sim'); run it with ops simulate");
        var link = await LinkFactory.OpenAsync(mission.Link, ct);
        var conn = new MavlinkConnection(link);
        try
        {
            var vehicle = await VehicleController.ConnectAsync(conn, timeout, ct: ct);
            return new VehicleSession(vehicle, conn, link.Description);
        }
        catch
        {
            await conn.DisposeAsync();
            throw;
        }
    }
}
