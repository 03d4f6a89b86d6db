namespace DxGeo.Mavlink.Codec;

/// <summary>What a <see cref="FrameParser"/> has seen: good frames, and everything it threw away and why.</summary>
public sealed class FrameParserStats
{
    public long FramesOk { get; internal set; }
    /// <summary>Candidates whose checksum did not match (noise, corruption, or a dialect mismatch).</summary>
    public long BadCrc { get; internal set; }
    /// <summary>Candidates whose message id is not in the dialect.</summary>
    public long UnknownMessage { get; internal set; }
    /// <summary>Candidates whose payload length cannot belong to their message id.</summary>
    public long BadLength { get; internal set; }
    /// <summary>MAVLink 2 frames with incompatibility flags we do not implement (the spec says drop them).</summary>
    public long UnsupportedFlags { get; internal set; }
    /// <summary>Candidates cut off at the end of a datagram.</summary>
    public long Truncated { get; internal set; }
    /// <summary>Bytes that were not part of a valid frame.</summary>
    public long SkippedBytes { get; internal set; }
    /// <summary>Frames missing according to per-sender sequence numbers (lost on the link).</summary>
    public long SequenceGaps { get; internal set; }

    /// <summary>Every bad or lost frame, summed.</summary>
    public long Dropped => BadCrc + BadLength + UnsupportedFlags + Truncated + SequenceGaps;

    public override string ToString() =>
        $"ok {FramesOk}, bad crc {BadCrc}, unknown id {UnknownMessage}, bad length {BadLength}, unsupported flags {UnsupportedFlags}, " +
        $"truncated {Truncated}, seq gaps {SequenceGaps}, skipped bytes {SkippedBytes}";
}
