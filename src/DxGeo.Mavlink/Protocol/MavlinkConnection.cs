using DxGeo.Mavlink.Codec;
using DxGeo.Mavlink.Codec.Signing;
using DxGeo.Mavlink.Links;
using DxGeo.Mavlink.Messages;

namespace DxGeo.Mavlink.Protocol;

/// <summary>Who we are on the link and how frames are signed/verified.</summary>
public sealed record MavlinkConnectionOptions
{
    /// <summary>255 is the customary ground-station system id.</summary>
    public byte SystemId { get; init; } = 255;
    /// <summary>MAV_COMP_ID_MISSIONPLANNER (190).</summary>
    public byte ComponentId { get; init; } = 190;
    public MessageSigner? Signer { get; init; }
    /// <summary>When set, every incoming frame is checked; rejected frames are counted and never delivered.</summary>
    public SignatureVerifier? Verifier { get; init; }
}

/// <summary>
/// One MAVLink endpoint on a link: a receive loop that parses, verifies and decodes frames and hands them to
/// subscribers, and a sender that numbers (and signs) outgoing frames. Used by the ground station and the simulator.
/// </summary>
public sealed class MavlinkConnection : IAsyncDisposable
{
    private readonly FrameWriter _writer;
    private readonly FrameParser _parser = new();
    private readonly CancellationTokenSource _cts = new();
    private readonly Lock _subsLock = new();
    private MessageSubscription[] _subs = [];
    private readonly Task _receiveLoop;

    public MavlinkConnection(IMavlinkLink link, MavlinkConnectionOptions? options = null)
    {
        Link = link;
        Options = options ?? new MavlinkConnectionOptions();
        _writer = new FrameWriter(Options.SystemId, Options.ComponentId) { Signer = Options.Signer };
        _receiveLoop = Task.Run(ReceiveLoop);
    }

    public IMavlinkLink Link { get; }
    public MavlinkConnectionOptions Options { get; }
    public FrameParserStats ParserStats => _parser.Stats;
    /// <summary>Frames refused by the signature check (unsigned, wrong key, replayed, too old).</summary>
    public long RejectedFrames { get; private set; }
    /// <summary>Valid frames of messages DxGeo does not decode.</summary>
    public long UndecodedFrames { get; private set; }
    public long SentFrames { get; private set; }
    /// <summary>The last exception a <see cref="MessageReceived"/> handler threw (handlers must not stop the receive loop).</summary>
    public Exception? LastHandlerError { get; private set; }
    /// <summary>Completes when the link closes.</summary>
    public Task Completion => _receiveLoop;

    /// <summary>Called on the receive loop for every accepted message (keep handlers short).</summary>
    public event Action<ReceivedMessage>? MessageReceived;

    public async ValueTask SendAsync(IMavlinkMessage message, CancellationToken ct = default)
    {
        var buf = new byte[FrameWriter.MaxFrameLength];
        var n = _writer.Write(message, buf);
        SentFrames++;
        await Link.SendAsync(buf.AsMemory(0, n), ct).ConfigureAwait(false);
    }

    public MessageSubscription Subscribe(Func<ReceivedMessage, bool>? filter = null)
    {
        var sub = new MessageSubscription(filter ?? (_ => true), Unsubscribe);
        lock (_subsLock) _subs = [.. _subs, sub];
        return sub;
    }

    /// <summary>Waits for the first message of type <typeparamref name="T"/> matching <paramref name="match"/>.</summary>
    public async Task<(T Message, ReceivedMessage Envelope)?> WaitForAsync<T>(Func<T, ReceivedMessage, bool>? match, TimeSpan timeout,
        CancellationToken ct = default) where T : class, IMavlinkMessage
    {
        using var sub = Subscribe(m => m.Message is T t && (match is null || match(t, m)));
        var got = await sub.NextAsync(timeout, ct).ConfigureAwait(false);
        return got is null ? null : ((T)got.Message, got);
    }

    private void Unsubscribe(MessageSubscription s)
    {
        lock (_subsLock) _subs = [.. _subs.Where(x => x != s)];
    }

    private async Task ReceiveLoop()
    {
        var buf = new byte[65536];
        var frames = new List<MavlinkFrame>();
        try
        {
            while (!_cts.IsCancellationRequested)
            {
                int n;
                try { n = await Link.ReceiveAsync(buf, _cts.Token).ConfigureAwait(false); }
                catch (OperationCanceledException) { break; }
                if (n == 0) break;
                frames.Clear();
                _parser.Push(buf.AsSpan(0, n), frames);
                if (Link.IsDatagram) _parser.EndOfDatagram(frames);
                foreach (var f in frames) Deliver(f);
            }
        }
        finally
        {
            MessageSubscription[] subs;
            lock (_subsLock) subs = _subs;
            foreach (var s in subs) s.Complete();
        }
    }

    private void Deliver(MavlinkFrame frame)
    {
        if (Options.Verifier is { } v && v.Check(frame) is not (SignatureCheck.Valid or SignatureCheck.UnsignedAllowed))
        {
            RejectedFrames++;
            return;
        }
        var msg = MessageRegistry.TryDecode(frame);
        if (msg is null) { UndecodedFrames++; return; }
        var rm = new ReceivedMessage(msg, frame, DateTimeOffset.UtcNow);
        try { MessageReceived?.Invoke(rm); }
        catch (Exception e) { LastHandlerError = e; } // a faulty observer must not stop the link

        var subs = _subs;
        foreach (var s in subs) s.Offer(rm);
    }

    public async ValueTask DisposeAsync()
    {
        _cts.Cancel();
        await Link.DisposeAsync().ConfigureAwait(false);
        try { await _receiveLoop.ConfigureAwait(false); } catch (OperationCanceledException) { }
        _cts.Dispose();
    }
}
