using DxGeo.Mavlink.Messages;

namespace DxGeo.Mavlink.Codec;

/// <summary>
/// Streaming MAVLink 1/2 frame parser. Feed it bytes as they arrive; it returns every frame whose checksum holds.
/// It never throws on input: noise is skipped, and after a bad checksum or an impossible header it moves on by one
/// byte, so a real frame that starts inside a false candidate is still found. For datagram links, call
/// <see cref="EndOfDatagram"/> after each datagram so a cut-off candidate does not wait for bytes that never come.
/// </summary>
public sealed class FrameParser
{
    private readonly Func<uint, FrameInfo?> _framing;
    private readonly Dictionary<int, byte> _lastSeq = [];
    private byte[] _buf = new byte[4096];
    private int _start, _end;

    /// <param name="framing">CRC_EXTRA and length limits per message id; default: <see cref="MessageRegistry.FindFraming"/>.</param>
    public FrameParser(Func<uint, FrameInfo?>? framing = null) => _framing = framing ?? MessageRegistry.FindFraming;

    public FrameParserStats Stats { get; } = new();

    /// <summary>Bytes held back waiting for the rest of a frame.</summary>
    public int Pending => _end - _start;

    public void Push(ReadOnlySpan<byte> data, ICollection<MavlinkFrame> output)
    {
        Append(data);
        Scan(output, final: false);
    }

    /// <summary>Treats a pending incomplete candidate as invalid and rescans what follows its start byte.</summary>
    public void EndOfDatagram(ICollection<MavlinkFrame> output) => Scan(output, final: true);

    public List<MavlinkFrame> Push(ReadOnlySpan<byte> data)
    {
        var list = new List<MavlinkFrame>();
        Push(data, list);
        return list;
    }

    private void Append(ReadOnlySpan<byte> data)
    {
        if (_end + data.Length > _buf.Length)
        {
            var live = _end - _start;
            if (live + data.Length > _buf.Length)
            {
                var bigger = new byte[Math.Max(_buf.Length * 2, live + data.Length)];
                _buf.AsSpan(_start, live).CopyTo(bigger);
                _buf = bigger;
            }
            else _buf.AsSpan(_start, live).CopyTo(_buf);
            _start = 0;
            _end = live;
        }
        data.CopyTo(_buf.AsSpan(_end));
        _end += data.Length;
    }

    private enum Outcome { Complete, NeedMore, Invalid }

    private void Scan(ICollection<MavlinkFrame> output, bool final)
    {
        while (_start < _end)
        {
            var span = _buf.AsSpan(_start, _end - _start);
            var stx = span.IndexOfAny(MavlinkFrame.StxV2, MavlinkFrame.StxV1);
            if (stx < 0)
            {
                Stats.SkippedBytes += span.Length;
                _start = _end;
                break;
            }
            if (stx > 0)
            {
                Stats.SkippedBytes += stx;
                _start += stx;
                span = span[stx..];
            }
            switch (TryFrame(span, out var length))
            {
                case Outcome.Complete:
                    var frame = new MavlinkFrame(span[..length].ToArray());
                    TrackSequence(frame);
                    Stats.FramesOk++;
                    output.Add(frame);
                    _start += length;
                    break;
                case Outcome.NeedMore when !final:
                    return;
                case Outcome.NeedMore:
                    Stats.Truncated++;
                    Stats.SkippedBytes++;
                    _start++;
                    break;
                default:
                    Stats.SkippedBytes++;
                    _start++;
                    break;
            }
        }
        if (_start == _end) _start = _end = 0;
    }

    private Outcome TryFrame(ReadOnlySpan<byte> s, out int length)
    {
        length = 0;
        var v2 = s[0] == MavlinkFrame.StxV2;
        var header = v2 ? MavlinkFrame.HeaderLengthV2 : MavlinkFrame.HeaderLengthV1;
        if (s.Length < header) return Outcome.NeedMore;
        int len = s[1];
        if (v2 && (s[2] & ~0x01) != 0) { Stats.UnsupportedFlags++; return Outcome.Invalid; }
        var id = v2 ? (uint)(s[7] | s[8] << 8 | s[9] << 16) : s[5];
        if (_framing(id) is not { } info) { Stats.UnknownMessage++; return Outcome.Invalid; }
        // MAVLink 2 may truncate trailing zeros (down to nothing, as some senders do); MAVLink 1 has no extensions.
        if (len > info.MaxLength || (!v2 && len < info.MinLength)) { Stats.BadLength++; return Outcome.Invalid; }
        length = header + len + 2 + (v2 && (s[2] & 0x01) != 0 ? MavlinkFrame.SignatureLength : 0);
        if (s.Length < length) return Outcome.NeedMore;
        var crc = Crc16.Frame(s[1..(header + len)], info.CrcExtra);
        if (s[header + len] != (byte)crc || s[header + len + 1] != (byte)(crc >> 8)) { Stats.BadCrc++; return Outcome.Invalid; }
        return Outcome.Complete;
    }

    private void TrackSequence(MavlinkFrame f)
    {
        var key = f.SystemId << 8 | f.ComponentId;
        if (_lastSeq.TryGetValue(key, out var last))
        {
            var gap = (byte)(f.Seq - last - 1);
            if (gap is > 0 and < 128) Stats.SequenceGaps += gap; // larger "gaps" are duplicates or reordering
        }
        _lastSeq[key] = f.Seq;
    }
}
