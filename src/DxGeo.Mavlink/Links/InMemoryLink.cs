using System.Threading.Channels;

namespace DxGeo.Mavlink.Links;

/// <summary>Two connected in-process link ends (datagram semantics: each send arrives as one receive).</summary>
public sealed class InMemoryLink : IMavlinkLink
{
    private readonly Channel<byte[]> _in;
    private readonly Channel<byte[]> _out;

    private InMemoryLink(Channel<byte[]> @in, Channel<byte[]> @out, string description)
    {
        _in = @in;
        _out = @out;
        Description = description;
    }

    public static (InMemoryLink A, InMemoryLink B) CreatePair()
    {
        var ab = Channel.CreateUnbounded<byte[]>(new UnboundedChannelOptions { SingleReader = true });
        var ba = Channel.CreateUnbounded<byte[]>(new UnboundedChannelOptions { SingleReader = true });
        return (new InMemoryLink(ba, ab, "memory A"), new InMemoryLink(ab, ba, "memory B"));
    }

    public string Description { get; }
    public bool IsDatagram => true;

    public ValueTask SendAsync(ReadOnlyMemory<byte> frames, CancellationToken ct = default)
    {
        _out.Writer.TryWrite(frames.ToArray()); // a closed peer drops, like a dead radio
        return ValueTask.CompletedTask;
    }

    public async ValueTask<int> ReceiveAsync(Memory<byte> buffer, CancellationToken ct = default)
    {
        try
        {
            var d = await _in.Reader.ReadAsync(ct).ConfigureAwait(false);
            var n = Math.Min(d.Length, buffer.Length);
            d.AsMemory(0, n).CopyTo(buffer);
            return n;
        }
        catch (ChannelClosedException) { return 0; }
    }

    public ValueTask DisposeAsync()
    {
        _out.Writer.TryComplete();
        _in.Writer.TryComplete();
        return ValueTask.CompletedTask;
    }
}
