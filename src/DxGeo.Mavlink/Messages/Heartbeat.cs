using DxGeo.Mavlink.Codec;
using static DxGeo.Mavlink.Messages.MessageSpec;

namespace DxGeo.Mavlink.Messages;

/// <summary>HEARTBEAT (0): who is on the link, its mode and whether it is armed.</summary>
public sealed record Heartbeat : IMavlinkMessage<Heartbeat>
{
    public static MessageSpec Definition { get; } = new("HEARTBEAT", 0,
        U8("type"), U8("autopilot"), U8("base_mode"), U32("custom_mode"), U8("system_status"), U8("mavlink_version"));
    public MessageSpec Spec => Definition;

    public MavVehicleType Type { get; init; }
    public MavAutopilot Autopilot { get; init; }
    public MavModeFlag BaseMode { get; init; }
    public uint CustomMode { get; init; }
    public MavState SystemStatus { get; init; }
    public byte MavlinkVersion { get; init; } = 3;

    public bool IsArmed => (BaseMode & MavModeFlag.SafetyArmed) != 0;

    public void Write(ref PayloadWriter w)
    {
        w.U32(CustomMode); w.U8((byte)Type); w.U8((byte)Autopilot); w.U8((byte)BaseMode);
        w.U8((byte)SystemStatus); w.U8(MavlinkVersion);
    }

    public static Heartbeat Read(ref PayloadReader r) => new()
    {
        CustomMode = r.U32(), Type = (MavVehicleType)r.U8(), Autopilot = (MavAutopilot)r.U8(),
        BaseMode = (MavModeFlag)r.U8(), SystemStatus = (MavState)r.U8(), MavlinkVersion = r.U8(),
    };
}
