using System.Collections.Frozen;
using DxGeo.Mavlink.Codec;
using DxGeo.Mavlink.Messages.Internal;

namespace DxGeo.Mavlink.Messages;

/// <summary>What the frame parser needs to validate a frame of one message id.</summary>
public readonly record struct FrameInfo(byte CrcExtra, byte MinLength, byte MaxLength);

/// <summary>
/// The messages DxGeo decodes (<see cref="All"/>) plus the framing table of the whole common + ardupilotmega
/// dialect, so frames of messages we do not decode are still CRC-checked and skipped whole rather than rescanned.
/// </summary>
public static class MessageRegistry
{
    private delegate IMavlinkMessage Decoder(ReadOnlySpan<byte> zeroExtendedPayload);

    private static readonly FrozenDictionary<uint, (MessageSpec Spec, Decoder Decode)> Decoders = new (MessageSpec, Decoder)[]
    {
        Entry<Heartbeat>(), Entry<SysStatus>(), Entry<GpsRawInt>(), Entry<Attitude>(), Entry<GlobalPositionInt>(),
        Entry<VfrHud>(), Entry<BatteryStatus>(), Entry<HomePosition>(), Entry<StatusText>(), Entry<CommandLong>(),
        Entry<CommandInt>(), Entry<CommandAck>(), Entry<MissionCount>(), Entry<MissionRequestInt>(),
        Entry<MissionRequest>(), Entry<MissionItemInt>(), Entry<MissionItemLegacy>(), Entry<MissionAck>(),
        Entry<MissionRequestList>(), Entry<MissionClearAll>(), Entry<MissionCurrent>(), Entry<MissionItemReached>(),
        Entry<MissionSetCurrent>(), Entry<CameraImageCaptured>(), Entry<RequestDataStream>(),
    }.ToFrozenDictionary(e => e.Item1.Id, e => e);

    private static readonly FrozenDictionary<uint, FrameInfo> Framing = BuildFraming();

    /// <summary>Every message DxGeo encodes and decodes.</summary>
    public static IReadOnlyList<MessageSpec> All { get; } = [.. Decoders.Values.Select(v => v.Spec).OrderBy(s => s.Id)];

    public static MessageSpec? Find(uint id) => Decoders.TryGetValue(id, out var e) ? e.Spec : null;

    /// <summary>Framing data for any id of the dialect (ours take precedence), or null for an unknown id.</summary>
    public static FrameInfo? FindFraming(uint id) => Framing.TryGetValue(id, out var f) ? f : null;

    /// <summary>Decodes a validated frame's payload, or returns null when DxGeo has no definition for the id.</summary>
    public static IMavlinkMessage? TryDecode(MavlinkFrame frame) => TryDecode(frame.MessageId, frame.Payload);

    public static IMavlinkMessage? TryDecode(uint id, ReadOnlySpan<byte> payload)
    {
        if (!Decoders.TryGetValue(id, out var e)) return null;
        // MAVLink 2 drops trailing zero bytes: extend back to the full length before reading.
        Span<byte> full = stackalloc byte[256];
        full.Clear();
        payload[..Math.Min(payload.Length, e.Spec.MaxLength)].CopyTo(full);
        return e.Decode(full[..e.Spec.MaxLength]);
    }

    private static (MessageSpec, Decoder) Entry<T>() where T : IMavlinkMessage<T> =>
        (T.Definition, p => { var r = new PayloadReader(p); return T.Read(ref r); });

    private static FrozenDictionary<uint, FrameInfo> BuildFraming()
    {
        var d = new Dictionary<uint, FrameInfo>();
        foreach (var row in DialectTable.Rows) d[row.Id] = new FrameInfo(row.CrcExtra, row.MinLength, row.MaxLength);
        foreach (var (spec, _) in Decoders.Values)
            d[spec.Id] = new FrameInfo(spec.CrcExtra, (byte)spec.MinLength, (byte)spec.MaxLength);
        return d.ToFrozenDictionary();
    }
}
