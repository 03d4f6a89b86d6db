using System.Text.Json.Nodes;
using DxGeo.Mavlink.Codec;
using DxGeo.Mavlink.Codec.Signing;
using DxGeo.Mavlink.Messages;
using DxGeo.Mavlink.Tests.Support;

namespace DxGeo.Mavlink.Tests.Interop;

/// <summary>Every message DxGeo defines, both directions, against node-mavlink (an independent implementation).</summary>
public class NodeMavlinkConformanceTests
{
    private const int SamplesPerMessage = 8;

    [Fact]
    public void Layouts_and_crc_extra_match_node_mavlink_for_every_message()
    {
        var ids = MessageRegistry.All.Select(s => s.Id.ToString()).ToArray();
        var defs = JsonNode.Parse(NodePeer.Run([], ["defs", .. ids])[0])!.AsArray();
        Assert.Equal(MessageRegistry.All.Count, defs.Count);
        foreach (var (spec, def) in MessageRegistry.All.Zip(defs))
        {
            Assert.NotNull(def);
            Assert.Equal(def["name"]!.GetValue<string>(), spec.Name);
            // Our CRC_EXTRA is recomputed from our field list; node's is the value published with the definitions.
            Assert.True(def["crcExtra"]!.GetValue<int>() == spec.CrcExtra, $"{spec.Name}: CRC_EXTRA {spec.CrcExtra} vs published {def["crcExtra"]}");
            Assert.Equal(def["length"]!.GetValue<int>(), spec.MaxLength);
            var theirWire = def["fields"]!.AsArray().Select(f => f!["name"]!.GetValue<string>()).ToList();
            Assert.Equal(theirWire, spec.Wire.Select(f => f.Name).ToList());
            foreach (var f in def["fields"]!.AsArray())
                Assert.Equal(f!["offset"]!.GetValue<int>(), spec.Offsets[f["name"]!.GetValue<string>()]);
        }
    }

    [Fact]
    public void Frames_we_encode_decode_in_node_mavlink_to_the_same_values()
    {
        var rng = new Random(1234);
        var writer = new FrameWriter(42, 77);
        var sent = new List<IMavlinkMessage>();
        var frames = new List<byte[]>();
        foreach (var spec in MessageRegistry.All)
            for (var i = 0; i < SamplesPerMessage; i++)
            {
                // Every other sample leaves the extensions zero, so truncation down into the base fields is exercised.
                var msg = MessageFields.Random(spec, rng, zeroExtensions: i % 2 == 1);
                sent.Add(msg);
                frames.Add(writer.Encode(msg));
            }
        var decoded = NodePeer.Decode(frames);
        Assert.Equal(sent.Count, decoded.Count);
        var diffs = new List<string>();
        for (var i = 0; i < sent.Count; i++)
        {
            Assert.Equal((int)sent[i].Spec.Id, decoded[i]["msgid"]!.GetValue<int>());
            Assert.Equal(42, decoded[i]["sysid"]!.GetValue<int>());
            Assert.Equal(77, decoded[i]["compid"]!.GetValue<int>());
            Assert.Equal(i & 255, decoded[i]["seq"]!.GetValue<int>());
            diffs.AddRange(MessageFields.Differences(sent[i], decoded[i]["fields"]!.AsObject()));
        }
        Assert.Empty(diffs);
    }

    [Fact]
    public void Frames_node_mavlink_encodes_decode_here_to_the_same_values()
    {
        var rng = new Random(99);
        var expected = new List<IMavlinkMessage>();
        var requests = new List<JsonObject>();
        foreach (var spec in MessageRegistry.All)
            for (var i = 0; i < SamplesPerMessage; i++)
            {
                var msg = MessageFields.Random(spec, rng, zeroExtensions: i % 2 == 1);
                expected.Add(msg);
                requests.Add(new JsonObject
                {
                    ["msgid"] = spec.Id, ["sysid"] = 1, ["compid"] = 1, ["seq"] = i, ["fields"] = MessageFields.ToJson(msg),
                });
            }
        var frames = NodePeer.Encode(requests);
        var parser = new FrameParser();
        var diffs = new List<string>();
        for (var i = 0; i < frames.Count; i++)
        {
            var parsed = parser.Push(frames[i]);
            Assert.Single(parsed);
            var msg = MessageRegistry.TryDecode(parsed[0]);
            Assert.NotNull(msg);
            Assert.Equal(expected[i].Spec.Id, msg.Spec.Id);
            diffs.AddRange(MessageFields.Differences(msg, MessageFields.ToJson(expected[i])));
        }
        Assert.Empty(diffs);
        Assert.Equal(frames.Count, parser.Stats.FramesOk);
    }

    [Fact]
    public void Mavlink1_frames_from_node_mavlink_decode_here()
    {
        var rng = new Random(7);
        var specs = MessageRegistry.All.Where(s => s.Id < 256).ToList();
        var msgs = specs.Select(s => MessageFields.Random(s, rng, zeroExtensions: true)).ToList();
        var frames = NodePeer.Encode(msgs.Select((m, i) => new JsonObject
        {
            ["msgid"] = m.Spec.Id, ["sysid"] = 3, ["compid"] = 1, ["seq"] = i, ["v1"] = true, ["fields"] = MessageFields.ToJson(m),
        }));
        var parsed = new FrameParser().Push(frames.SelectMany(f => f).ToArray());
        Assert.Equal(msgs.Count, parsed.Count);
        for (var i = 0; i < msgs.Count; i++)
        {
            Assert.Equal(1, parsed[i].Version);
            var msg = MessageRegistry.TryDecode(parsed[i])!;
            Assert.Empty(MessageFields.Differences(msg, MessageFields.ToJson(msgs[i])));
        }
    }

    [Fact]
    public void Signed_frames_we_send_verify_in_node_mavlink_and_theirs_verify_here()
    {
        var key = SigningKey.FromPassphrase("levee survey 2025");
        var rng = new Random(5);
        var ours = new FrameWriter(255, 190) { Signer = new MessageSigner(key, linkId: 9) };
        var msgs = MessageRegistry.All.Select(s => MessageFields.Random(s, rng)).ToList();
        var decoded = NodePeer.Decode(msgs.Select(ours.Encode), key.ToHex());
        Assert.Equal(msgs.Count, decoded.Count);
        Assert.All(decoded, d =>
        {
            Assert.True(d["signed"]!.GetValue<bool>());
            Assert.True(d["signatureOk"]!.GetValue<bool>(), d.ToJsonString());
            Assert.Equal(9, d["linkId"]!.GetValue<int>());
        });
        for (var i = 0; i < msgs.Count; i++) Assert.Empty(MessageFields.Differences(msgs[i], decoded[i]["fields"]!.AsObject()));
        // Node checks our signatures with a wrong key too: it must say no.
        var wrong = NodePeer.Decode(msgs.Take(3).Select(ours.Encode), SigningKey.FromPassphrase("other").ToHex());
        Assert.All(wrong, d => Assert.False(d["signatureOk"]!.GetValue<bool>()));

        // Their signed frames, with timestamps a few seconds old, pass our verifier; a replay of the same frames does not.
        var baseTs = SigningTime.From(DateTimeOffset.UtcNow) - 5 * SigningTime.UnitsPerSecond;
        var theirs = NodePeer.Encode(msgs.Select((m, i) => new JsonObject
        {
            ["msgid"] = m.Spec.Id, ["sysid"] = 1, ["compid"] = 1, ["seq"] = i, ["fields"] = MessageFields.ToJson(m),
            ["sign"] = new JsonObject { ["key"] = key.ToHex(), ["linkId"] = 2, ["timestamp"] = baseTs + (ulong)i },
        }));
        var verifier = new SignatureVerifier(key, requireSigned: true);
        var parser = new FrameParser();
        var frames = theirs.SelectMany(f => parser.Push(f)).ToList();
        Assert.Equal(msgs.Count, frames.Count);
        Assert.All(frames, f => Assert.Equal(SignatureCheck.Valid, verifier.Check(f)));
        Assert.All(frames, f => Assert.Equal(SignatureCheck.RejectedReplay, verifier.Check(f)));
        for (var i = 0; i < msgs.Count; i++) Assert.Empty(MessageFields.Differences(MessageRegistry.TryDecode(frames[i])!, MessageFields.ToJson(msgs[i])));
    }

    [Fact]
    public void Node_mavlink_finds_our_frames_inside_noise()
    {
        var rng = new Random(11);
        var writer = new FrameWriter(1, 1);
        var stream = new List<byte>();
        var count = 0;
        foreach (var spec in MessageRegistry.All)
        {
            var noise = new byte[rng.Next(0, 40)];
            rng.NextBytes(noise);
            stream.AddRange(noise.Where(b => b is not (0xFD or 0xFE)));
            stream.AddRange(writer.Encode(MessageFields.Random(spec, rng)));
            count++;
        }
        Assert.Equal(count, NodePeer.Decode([stream.ToArray()]).Count);
    }
}
