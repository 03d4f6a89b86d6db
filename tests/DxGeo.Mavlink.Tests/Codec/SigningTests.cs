using DxGeo.Core.Errors;
using DxGeo.Mavlink.Codec;
using DxGeo.Mavlink.Codec.Signing;
using DxGeo.Mavlink.Messages;

namespace DxGeo.Mavlink.Tests.Codec;

public class SigningTests
{
    private static readonly SigningKey Key = SigningKey.FromPassphrase("correct horse");

    private static MavlinkFrame Parse(byte[] raw) => new FrameParser().Push(raw).Single();

    [Fact]
    public void Signed_frames_carry_flag_link_id_and_increasing_timestamps()
    {
        var w = new FrameWriter(1, 1) { Signer = new MessageSigner(Key, 7) };
        var a = Parse(w.Encode(new Heartbeat()));
        var b = Parse(w.Encode(new Heartbeat()));
        Assert.True(a.IsSigned);
        Assert.Equal(7, a.SignatureLinkId);
        Assert.True(b.SignatureTimestamp > a.SignatureTimestamp);
        var age = DateTimeOffset.UtcNow - SigningTime.ToDateTime(a.SignatureTimestamp);
        Assert.True(Math.Abs(age.TotalSeconds) < 5, $"timestamp {age} away from now");
    }

    [Fact]
    public void Required_signing_rejects_unsigned_wrong_key_replayed_and_old_frames()
    {
        var verifier = new SignatureVerifier(Key, requireSigned: true);
        var good = new FrameWriter(1, 1) { Signer = new MessageSigner(Key, 1) };
        var frame = Parse(good.Encode(new Heartbeat()));
        Assert.Equal(SignatureCheck.Valid, verifier.Check(frame));
        Assert.Equal(SignatureCheck.RejectedReplay, verifier.Check(frame));
        Assert.Equal(SignatureCheck.RejectedUnsigned, verifier.Check(Parse(new FrameWriter(1, 1).Encode(new Heartbeat()))));
        var wrong = new FrameWriter(1, 1) { Signer = new MessageSigner(SigningKey.FromPassphrase("guess"), 1) };
        Assert.Equal(SignatureCheck.RejectedBadSignature, verifier.Check(Parse(wrong.Encode(new Heartbeat()))));

        var old = new FrameWriter(2, 1) { Signer = new MessageSigner(Key, 1, new FixedTime(DateTimeOffset.UtcNow.AddMinutes(-2))) };
        Assert.Equal(SignatureCheck.RejectedTooOld, verifier.Check(Parse(old.Encode(new Heartbeat()))));
        Assert.Equal(1, verifier.Accepted);
        Assert.Equal(4, verifier.Rejected);
    }

    [Fact]
    public void A_tampered_payload_fails_the_signature_even_with_a_fixed_crc()
    {
        var raw = new FrameWriter(1, 1) { Signer = new MessageSigner(Key, 1) }.Encode(new Heartbeat { CustomMode = 3 });
        raw[10] = 6; // custom mode 3 → 6, then repair the CRC as an attacker would
        var crc = Crc16.Frame(raw.AsSpan(1, 9 + raw[1]), Heartbeat.Definition.CrcExtra);
        raw[10 + raw[1]] = (byte)crc;
        raw[11 + raw[1]] = (byte)(crc >> 8);
        Assert.Equal(SignatureCheck.RejectedBadSignature, new SignatureVerifier(Key, true).Check(Parse(raw)));
    }

    [Fact]
    public void Streams_are_tracked_per_system_component_and_link()
    {
        var verifier = new SignatureVerifier(Key, requireSigned: true);
        var t = new FixedTime(DateTimeOffset.UtcNow);
        var link1 = new FrameWriter(1, 1) { Signer = new MessageSigner(Key, 1, t) };
        var link2 = new FrameWriter(1, 1) { Signer = new MessageSigner(Key, 2, t) };
        // Same timestamp on two links: both fresh on their own stream.
        Assert.Equal(SignatureCheck.Valid, verifier.Check(Parse(link1.Encode(new Heartbeat()))));
        Assert.Equal(SignatureCheck.Valid, verifier.Check(Parse(link2.Encode(new Heartbeat()))));
    }

    [Fact]
    public void Unsigned_frames_pass_when_signing_is_not_required()
    {
        var verifier = new SignatureVerifier(Key, requireSigned: false);
        Assert.Equal(SignatureCheck.UnsignedAllowed, verifier.Check(Parse(new FrameWriter(1, 1).Encode(new Heartbeat()))));
    }

    [Fact]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public void Key_store_writes_owner_only_files_and_refuses_readable_ones()
    {
        var dir = Path.Combine(Path.GetTempPath(), "dxgeo-keys-" + Guid.NewGuid().ToString("N"));
        try
        {
            var store = new SigningKeyStore(dir);
            var key = SigningKey.Generate();
            store.Save("drone1", key);
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(store.PathOf("drone1")));
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(dir));
            Assert.Equal(key.ToHex(), store.Load("drone1").ToHex());
            File.SetUnixFileMode(store.PathOf("drone1"), UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.OtherRead);
            Assert.Throws<DxGeoException>(() => store.Load("drone1"));
            Assert.Throws<DxGeoException>(() => store.Save("drone1", key));
            Assert.Throws<DxGeoException>(() => store.PathOf("../escape"));
            Assert.Throws<DxGeoException>(() => new SigningKeyStore(Path.Combine(dir, "ws", "keys")).EnsureOutside(Path.Combine(dir, "ws")));
        }
        finally { Directory.Delete(dir, true); }
    }

    private sealed class FixedTime(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
