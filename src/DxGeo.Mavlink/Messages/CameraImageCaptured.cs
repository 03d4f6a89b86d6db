using DxGeo.Mavlink.Codec;
using static DxGeo.Mavlink.Messages.MessageSpec;

namespace DxGeo.Mavlink.Messages;

/// <summary>CAMERA_IMAGE_CAPTURED (263): a photo was taken, where and with which index (links images to the flight).</summary>
public sealed record CameraImageCaptured : IMavlinkMessage<CameraImageCaptured>
{
    public const int FileUrlLength = 205;

    public static MessageSpec Definition { get; } = new("CAMERA_IMAGE_CAPTURED", 263,
        U32("time_boot_ms"), U64("time_utc"), U8("camera_id"), I32("lat"), I32("lon"), I32("alt"), I32("relative_alt"),
        Arr("q", WireType.Float, 4), I32("image_index"), I8("capture_result"), Arr("file_url", WireType.Char, FileUrlLength));
    public MessageSpec Spec => Definition;

    public uint TimeBootMs { get; init; }
    /// <summary>µs since the Unix epoch (0: unknown).</summary>
    public ulong TimeUtcUs { get; init; }
    public byte CameraId { get; init; }
    /// <summary>degE7.</summary>
    public int Lat { get; init; }
    /// <summary>degE7.</summary>
    public int Lon { get; init; }
    /// <summary>Altitude MSL, mm.</summary>
    public int AltMm { get; init; }
    /// <summary>Altitude above home, mm.</summary>
    public int RelativeAltMm { get; init; }
    public float[] Q { get; init; } = [1, 0, 0, 0];
    public int ImageIndex { get; init; }
    /// <summary>1 success, 0 failure, -1 unknown.</summary>
    public sbyte CaptureResult { get; init; }
    public string FileUrl { get; init; } = "";

    public void Write(ref PayloadWriter w)
    {
        w.U64(TimeUtcUs); w.U32(TimeBootMs); w.I32(Lat); w.I32(Lon); w.I32(AltMm); w.I32(RelativeAltMm);
        w.F32Array(Q, 4); w.I32(ImageIndex); w.U8(CameraId); w.I8(CaptureResult); w.Chars(FileUrl, FileUrlLength);
    }

    public static CameraImageCaptured Read(ref PayloadReader r) => new()
    {
        TimeUtcUs = r.U64(), TimeBootMs = r.U32(), Lat = r.I32(), Lon = r.I32(), AltMm = r.I32(),
        RelativeAltMm = r.I32(), Q = r.F32Array(4), ImageIndex = r.I32(), CameraId = r.U8(), CaptureResult = r.I8(),
        FileUrl = r.Chars(FileUrlLength),
    };
}
