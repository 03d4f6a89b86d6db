using DxGeo.Ops.Missions;

namespace DxGeo.Ops.Supervision;

/// <summary>Missions whose link is <c>sim</c> fly on the simulator, the others on their real link.</summary>
public sealed class RoutingVehicleConnector(IVehicleConnector simulator, IVehicleConnector real) : IVehicleConnector
{
    public Task<VehicleSession> ConnectAsync(StandingMission mission, TimeSpan timeout, CancellationToken ct) =>
        (mission.Link == "sim" ? simulator : real).ConnectAsync(mission, timeout, ct);
}
