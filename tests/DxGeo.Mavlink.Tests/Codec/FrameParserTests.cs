using DxGeo.Mavlink.Codec;
using DxGeo.Mavlink.Messages;
using DxGeo.Mavlink.Tests.Support;

namespace DxGeo.Mavlink.Tests.Codec;

public class FrameParserTests
{
    private static byte[] Frame(IMavlinkMessage m, byte seq = 0) { var b = new byte[FrameWriter.MaxFrameLength]; return b[..FrameWriter.WriteFrame(m, seq, 1, 1, b)]; }

    [Fact]
    public void Trailing_zero_extensions_are_truncated_and_zero_extended_back()
    {
        var ack = new CommandAck { Command = DxGeo.Flight.Missions.MavCmd.ComponentArmDisarm, Result = MavResult.Accepted };
        var frame = Frame(ack);
        // command (2 bytes) survives; result 0 and all extensions are cut, leaving 2 payload bytes.
        Assert.Equal(2, frame[1]);
        var decoded = MessageRegistry.TryDecode(new FrameParser().Push(frame).Single());
        Assert.Equal(ack, decoded);
    }

    [Fact]
    public void An_all_zero_payload_keeps_one_byte()
    {
        var frame = Frame(new MissionItemReached { Seq = 0 });
        Assert.Equal(1, frame[1]);
        Assert.Single(new FrameParser().Push(frame));
    }

    [Fact]
    public void Frames_split_across_chunks_are_reassembled()
    {
        var frames = Enumerable.Range(0, 50).Select(i => Frame(new MissionRequestInt { Seq = (ushort)i, TargetSystem = 1 }, (byte)i)).SelectMany(f => f).ToArray();
        var parser = new FrameParser();
        var got = new List<MavlinkFrame>();
        for (var i = 0; i < frames.Length; i += 3) parser.Push(frames.AsSpan(i, Math.Min(3, frames.Length - i)), got);
        Assert.Equal(Enumerable.Range(0, 50).Select(i => (ushort)i), got.Select(f => ((MissionRequestInt)MessageRegistry.TryDecode(f)!).Seq));
        Assert.Equal(0, parser.Stats.SequenceGaps);
    }

    [Fact]
    public void A_corrupted_frame_is_counted_and_the_next_one_is_found()
    {
        var a = Frame(new Heartbeat { CustomMode = 4 }, 0);
        var b = Frame(new Heartbeat { CustomMode = 5 }, 1);
        a[12] ^= 0x40;
        var parser = new FrameParser();
        var got = parser.Push([.. a, .. b]);
        Assert.Equal(5u, ((Heartbeat)MessageRegistry.TryDecode(got.Single())!).CustomMode);
        Assert.Equal(1, parser.Stats.BadCrc);
    }

    [Fact]
    public void A_truncated_frame_does_not_hide_the_frame_after_it()
    {
        var cut = Frame(new GlobalPositionInt { Lat = 356812362, Lon = 1397671248, AltMm = 40000 }, 0)[..20];
        var whole = Frame(new Heartbeat { CustomMode = 9 }, 1);
        var parser = new FrameParser();
        var got = parser.Push([.. cut, .. whole, .. whole]);
        // The cut frame swallows bytes until its CRC fails; then the parser rescans and finds both heartbeats.
        Assert.Equal(2, got.Count);
        Assert.True(parser.Stats.BadCrc >= 1);
    }

    [Fact]
    public void End_of_datagram_releases_frames_held_behind_a_false_start()
    {
        var whole = Frame(new Heartbeat { CustomMode = 9 }, 1);
        // A false MAVLink 2 start whose header claims a known id (33) with 28 payload bytes, then a real frame: in
        // a stream the parser must wait; at the end of a datagram it gives up on the candidate and rescans.
        byte[] fake = [0xFD, 28, 0, 0, 0, 1, 1, 33, 0, 0];
        var parser = new FrameParser();
        var got = new List<MavlinkFrame>();
        parser.Push([.. fake, .. whole], got);
        Assert.Empty(got);
        parser.EndOfDatagram(got);
        Assert.Single(got);
        Assert.Equal(1, parser.Stats.Truncated);
    }

    [Fact]
    public void Frames_with_unknown_incompat_flags_are_dropped()
    {
        var f = Frame(new Heartbeat(), 0);
        f[2] = 0x02;
        var parser = new FrameParser();
        Assert.Empty(parser.Push(f));
        Assert.Equal(1, parser.Stats.UnsupportedFlags);
    }

    [Fact]
    public void Sequence_gaps_count_lost_frames()
    {
        var parser = new FrameParser();
        foreach (var seq in new byte[] { 250, 251, 255, 0, 3 }) parser.Push(Frame(new Heartbeat(), seq));
        Assert.Equal(3 + 2, parser.Stats.SequenceGaps);
    }

    [Fact]
    public void Random_bytes_never_throw_and_frames_after_garbage_are_found()
    {
        var rng = new Random(2024);
        var writer = new FrameWriter(1, 1);
        var specs = MessageRegistry.All;
        var parser = new FrameParser();
        var got = new List<MavlinkFrame>();
        var expected = 0;
        var buf = new byte[4096];
        for (var round = 0; round < 600; round++)
        {
            rng.NextBytes(buf);
            // Salt the noise with start bytes so the parser's candidate paths are exercised, not just its skipping.
            for (var i = 0; i < 40; i++) buf[rng.Next(buf.Length)] = rng.Next(2) == 0 ? (byte)0xFD : (byte)0xFE;
            var noise = buf.AsSpan(0, rng.Next(buf.Length));
            var frame = writer.Encode(MessageFields.Random(specs[rng.Next(specs.Count)], rng));
            var chunk = new byte[noise.Length + frame.Length + 300];
            noise.CopyTo(chunk);
            frame.CopyTo(chunk, noise.Length);
            // Trailing bytes that cannot start a frame, so a false candidate just before our frame resolves.
            chunk.AsSpan(noise.Length + frame.Length).Fill(0x55);
            var before = got.Count;
            var pos = 0;
            while (pos < chunk.Length)
            {
                var n = Math.Min(chunk.Length - pos, rng.Next(1, 700));
                parser.Push(chunk.AsSpan(pos, n), got);
                pos += n;
            }
            expected++;
            Assert.True(got.Skip(before).Any(f => f.Raw.AsSpan().SequenceEqual(frame)), $"round {round}: frame after garbage not found");
        }
        Assert.True(got.Count >= expected);
        Assert.True(parser.Stats.SkippedBytes > 1_000_000);
    }

    [Fact]
    public void Mutated_valid_streams_never_throw()
    {
        var rng = new Random(77);
        var writer = new FrameWriter(1, 1);
        var stream = MessageRegistry.All.SelectMany(s => writer.Encode(MessageFields.Random(s, rng))).ToArray();
        var parser = new FrameParser();
        var sink = new List<MavlinkFrame>();
        for (var round = 0; round < 500; round++)
        {
            var copy = (byte[])stream.Clone();
            for (var i = 0; i < 10; i++) copy[rng.Next(copy.Length)] = (byte)rng.Next(256);
            parser.Push(copy, sink);
            parser.EndOfDatagram(sink);
            foreach (var f in sink) MessageRegistry.TryDecode(f);
            sink.Clear();
        }
        Assert.True(parser.Stats.FramesOk > 0);
        Assert.True(parser.Stats.BadCrc > 0);
    }
}
