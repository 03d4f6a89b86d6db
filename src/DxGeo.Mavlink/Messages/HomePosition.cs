using DxGeo.Mavlink.Codec;
using static DxGeo.Mavlink.Messages.MessageSpec;

namespace DxGeo.Mavlink.Messages;

/// <summary>HOME_POSITION (242): where the vehicle returns to, and what relative altitudes are measured from.</summary>
public sealed record HomePosition : IMavlinkMessage<HomePosition>
{
    public static MessageSpec Definition { get; } = new("HOME_POSITION", 242,
        I32("latitude"), I32("longitude"), I32("altitude"), F32("x"), F32("y"), F32("z"),
        Arr("q", WireType.Float, 4), F32("approach_x"), F32("approach_y"), F32("approach_z"), U64("time_usec", true));
    public MessageSpec Spec => Definition;

    /// <summary>degE7.</summary>
    public int Latitude { get; init; }
    /// <summary>degE7.</summary>
    public int Longitude { get; init; }
    /// <summary>Altitude MSL, mm.</summary>
    public int AltitudeMm { get; init; }
    public float X { get; init; }
    public float Y { get; init; }
    public float Z { get; init; }
    public float[] Q { get; init; } = [1, 0, 0, 0];
    public float ApproachX { get; init; }
    public float ApproachY { get; init; }
    public float ApproachZ { get; init; }
    public ulong TimeUsec { get; init; }

    public void Write(ref PayloadWriter w)
    {
        w.I32(Latitude); w.I32(Longitude); w.I32(AltitudeMm); w.F32(X); w.F32(Y); w.F32(Z); w.F32Array(Q, 4);
        w.F32(ApproachX); w.F32(ApproachY); w.F32(ApproachZ); w.U64(TimeUsec);
    }

    public static HomePosition Read(ref PayloadReader r) => new()
    {
        Latitude = r.I32(), Longitude = r.I32(), AltitudeMm = r.I32(), X = r.F32(), Y = r.F32(), Z = r.F32(),
        Q = r.F32Array(4), ApproachX = r.F32(), ApproachY = r.F32(), ApproachZ = r.F32(), TimeUsec = r.U64(),
    };
}
