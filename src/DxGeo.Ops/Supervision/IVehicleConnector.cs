using DxGeo.Mavlink.Protocol;
using DxGeo.Mavlink.Vehicle;
using DxGeo.Ops.Missions;

namespace DxGeo.Ops.Supervision;

/// <summary>An open link to one vehicle, with what must be closed afterwards.</summary>
public sealed class VehicleSession(VehicleController vehicle, MavlinkConnection connection, string linkDescription, Func<ValueTask>? onDispose = null)
    : IAsyncDisposable
{
    public VehicleController Vehicle { get; } = vehicle;
    public MavlinkConnection Connection { get; } = connection;
    public string LinkDescription { get; } = linkDescription;

    public async ValueTask DisposeAsync()
    {
        Vehicle.Dispose();
        await Connection.DisposeAsync();
        if (onDispose is not null) await onDispose();
    }
}

/// <summary>Opens the link a standing mission names and waits for its vehicle (each mission its own link).</summary>
public interface IVehicleConnector
{
    Task<VehicleSession> ConnectAsync(StandingMission mission, TimeSpan timeout, CancellationToken ct);
}
