using System.Threading.Channels;

namespace DxGeo.Mavlink.Protocol;

/// <summary>Messages matching a filter, queued from the moment of subscribing (so no reply is missed between send and wait).</summary>
public sealed class MessageSubscription : IDisposable
{
    private readonly Channel<ReceivedMessage> _channel = Channel.CreateUnbounded<ReceivedMessage>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Action<MessageSubscription> _onDispose;

    internal MessageSubscription(Func<ReceivedMessage, bool> filter, Action<MessageSubscription> onDispose)
    {
        Filter = filter;
        _onDispose = onDispose;
    }

    internal Func<ReceivedMessage, bool> Filter { get; }

    internal void Offer(ReceivedMessage m)
    {
        if (Filter(m)) _channel.Writer.TryWrite(m);
    }

    internal void Complete() => _channel.Writer.TryComplete();

    /// <summary>The next message, or null when <paramref name="timeout"/> passes first (or the connection closed).</summary>
    public async ValueTask<ReceivedMessage?> NextAsync(TimeSpan timeout, CancellationToken ct = default)
    {
        if (_channel.Reader.TryRead(out var ready)) return ready;
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(ct);
        cts.CancelAfter(timeout);
        try { return await _channel.Reader.ReadAsync(cts.Token).ConfigureAwait(false); }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested) { return null; }
        catch (ChannelClosedException) { return null; }
    }

    public void Dispose()
    {
        _channel.Writer.TryComplete();
        _onDispose(this);
    }
}
