using System.Net;
using System.Net.Sockets;

namespace DxGeo.Mavlink.Links;

/// <summary>
/// MAVLink over UDP. <see cref="Listen"/> binds a port as a ground station does on 14550 and replies to whoever
/// spoke last; <see cref="Connect"/> sends to a fixed host:port (and receives its answers).
/// </summary>
public sealed class UdpLink : IMavlinkLink
{
    private readonly Socket _socket;
    private readonly bool _fixedRemote;
    private EndPoint? _remote;

    private UdpLink(Socket socket, EndPoint? remote, string description)
    {
        _socket = socket;
        _remote = remote;
        _fixedRemote = remote is not null;
        Description = description;
    }

    public string Description { get; }
    public bool IsDatagram => true;
    /// <summary>The local endpoint (useful after binding port 0).</summary>
    public IPEndPoint LocalEndPoint => (IPEndPoint)_socket.LocalEndPoint!;
    /// <summary>Frames dropped because no peer had spoken yet (listen mode).</summary>
    public long UnaddressedSends { get; private set; }

    public static UdpLink Listen(IPEndPoint local)
    {
        var s = new Socket(local.AddressFamily, SocketType.Dgram, ProtocolType.Udp);
        s.Bind(local);
        return new UdpLink(s, null, $"udp listen {s.LocalEndPoint}");
    }

    public static UdpLink Connect(IPEndPoint remote)
    {
        var s = new Socket(remote.AddressFamily, SocketType.Dgram, ProtocolType.Udp);
        s.Bind(new IPEndPoint(remote.AddressFamily == AddressFamily.InterNetworkV6 ? IPAddress.IPv6Any : IPAddress.Any, 0));
        return new UdpLink(s, remote, $"udp to {remote}");
    }

    public async ValueTask SendAsync(ReadOnlyMemory<byte> frames, CancellationToken ct = default)
    {
        var to = _remote;
        if (to is null) { UnaddressedSends++; return; }
        try { await _socket.SendToAsync(frames, SocketFlags.None, to, ct).ConfigureAwait(false); }
        catch (SocketException) { /* ICMP unreachable etc.: UDP is best effort, the protocol layer retries */ }
    }

    public async ValueTask<int> ReceiveAsync(Memory<byte> buffer, CancellationToken ct = default)
    {
        while (true)
        {
            try
            {
                var any = new IPEndPoint(_socket.AddressFamily == AddressFamily.InterNetworkV6 ? IPAddress.IPv6Any : IPAddress.Any, 0);
                var r = await _socket.ReceiveFromAsync(buffer, SocketFlags.None, any, ct).ConfigureAwait(false);
                if (!_fixedRemote) _remote = r.RemoteEndPoint;
                return r.ReceivedBytes;
            }
            catch (SocketException e) when (e.SocketErrorCode is SocketError.ConnectionReset or SocketError.MessageSize)
            {
                // A previous send bounced (no listener yet) or an oversized datagram: not fatal for UDP.
            }
            catch (ObjectDisposedException) { return 0; }
        }
    }

    public ValueTask DisposeAsync()
    {
        _socket.Dispose();
        return ValueTask.CompletedTask;
    }
}
