namespace DxGeo.Mavlink.Codec.Signing;

/// <summary>What <see cref="SignatureVerifier.Check"/> decided about one frame.</summary>
public enum SignatureCheck
{
    /// <summary>Signed with our key, fresh: accept.</summary>
    Valid,
    /// <summary>Unsigned, and signing is not required: accept.</summary>
    UnsignedAllowed,
    /// <summary>Unsigned while signing is required: reject.</summary>
    RejectedUnsigned,
    /// <summary>Signature does not match our key (or the frame was altered): reject.</summary>
    RejectedBadSignature,
    /// <summary>Timestamp not newer than the last one of the same system/component/link: a replay, reject.</summary>
    RejectedReplay,
    /// <summary>Timestamp more than a minute behind our clock: reject.</summary>
    RejectedTooOld,
}

/// <summary>
/// Verifies incoming frames against a key and guards against replay per (system, component, link id) stream,
/// as the MAVLink 2 signing spec prescribes. Not thread-safe: use from the receive loop.
/// </summary>
public sealed class SignatureVerifier(SigningKey key, bool requireSigned, TimeProvider? time = null)
{
    /// <summary>How far behind "now" a timestamp may be.</summary>
    public static readonly ulong MaxAge = 60 * SigningTime.UnitsPerSecond;

    private readonly TimeProvider _time = time ?? TimeProvider.System;
    private readonly Dictionary<(byte Sys, byte Comp, byte Link), ulong> _last = [];
    private ulong _highestSeen;

    public bool RequireSigned { get; } = requireSigned;
    public long Accepted { get; private set; }
    public long Rejected { get; private set; }

    public SignatureCheck Check(MavlinkFrame frame)
    {
        var result = Evaluate(frame);
        if (result is SignatureCheck.Valid or SignatureCheck.UnsignedAllowed) Accepted++;
        else Rejected++;
        return result;
    }

    private SignatureCheck Evaluate(MavlinkFrame frame)
    {
        if (!frame.IsSigned) return RequireSigned ? SignatureCheck.RejectedUnsigned : SignatureCheck.UnsignedAllowed;
        Span<byte> expected = stackalloc byte[6];
        MessageSigner.Compute(key, frame.Raw.AsSpan(0, frame.Raw.Length - 6), expected);
        if (!expected.SequenceEqual(frame.Signature)) return SignatureCheck.RejectedBadSignature;

        var ts = frame.SignatureTimestamp;
        var stream = (frame.SystemId, frame.ComponentId, frame.SignatureLinkId);
        if (_last.TryGetValue(stream, out var last) && ts <= last) return SignatureCheck.RejectedReplay;
        var now = Math.Max(SigningTime.From(_time.GetUtcNow()), _highestSeen);
        if (ts + MaxAge < now) return SignatureCheck.RejectedTooOld;
        _last[stream] = ts;
        _highestSeen = Math.Max(_highestSeen, ts);
        return SignatureCheck.Valid;
    }
}
