namespace DxGeo.Mavlink.Links;

/// <summary>Impairments applied to each frame a link sends: loss, duplication, delay with jitter, or a dead link.</summary>
public sealed record LinkFaults
{
    public static readonly LinkFaults None = new();

    /// <summary>Probability (0–1) that a frame is dropped.</summary>
    public double LossProbability { get; init; }
    /// <summary>Probability (0–1) that a frame is sent twice.</summary>
    public double DuplicateProbability { get; init; }
    public TimeSpan Delay { get; init; }
    /// <summary>Uniform extra delay in [0, Jitter): frames may overtake each other.</summary>
    public TimeSpan Jitter { get; init; }
    /// <summary>Drops everything (a link that died).</summary>
    public bool Dead { get; init; }
    public int Seed { get; init; } = 1;

    public bool IsNone => !Dead && LossProbability <= 0 && DuplicateProbability <= 0 && Delay <= TimeSpan.Zero && Jitter <= TimeSpan.Zero;
}

/// <summary>Wraps a link and impairs what it sends (one send = one frame for every sender in DxGeo).</summary>
public sealed class FaultInjectingLink(IMavlinkLink inner, LinkFaults faults) : IMavlinkLink
{
    private readonly Random _rng = new(faults.Seed);
    private readonly Lock _lock = new();

    /// <summary>Change the impairments while running (e.g. kill the link mid-upload).</summary>
    public LinkFaults Faults { get; set; } = faults;
    public long Dropped { get; private set; }
    public long Duplicated { get; private set; }

    public string Description => $"{inner.Description} (faults)";
    public bool IsDatagram => inner.IsDatagram;

    public async ValueTask SendAsync(ReadOnlyMemory<byte> frames, CancellationToken ct = default)
    {
        var f = Faults;
        bool drop, dup;
        double jitter;
        lock (_lock)
        {
            drop = f.Dead || _rng.NextDouble() < f.LossProbability;
            dup = !drop && _rng.NextDouble() < f.DuplicateProbability;
            jitter = _rng.NextDouble();
            if (drop) Dropped++;
            if (dup) Duplicated++;
        }
        if (drop) return;
        var delay = f.Delay + f.Jitter * jitter;
        if (delay > TimeSpan.Zero)
        {
            var copy = frames.ToArray();
            _ = Task.Delay(delay, CancellationToken.None).ContinueWith(async _ =>
            {
                try
                {
                    await inner.SendAsync(copy, CancellationToken.None).ConfigureAwait(false);
                    if (dup) await inner.SendAsync(copy, CancellationToken.None).ConfigureAwait(false);
                }
                catch (Exception e) when (e is LinkClosedException or ObjectDisposedException) { }
            }, TaskScheduler.Default);
            return;
        }
        await inner.SendAsync(frames, ct).ConfigureAwait(false);
        if (dup) await inner.SendAsync(frames, ct).ConfigureAwait(false);
    }

    public ValueTask<int> ReceiveAsync(Memory<byte> buffer, CancellationToken ct = default) => inner.ReceiveAsync(buffer, ct);

    public ValueTask DisposeAsync() => inner.DisposeAsync();
}
