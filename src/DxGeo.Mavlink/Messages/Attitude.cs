using DxGeo.Mavlink.Codec;
using static DxGeo.Mavlink.Messages.MessageSpec;

namespace DxGeo.Mavlink.Messages;

/// <summary>ATTITUDE (30): roll/pitch/yaw in radians and their rates.</summary>
public sealed record Attitude : IMavlinkMessage<Attitude>
{
    public static MessageSpec Definition { get; } = new("ATTITUDE", 30,
        U32("time_boot_ms"), F32("roll"), F32("pitch"), F32("yaw"), F32("rollspeed"), F32("pitchspeed"), F32("yawspeed"));
    public MessageSpec Spec => Definition;

    public uint TimeBootMs { get; init; }
    public float RollRad { get; init; }
    public float PitchRad { get; init; }
    public float YawRad { get; init; }
    [MavField("rollspeed")] public float RollSpeedRadPerS { get; init; }
    [MavField("pitchspeed")] public float PitchSpeedRadPerS { get; init; }
    [MavField("yawspeed")] public float YawSpeedRadPerS { get; init; }

    public void Write(ref PayloadWriter w)
    {
        w.U32(TimeBootMs); w.F32(RollRad); w.F32(PitchRad); w.F32(YawRad);
        w.F32(RollSpeedRadPerS); w.F32(PitchSpeedRadPerS); w.F32(YawSpeedRadPerS);
    }

    public static Attitude Read(ref PayloadReader r) => new()
    {
        TimeBootMs = r.U32(), RollRad = r.F32(), PitchRad = r.F32(), YawRad = r.F32(),
        RollSpeedRadPerS = r.F32(), PitchSpeedRadPerS = r.F32(), YawSpeedRadPerS = r.F32(),
    };
}
