using DxGeo.Core.Errors;
using DxGeo.Flight.Missions;
using DxGeo.Mavlink.Messages;

namespace DxGeo.Mavlink.Protocol;

/// <summary>A command the vehicle refused, or never acknowledged.</summary>
public sealed class CommandFailedException(MavCmd command, MavResult? result, string message) : DxGeoException(message)
{
    public MavCmd Command { get; } = command;
    /// <summary>The COMMAND_ACK result, or null when no acknowledgement came.</summary>
    public MavResult? Result { get; } = result;
}

/// <summary>
/// Sends COMMAND_LONG and waits for its COMMAND_ACK, re-sending with an incremented confirmation on timeout
/// (as QGroundControl does) and waiting on while the vehicle reports IN_PROGRESS.
/// </summary>
public sealed class CommandClient(MavlinkConnection connection, VehicleTarget target)
{
    public TimeSpan AckTimeout { get; init; } = TimeSpan.FromMilliseconds(1500);
    public int MaxRetries { get; init; } = 3;
    /// <summary>How long an IN_PROGRESS command may take to finish.</summary>
    public TimeSpan ProgressTimeout { get; init; } = TimeSpan.FromSeconds(30);

    public async Task<CommandAck> SendAsync(MavCmd command, float p1 = 0, float p2 = 0, float p3 = 0, float p4 = 0,
        float p5 = 0, float p6 = 0, float p7 = 0, CancellationToken ct = default)
    {
        using var sub = connection.Subscribe(m => target.Matches(m) && m.Message is CommandAck a && a.Command == command);
        for (byte attempt = 0; attempt <= MaxRetries; attempt++)
        {
            await connection.SendAsync(new CommandLong
            {
                TargetSystem = target.SystemId, TargetComponent = target.ComponentId, Command = command, Confirmation = attempt,
                Param1 = p1, Param2 = p2, Param3 = p3, Param4 = p4, Param5 = p5, Param6 = p6, Param7 = p7,
            }, ct);
            var got = await sub.NextAsync(AckTimeout, ct);
            if (got is null) continue;
            var ack = (CommandAck)got.Message;
            var deadline = DateTime.UtcNow + ProgressTimeout;
            while (ack.Result == MavResult.InProgress && DateTime.UtcNow < deadline)
            {
                var next = await sub.NextAsync(deadline - DateTime.UtcNow, ct);
                if (next is null) break;
                ack = (CommandAck)next.Message;
            }
            if (ack.Result == MavResult.Accepted) return ack;
            throw new CommandFailedException(command, ack.Result, $"vehicle {target} refused {Name(command)}: {ResultNames.Describe(ack.Result)}");
        }
        throw new CommandFailedException(command, null, $"no COMMAND_ACK for {Name(command)} from vehicle {target} after {MaxRetries} retries (link lost?)");
    }

    private static string Name(MavCmd c) => Enum.IsDefined(c) ? $"MAV_CMD {c} ({(int)c})" : $"MAV_CMD {(int)c}";
}
