using System.Net;
using System.Net.Sockets;
using System.Threading.Channels;

namespace DxGeo.Mavlink.Links;

/// <summary>TCP client links (simulators usually serve TCP 5760).</summary>
public static class TcpClientLink
{
    public static async Task<IMavlinkLink> ConnectAsync(string host, int port, CancellationToken ct = default)
    {
        var client = new TcpClient { NoDelay = true };
        try { await client.ConnectAsync(host, port, ct).ConfigureAwait(false); }
        catch (SocketException e)
        {
            client.Dispose();
            throw new DxGeo.Core.Errors.DxGeoException($"cannot connect to tcp://{host}:{port}: {e.Message}", e);
        }
        return new StreamLink(client.GetStream(), $"tcp://{host}:{port}", new Owner(client));
    }

    private sealed class Owner(TcpClient c) : IAsyncDisposable
    {
        public ValueTask DisposeAsync() { c.Dispose(); return ValueTask.CompletedTask; }
    }
}

/// <summary>
/// The vehicle side of TCP (what a simulator offers on 5760): accepts any number of ground stations; what the
/// vehicle sends goes to all of them, what any of them sends is received.
/// </summary>
public sealed class TcpServerLink : IMavlinkLink
{
    private readonly TcpListener _listener;
    private readonly Channel<byte[]> _incoming = Channel.CreateUnbounded<byte[]>();
    private readonly List<TcpClient> _clients = [];
    private readonly CancellationTokenSource _cts = new();
    private readonly Task _acceptLoop;

    public TcpServerLink(IPEndPoint local)
    {
        _listener = new TcpListener(local);
        _listener.Start();
        Description = $"tcp listen {_listener.LocalEndpoint}";
        _acceptLoop = AcceptLoop();
    }

    public string Description { get; }
    public bool IsDatagram => false;
    public IPEndPoint LocalEndPoint => (IPEndPoint)_listener.LocalEndpoint;
    public int ClientCount { get { lock (_clients) return _clients.Count; } }

    private async Task AcceptLoop()
    {
        while (!_cts.IsCancellationRequested)
        {
            TcpClient client;
            try { client = await _listener.AcceptTcpClientAsync(_cts.Token).ConfigureAwait(false); }
            catch (Exception) when (_cts.IsCancellationRequested) { return; }
            catch (SocketException) { continue; }
            client.NoDelay = true;
            lock (_clients) _clients.Add(client);
            _ = ReadLoop(client);
        }
    }

    private async Task ReadLoop(TcpClient client)
    {
        var buf = new byte[4096];
        try
        {
            var s = client.GetStream();
            while (true)
            {
                var n = await s.ReadAsync(buf, _cts.Token).ConfigureAwait(false);
                if (n == 0) break;
                await _incoming.Writer.WriteAsync(buf[..n], _cts.Token).ConfigureAwait(false);
            }
        }
        catch (Exception e) when (e is IOException or OperationCanceledException or ObjectDisposedException) { }
        finally
        {
            lock (_clients) _clients.Remove(client);
            client.Dispose();
        }
    }

    public async ValueTask SendAsync(ReadOnlyMemory<byte> frames, CancellationToken ct = default)
    {
        TcpClient[] targets;
        lock (_clients) targets = [.. _clients];
        foreach (var c in targets)
        {
            try { await c.GetStream().WriteAsync(frames, ct).ConfigureAwait(false); }
            catch (Exception e) when (e is IOException or ObjectDisposedException or InvalidOperationException) { }
        }
    }

    public async ValueTask<int> ReceiveAsync(Memory<byte> buffer, CancellationToken ct = default)
    {
        try
        {
            var chunk = await _incoming.Reader.ReadAsync(ct).ConfigureAwait(false);
            // Chunks are at most 4096 bytes and callers pass buffers at least that large.
            chunk.AsMemory(0, Math.Min(chunk.Length, buffer.Length)).CopyTo(buffer);
            return Math.Min(chunk.Length, buffer.Length);
        }
        catch (ChannelClosedException) { return 0; }
    }

    public async ValueTask DisposeAsync()
    {
        _cts.Cancel();
        _listener.Stop();
        lock (_clients) { foreach (var c in _clients) c.Dispose(); _clients.Clear(); }
        _incoming.Writer.TryComplete();
        try { await _acceptLoop.ConfigureAwait(false); } catch (OperationCanceledException) { }
        _cts.Dispose();
    }
}
