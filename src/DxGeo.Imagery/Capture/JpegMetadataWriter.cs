using System.Globalization;
using System.Text;
using DxGeo.Imagery.Capture.Internal;

namespace DxGeo.Imagery.Capture;

/// <summary>
/// Writes camera metadata into JPEG bytes without touching the compressed image: any existing EXIF and XMP APP1
/// segments are dropped and two new ones are placed right after SOI (and after a JFIF APP0, which must stay first):
/// an EXIF segment (TIFF little-endian; IFD0 Make/Model/DateTime, Exif IFD DateTimeOriginal + OffsetTimeOriginal
/// "+00:00" + FocalLength + FocalLengthIn35mmFilm, GPS IFD lat/lon/altitude with refs and the UTC date/time stamps)
/// and an XMP packet in the <c>drone-dji</c> namespace DJI drones use (http://www.dji.com/drone-dji/1.0/).
/// </summary>
public static class JpegMetadataWriter
{
    private static readonly byte[] ExifId = "Exif\0\0"u8.ToArray();
    private static readonly byte[] XmpId = "http://ns.adobe.com/xap/1.0/\0"u8.ToArray();

    public static byte[] Write(ReadOnlySpan<byte> jpeg, CaptureTags tags)
    {
        if (jpeg.Length < 4 || jpeg[0] != 0xFF || jpeg[1] != 0xD8) throw new InvalidDataException("not a JPEG (no start-of-image marker)");
        var (w, h) = FrameSize(jpeg);
        var exif = Segment(0xE1, [.. ExifId, .. TiffBuilder.Build(tags, w, h)]);
        var xmp = Segment(0xE1, [.. XmpId, .. Encoding.UTF8.GetBytes(XmpPacket(tags))]);
        using var outp = new MemoryStream(jpeg.Length + exif.Length + xmp.Length);
        outp.Write(jpeg[..2]);
        var pos = 2;
        var inserted = false;
        // Walk the marker segments before the scan: keep APP0 first, drop old EXIF/XMP, insert ours once.
        while (pos + 4 <= jpeg.Length && jpeg[pos] == 0xFF)
        {
            var marker = jpeg[pos + 1];
            if (marker == 0xDA || marker == 0xD9) break;
            var len = (jpeg[pos + 2] << 8) | jpeg[pos + 3];
            if (len < 2 || pos + 2 + len > jpeg.Length) throw new InvalidDataException($"corrupt JPEG segment at byte {pos}");
            var seg = jpeg.Slice(pos, 2 + len);
            var body = seg[4..];
            if (marker != 0xE0 && !inserted) { outp.Write(exif); outp.Write(xmp); inserted = true; }
            var drop = marker == 0xE1 && (body.StartsWith(ExifId) || body.StartsWith(XmpId));
            if (!drop) outp.Write(seg);
            pos += 2 + len;
        }
        if (!inserted) { outp.Write(exif); outp.Write(xmp); }
        outp.Write(jpeg[pos..]);
        return outp.ToArray();
    }

    // Width and height from the start-of-frame segment (SOF0–SOF15 except DHT/JPG/DAC), before the scan.
    private static (int W, int H) FrameSize(ReadOnlySpan<byte> jpeg)
    {
        var pos = 2;
        while (pos + 9 <= jpeg.Length && jpeg[pos] == 0xFF)
        {
            var marker = jpeg[pos + 1];
            var len = (jpeg[pos + 2] << 8) | jpeg[pos + 3];
            if (marker is >= 0xC0 and <= 0xCF and not 0xC4 and not 0xC8 and not 0xCC)
                return ((jpeg[pos + 7] << 8) | jpeg[pos + 8], (jpeg[pos + 5] << 8) | jpeg[pos + 6]);
            if (marker == 0xDA || len < 2) break;
            pos += 2 + len;
        }
        throw new InvalidDataException("JPEG has no start-of-frame segment before its scan");
    }

    private static byte[] Segment(byte marker, byte[] payload)
    {
        if (payload.Length + 2 > 0xFFFF) throw new InvalidOperationException("metadata segment exceeds 64 KB");
        return [0xFF, marker, (byte)((payload.Length + 2) >> 8), (byte)((payload.Length + 2) & 0xFF), .. payload];
    }

    private static string XmpPacket(CaptureTags t)
    {
        var c = CultureInfo.InvariantCulture;
        var attrs = new StringBuilder();
        void A(string name, double? v, string fmt)
        {
            if (v is { } x) attrs.Append(c, $"\n    drone-dji:{name}=\"{x.ToString(fmt, c)}\"");
        }
        A("AbsoluteAltitude", t.AltitudeAbsM, "+0.000;-0.000");
        A("RelativeAltitude", t.AltitudeRelM, "+0.000;-0.000");
        A("GimbalRollDegree", t.GimbalRollDeg, "+0.00;-0.00");
        A("GimbalYawDegree", t.GimbalYawDeg, "+0.00;-0.00");
        A("GimbalPitchDegree", t.GimbalPitchDeg, "+0.00;-0.00");
        A("FlightRollDegree", t.FlightRollDeg, "+0.00;-0.00");
        A("FlightYawDegree", t.FlightYawDeg, "+0.00;-0.00");
        A("FlightPitchDegree", t.FlightPitchDeg, "+0.00;-0.00");
        return "<?xpacket begin=\"\uFEFF\" id=\"W5M0MpCehiHzreSzNTczkc9d\"?>\n" +
               "<x:xmpmeta xmlns:x=\"adobe:ns:meta/\">\n <rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">\n" +
               "  <rdf:Description rdf:about=\"\" xmlns:drone-dji=\"http://www.dji.com/drone-dji/1.0/\"" + attrs + "/>\n" +
               " </rdf:RDF>\n</x:xmpmeta>\n<?xpacket end=\"w\"?>";
    }
}
