using DxGeo.Mavlink.Codec;
using static DxGeo.Mavlink.Messages.MessageSpec;

namespace DxGeo.Mavlink.Messages;

/// <summary>GLOBAL_POSITION_INT (33): the fused position (WGS84), altitude MSL and above home, velocity, heading.</summary>
public sealed record GlobalPositionInt : IMavlinkMessage<GlobalPositionInt>
{
    public static MessageSpec Definition { get; } = new("GLOBAL_POSITION_INT", 33,
        U32("time_boot_ms"), I32("lat"), I32("lon"), I32("alt"), I32("relative_alt"), I16("vx"), I16("vy"), I16("vz"),
        U16("hdg"));
    public MessageSpec Spec => Definition;

    public uint TimeBootMs { get; init; }
    /// <summary>Latitude, degE7.</summary>
    public int Lat { get; init; }
    /// <summary>Longitude, degE7.</summary>
    public int Lon { get; init; }
    /// <summary>Altitude MSL, mm.</summary>
    public int AltMm { get; init; }
    /// <summary>Altitude above home, mm.</summary>
    public int RelativeAltMm { get; init; }
    /// <summary>Velocity north/east/down, cm/s.</summary>
    public short Vx { get; init; }
    public short Vy { get; init; }
    public short Vz { get; init; }
    /// <summary>Heading, cdeg (UINT16_MAX: unknown).</summary>
    public ushort Hdg { get; init; }

    public void Write(ref PayloadWriter w)
    {
        w.U32(TimeBootMs); w.I32(Lat); w.I32(Lon); w.I32(AltMm); w.I32(RelativeAltMm);
        w.I16(Vx); w.I16(Vy); w.I16(Vz); w.U16(Hdg);
    }

    public static GlobalPositionInt Read(ref PayloadReader r) => new()
    {
        TimeBootMs = r.U32(), Lat = r.I32(), Lon = r.I32(), AltMm = r.I32(), RelativeAltMm = r.I32(),
        Vx = r.I16(), Vy = r.I16(), Vz = r.I16(), Hdg = r.U16(),
    };
}
