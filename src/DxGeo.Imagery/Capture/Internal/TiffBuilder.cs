using System.Buffers.Binary;
using System.Globalization;
using System.Text;
using DxGeo.Imagery.Capture;

namespace DxGeo.Imagery.Capture.Internal;

/// <summary>
/// A little-endian TIFF structure (EXIF 2.32) with three IFDs: IFD0 → Exif IFD and GPS IFD. Entries are sorted by tag;
/// values longer than 4 bytes go to a data area after each IFD, at even offsets from the TIFF header.
/// </summary>
internal static class TiffBuilder
{
    private const ushort Byte = 1, Ascii = 2, Short = 3, Long = 4, Rational = 5, Undefined = 7;
    private sealed record Entry(ushort Tag, ushort Type, uint Count, byte[] Value);

    public static byte[] Build(CaptureTags t, int widthPx, int heightPx)
    {
        var c = CultureInfo.InvariantCulture;
        var utc = t.CapturedUtc.ToUniversalTime();
        var stamp = utc.ToString("yyyy:MM:dd HH:mm:ss", c);
        // The tags EXIF 2.32 requires of a JPEG (exiftool -validate checks them) plus what a drone camera records.
        var ifd0 = new List<Entry>
        {
            Text(0x010F, t.Make), Text(0x0110, t.Model), Rationals(0x011A, (72, 1)), Rationals(0x011B, (72, 1)),
            new(0x0128, Short, 1, U16(2)), Text(0x0132, stamp), new(0x0213, Short, 1, U16(1)),
        };
        var exif = new List<Entry>
        {
            new(0x9000, Undefined, 4, "0232"u8.ToArray()), Text(0x9003, stamp), Text(0x9011, "+00:00"),
            new(0x9101, Undefined, 4, [1, 2, 3, 0]), new(0xA000, Undefined, 4, "0100"u8.ToArray()), new(0xA001, Short, 1, U16(1)),
            new(0xA002, Long, 1, U32((uint)widthPx)), new(0xA003, Long, 1, U32((uint)heightPx)),
        };
        if (t.FocalLengthMm is { } f) exif.Add(Rationals(0x920A, (f, 1000)));
        if (t.FocalLength35mmMm is { } f35) exif.Add(new Entry(0xA405, Short, 1, U16(f35)));
        var lat = Math.Abs(t.LatDeg); var lon = Math.Abs(t.LonDeg);
        var secs = utc.TimeOfDay.TotalSeconds;
        var gps = new List<Entry>
        {
            new(0x0000, Byte, 4, [2, 3, 0, 0]),
            Text(0x0001, t.LatDeg >= 0 ? "N" : "S"), Rationals(0x0002, Dms(lat)),
            Text(0x0003, t.LonDeg >= 0 ? "E" : "W"), Rationals(0x0004, Dms(lon)),
            new(0x0005, Byte, 1, [t.AltitudeAbsM < 0 ? (byte)1 : (byte)0]),
            Rationals(0x0006, (Math.Abs(t.AltitudeAbsM), 1000)),
            Rationals(0x0007, (Math.Floor(secs / 3600), 1), (Math.Floor(secs % 3600 / 60), 1), (secs % 60, 1000)),
            Text(0x001D, utc.ToString("yyyy:MM:dd", c)),
        };
        // Layout: header(8) | IFD0 | data0 | ExifIFD | dataE | GPS IFD | dataG.
        ifd0.Add(new Entry(0x8769, Long, 1, new byte[4]));
        ifd0.Add(new Entry(0x8825, Long, 1, new byte[4]));
        var off0 = 8u;
        var offExif = off0 + Size(ifd0);
        var offGps = offExif + Size(exif);
        ifd0.Single(e => e.Tag == 0x8769).Value.AsSpan().Write(offExif);
        ifd0.Single(e => e.Tag == 0x8825).Value.AsSpan().Write(offGps);
        using var ms = new MemoryStream();
        ms.Write("II*\0"u8);
        ms.Write(U32(off0));
        WriteIfd(ms, ifd0, off0);
        WriteIfd(ms, exif, offExif);
        WriteIfd(ms, gps, offGps);
        return ms.ToArray();
    }

    private static void Write(this Span<byte> s, uint v) => BinaryPrimitives.WriteUInt32LittleEndian(s, v);

    private static uint DataSize(List<Entry> es) => (uint)es.Where(e => e.Value.Length > 4).Sum(e => (e.Value.Length + 1) & ~1);
    private static uint Size(List<Entry> es) => 2 + 12u * (uint)es.Count + 4 + DataSize(es);

    private static void WriteIfd(Stream s, List<Entry> es, uint offset)
    {
        es.Sort((a, b) => a.Tag.CompareTo(b.Tag));
        var data = offset + 2 + 12u * (uint)es.Count + 4;
        s.Write(U16(es.Count));
        var blobs = new List<byte[]>();
        foreach (var e in es)
        {
            s.Write(U16(e.Tag)); s.Write(U16(e.Type)); s.Write(U32(e.Count));
            if (e.Value.Length <= 4) { var v = new byte[4]; e.Value.CopyTo(v, 0); s.Write(v); }
            else
            {
                s.Write(U32(data));
                var padded = new byte[(e.Value.Length + 1) & ~1];
                e.Value.CopyTo(padded, 0);
                blobs.Add(padded);
                data += (uint)padded.Length;
            }
        }
        s.Write(U32(0)); // no next IFD
        foreach (var b in blobs) s.Write(b);
    }

    private static Entry Text(ushort tag, string v)
    {
        var b = Encoding.ASCII.GetBytes(v + "\0");
        return new Entry(tag, Ascii, (uint)b.Length, b);
    }

    private static Entry Rationals(ushort tag, params (double Value, uint Denominator)[] vs)
    {
        var b = new byte[8 * vs.Length];
        for (var i = 0; i < vs.Length; i++)
        {
            BinaryPrimitives.WriteUInt32LittleEndian(b.AsSpan(8 * i), (uint)Math.Round(vs[i].Value * vs[i].Denominator));
            BinaryPrimitives.WriteUInt32LittleEndian(b.AsSpan(8 * i + 4), vs[i].Denominator);
        }
        return new Entry(tag, Rational, (uint)vs.Length, b);
    }

    // Degrees, minutes, seconds with 1/10000 s (≈ 3 mm): rounding seconds up to 60 would write an invalid "60".
    private static (double, uint)[] Dms(double deg)
    {
        var d = Math.Floor(deg);
        var m = Math.Floor((deg - d) * 60);
        var sec = Math.Round(((deg - d) * 60 - m) * 60, 4);
        if (sec >= 60) { sec -= 60; m++; }
        if (m >= 60) { m -= 60; d++; }
        return [(d, 1), (m, 1), (sec, 10000)];
    }

    private static byte[] U16(int v) { var b = new byte[2]; BinaryPrimitives.WriteUInt16LittleEndian(b, (ushort)v); return b; }
    private static byte[] U32(uint v) { var b = new byte[4]; BinaryPrimitives.WriteUInt32LittleEndian(b, v); return b; }
}
