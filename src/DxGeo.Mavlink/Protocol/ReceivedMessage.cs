using DxGeo.Mavlink.Codec;
using DxGeo.Mavlink.Messages;

namespace DxGeo.Mavlink.Protocol;

/// <summary>A decoded message with who sent it and when it arrived.</summary>
public sealed record ReceivedMessage(IMavlinkMessage Message, MavlinkFrame Frame, DateTimeOffset ReceivedUtc)
{
    public byte SystemId => Frame.SystemId;
    public byte ComponentId => Frame.ComponentId;
}

/// <summary>The system/component a client talks to (an autopilot is component 1).</summary>
public readonly record struct VehicleTarget(byte SystemId, byte ComponentId = 1)
{
    public bool Matches(ReceivedMessage m) => m.SystemId == SystemId && (ComponentId == 0 || m.ComponentId == ComponentId);
    public override string ToString() => $"{SystemId}/{ComponentId}";
}
