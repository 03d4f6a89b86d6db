using DxGeo.Mavlink.Codec;
using static DxGeo.Mavlink.Messages.MessageSpec;

namespace DxGeo.Mavlink.Messages;

/// <summary>VFR_HUD (74): speeds, heading, throttle, altitude, climb rate.</summary>
public sealed record VfrHud : IMavlinkMessage<VfrHud>
{
    public static MessageSpec Definition { get; } = new("VFR_HUD", 74,
        F32("airspeed"), F32("groundspeed"), I16("heading"), U16("throttle"), F32("alt"), F32("climb"));
    public MessageSpec Spec => Definition;

    public float AirspeedMps { get; init; }
    public float GroundspeedMps { get; init; }
    public short HeadingDeg { get; init; }
    public ushort ThrottlePct { get; init; }
    public float AltM { get; init; }
    public float ClimbMps { get; init; }

    public void Write(ref PayloadWriter w)
    {
        w.F32(AirspeedMps); w.F32(GroundspeedMps); w.F32(AltM); w.F32(ClimbMps); w.I16(HeadingDeg); w.U16(ThrottlePct);
    }

    public static VfrHud Read(ref PayloadReader r) => new()
    {
        AirspeedMps = r.F32(), GroundspeedMps = r.F32(), AltM = r.F32(), ClimbMps = r.F32(),
        HeadingDeg = r.I16(), ThrottlePct = r.U16(),
    };
}
