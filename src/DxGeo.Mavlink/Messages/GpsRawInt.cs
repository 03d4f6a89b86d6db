using DxGeo.Mavlink.Codec;
using static DxGeo.Mavlink.Messages.MessageSpec;

namespace DxGeo.Mavlink.Messages;

/// <summary>GPS_RAW_INT (24): the raw GNSS solution (fix type, satellites, WGS84 position).</summary>
public sealed record GpsRawInt : IMavlinkMessage<GpsRawInt>
{
    public static MessageSpec Definition { get; } = new("GPS_RAW_INT", 24,
        U64("time_usec"), U8("fix_type"), I32("lat"), I32("lon"), I32("alt"), U16("eph"), U16("epv"), U16("vel"),
        U16("cog"), U8("satellites_visible"), I32("alt_ellipsoid", true), U32("h_acc", true), U32("v_acc", true),
        U32("vel_acc", true), U32("hdg_acc", true), U16("yaw", true));
    public MessageSpec Spec => Definition;

    public ulong TimeUsec { get; init; }
    public GpsFixType FixType { get; init; }
    /// <summary>Latitude, degE7.</summary>
    public int Lat { get; init; }
    /// <summary>Longitude, degE7.</summary>
    public int Lon { get; init; }
    /// <summary>Altitude MSL, mm.</summary>
    public int AltMm { get; init; }
    public ushort Eph { get; init; }
    public ushort Epv { get; init; }
    /// <summary>Ground speed, cm/s.</summary>
    public ushort Vel { get; init; }
    /// <summary>Course over ground, cdeg.</summary>
    public ushort Cog { get; init; }
    public byte SatellitesVisible { get; init; }
    public int AltEllipsoidMm { get; init; }
    public uint HAccMm { get; init; }
    public uint VAccMm { get; init; }
    public uint VelAcc { get; init; }
    public uint HdgAcc { get; init; }
    public ushort Yaw { get; init; }

    public void Write(ref PayloadWriter w)
    {
        w.U64(TimeUsec); w.I32(Lat); w.I32(Lon); w.I32(AltMm); w.U16(Eph); w.U16(Epv); w.U16(Vel); w.U16(Cog);
        w.U8((byte)FixType); w.U8(SatellitesVisible); w.I32(AltEllipsoidMm); w.U32(HAccMm); w.U32(VAccMm);
        w.U32(VelAcc); w.U32(HdgAcc); w.U16(Yaw);
    }

    public static GpsRawInt Read(ref PayloadReader r) => new()
    {
        TimeUsec = r.U64(), Lat = r.I32(), Lon = r.I32(), AltMm = r.I32(), Eph = r.U16(), Epv = r.U16(), Vel = r.U16(),
        Cog = r.U16(), FixType = (GpsFixType)r.U8(), SatellitesVisible = r.U8(), AltEllipsoidMm = r.I32(),
        HAccMm = r.U32(), VAccMm = r.U32(), VelAcc = r.U32(), HdgAcc = r.U32(), Yaw = r.U16(),
    };
}
