using System.Globalization;
using System.Net;
using DxGeo.Core.Errors;

namespace DxGeo.Mavlink.Links;

/// <summary>
/// Opens links from connection strings:
/// <list type="bullet">
/// <item><c>udp://:14550</c> or <c>udpin://0.0.0.0:14550</c>: listen (ground-station style, reply to the last sender)</item>
/// <item><c>udp://192.168.1.10:14555</c> or <c>udpout://…</c>: send to that host:port</item>
/// <item><c>tcp://127.0.0.1:5760</c>: TCP client; <c>tcpin://:5760</c>: TCP server (what the simulator offers)</item>
/// <item><c>serial:///dev/ttyUSB0?baud=57600</c> (default 57600)</item>
/// </list>
/// </summary>
public static class LinkFactory
{
    public sealed record Endpoint(string Scheme, string Host, int Port, string Path, int Baud);

    public static Endpoint Parse(string connection)
    {
        var sep = connection.IndexOf("://", StringComparison.Ordinal);
        if (sep <= 0) throw Bad(connection, "expected scheme://…");
        var scheme = connection[..sep].ToLowerInvariant();
        var rest = connection[(sep + 3)..];
        var query = "";
        if (rest.IndexOf('?') is var q and >= 0) { query = rest[(q + 1)..]; rest = rest[..q]; }
        if (scheme == "serial")
        {
            if (rest.Length == 0) throw Bad(connection, "serial needs a device path, e.g. serial:///dev/ttyUSB0?baud=57600");
            var baud = 57600;
            foreach (var kv in query.Split('&', StringSplitOptions.RemoveEmptyEntries))
                if (kv.StartsWith("baud=", StringComparison.OrdinalIgnoreCase) &&
                    !int.TryParse(kv[5..], NumberStyles.None, CultureInfo.InvariantCulture, out baud))
                    throw Bad(connection, "baud must be a number");
            return new Endpoint(scheme, "", 0, rest, baud);
        }
        if (scheme is not ("udp" or "udpin" or "udpout" or "tcp" or "tcpin"))
            throw Bad(connection, $"unknown scheme '{scheme}' (udp, udpin, udpout, tcp, tcpin, serial)");
        var colon = rest.LastIndexOf(':');
        if (colon < 0 || !int.TryParse(rest[(colon + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out var port) || port > 65535)
            throw Bad(connection, "expected host:port (host may be empty to listen on all interfaces)");
        var host = rest[..colon].Trim('[', ']');
        if (scheme == "udpout" && host.Length == 0) throw Bad(connection, "udpout needs a host");
        return new Endpoint(scheme, host, port, "", 0);
    }

    /// <summary>Opens the link a ground station uses for <paramref name="connection"/>.</summary>
    public static async Task<IMavlinkLink> OpenAsync(string connection, CancellationToken ct = default)
    {
        var e = Parse(connection);
        return e.Scheme switch
        {
            "serial" => SerialLink.Open(e.Path, e.Baud),
            "tcp" => await TcpClientLink.ConnectAsync(e.Host.Length == 0 ? "127.0.0.1" : e.Host, e.Port, ct).ConfigureAwait(false),
            "tcpin" => new TcpServerLink(new IPEndPoint(Address(e.Host), e.Port)),
            "udpin" => UdpLink.Listen(new IPEndPoint(Address(e.Host), e.Port)),
            "udpout" => UdpLink.Connect(new IPEndPoint(await Resolve(e.Host, ct).ConfigureAwait(false), e.Port)),
            _ => e.Host.Length == 0
                ? UdpLink.Listen(new IPEndPoint(IPAddress.Any, e.Port))
                : UdpLink.Connect(new IPEndPoint(await Resolve(e.Host, ct).ConfigureAwait(false), e.Port)),
        };
    }

    /// <summary>Opens the vehicle side for a simulator: <c>tcp://host:port</c> serves TCP, <c>udp://host:port</c> binds UDP.</summary>
    public static async Task<IMavlinkLink> OpenServerAsync(string connection, CancellationToken ct = default)
    {
        var e = Parse(connection);
        return e.Scheme switch
        {
            "tcp" or "tcpin" => new TcpServerLink(new IPEndPoint(Address(e.Host), e.Port)),
            "udp" or "udpin" => UdpLink.Listen(new IPEndPoint(Address(e.Host), e.Port)),
            _ => await OpenAsync(connection, ct).ConfigureAwait(false),
        };
    }

    private static IPAddress Address(string host) =>
        host.Length == 0 ? IPAddress.Any : IPAddress.TryParse(host, out var a) ? a
            : host == "localhost" ? IPAddress.Loopback : throw new DxGeoException($"'{host}' is not an IP address to bind to");

    private static async Task<IPAddress> Resolve(string host, CancellationToken ct)
    {
        if (IPAddress.TryParse(host, out var a)) return a;
        var all = await Dns.GetHostAddressesAsync(host, ct).ConfigureAwait(false);
        return all.FirstOrDefault(x => x.AddressFamily == System.Net.Sockets.AddressFamily.InterNetwork) ?? all[0];
    }

    private static DxGeoException Bad(string c, string why) => new($"link '{c}': {why}");
}
