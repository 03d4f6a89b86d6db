using DxGeo.Core.Errors;
using DxGeo.Flight.Missions;
using DxGeo.Mavlink.Messages;
using DxGeo.Mavlink.Protocol;

namespace DxGeo.Mavlink.Vehicle;

/// <summary>
/// Flies one vehicle: finds it by its heartbeat, asks for telemetry (autopilots send none until asked), and sends
/// arm/disarm, mode, take-off, mission start, pause, RTL and land, each confirmed by COMMAND_ACK.
/// </summary>
public sealed class VehicleController : IDisposable
{
    private VehicleController(MavlinkConnection connection, VehicleTarget target, AutopilotFlavor flavor, MissionProtocolOptions? missionOptions)
    {
        Connection = connection;
        Target = target;
        Flavor = flavor;
        State = new VehicleStateTracker(connection, target, flavor);
        Commands = new CommandClient(connection, target);
        Missions = new MissionClient(connection, target, flavor, missionOptions);
    }

    public MavlinkConnection Connection { get; }
    public VehicleTarget Target { get; }
    public AutopilotFlavor Flavor { get; }
    public VehicleStateTracker State { get; }
    public CommandClient Commands { get; }
    public MissionClient Missions { get; }

    /// <summary>Waits for a vehicle's HEARTBEAT (ground stations and other non-vehicles are ignored).</summary>
    public static async Task<VehicleController> ConnectAsync(MavlinkConnection connection, TimeSpan timeout, byte? systemId = null,
        MissionProtocolOptions? missionOptions = null, CancellationToken ct = default)
    {
        var hb = await connection.WaitForAsync<Heartbeat>((h, m) => h.Type != MavVehicleType.Gcs && h.Autopilot != MavAutopilot.Invalid &&
            (systemId is null || m.SystemId == systemId), timeout, ct);
        if (hb is not { } found)
            throw new DxGeoException($"no vehicle heartbeat on {connection.Link.Description} within {timeout.TotalSeconds:F0} s" +
                (systemId is null ? "" : $" from system {systemId}"));
        var target = new VehicleTarget(found.Envelope.SystemId, found.Envelope.ComponentId);
        var c = new VehicleController(connection, target, FlightModes.FlavorOf(found.Message.Autopilot), missionOptions);
        return c;
    }

    /// <summary>
    /// Asks for position, status, battery, GPS, attitude, HUD and mission progress at <paramref name="rateHz"/>:
    /// REQUEST_DATA_STREAM for ArduPilot (which honours it), SET_MESSAGE_INTERVAL otherwise; then waits for a position.
    /// </summary>
    public async Task RequestTelemetryAsync(double rateHz = 4, TimeSpan? timeout = null, CancellationToken ct = default)
    {
        var wait = timeout ?? TimeSpan.FromSeconds(5);
        for (var attempt = 0; attempt < 3; attempt++)
        {
            if (Flavor == AutopilotFlavor.ArduPilot)
            {
                foreach (var s in new[] { MavDataStream.ExtendedStatus, MavDataStream.Position, MavDataStream.Extra1, MavDataStream.Extra2, MavDataStream.Extra3 })
                    await Connection.SendAsync(new RequestDataStream { TargetSystem = Target.SystemId, TargetComponent = Target.ComponentId,
                        StreamId = s, MessageRateHz = (ushort)Math.Max(1, Math.Round(rateHz)), StartStop = 1 }, ct);
            }
            else
            {
                foreach (var id in new uint[] { 1, 24, 30, 33, 42, 74, 147 })
                    await Commands.SendAsync(MavCmd.SetMessageInterval, id, (float)(1e6 / rateHz), ct: ct);
            }
            if (await State.WaitUntilAsync(s => s.LastPositionUtc is not null, wait / 3, ct) is not null)
            {
                await RequestHomeAsync(ct);
                return;
            }
        }
        throw new DxGeoException($"vehicle {Target} sends no position after telemetry was requested 3 times");
    }

    private async Task RequestHomeAsync(CancellationToken ct)
    {
        try { await Commands.SendAsync(MavCmd.RequestMessage, HomePosition.Definition.Id, ct: ct); }
        catch (CommandFailedException) { /* older firmware: home arrives with arming */ }
    }

    public Task ArmAsync(CancellationToken ct = default) => Commands.SendAsync(MavCmd.ComponentArmDisarm, 1, ct: ct);

    /// <summary>Disarms; <paramref name="force"/> also in flight (magic 21196), which drops the vehicle.</summary>
    public Task DisarmAsync(bool force = false, CancellationToken ct = default) =>
        Commands.SendAsync(MavCmd.ComponentArmDisarm, 0, force ? 21196 : 0, ct: ct);

    public Task SetModeAsync(FlightMode mode, CancellationToken ct = default)
    {
        var (p1, p2, p3) = FlightModes.SetModeParams(Flavor, mode);
        return Commands.SendAsync(MavCmd.DoSetMode, p1, p2, p3, ct: ct);
    }

    /// <summary>Takes off to <paramref name="altitudeRelM"/> above home (ArduPilot Copter first switches to GUIDED;
    /// PX4 takes an AMSL altitude).</summary>
    public async Task TakeoffAsync(double altitudeRelM, CancellationToken ct = default)
    {
        if (Flavor == AutopilotFlavor.ArduPilot && State.Current.Mode != FlightMode.Guided) await SetModeAsync(FlightMode.Guided, ct);
        var p7 = Flavor == AutopilotFlavor.Px4 ? (float)((State.Current.HomeAltitudeAmslM ?? State.Current.AltitudeAmslM ?? 0) + altitudeRelM) : (float)altitudeRelM;
        await Commands.SendAsync(MavCmd.NavTakeoff, p7: p7, ct: ct);
    }

    /// <summary>MAV_CMD_MISSION_START from the first item (ArduPilot switches to AUTO).</summary>
    public async Task StartMissionAsync(CancellationToken ct = default)
    {
        State.ResetMissionProgress();
        await Commands.SendAsync(MavCmd.MissionStart, 0, 0, ct: ct);
    }

    /// <summary>Stops and holds position: BRAKE on ArduPilot Copter (as QGroundControl), HOLD (AUTO.LOITER) on PX4.</summary>
    public Task PauseAsync(CancellationToken ct = default) => SetModeAsync(Flavor == AutopilotFlavor.Px4 ? FlightMode.Loiter : FlightMode.Brake, ct);

    public Task ReturnToLaunchAsync(CancellationToken ct = default) => Commands.SendAsync(MavCmd.NavReturnToLaunch, ct: ct);

    public Task LandAsync(CancellationToken ct = default) => SetModeAsync(FlightMode.Land, ct);

    public void Dispose() => State.Dispose();
}
