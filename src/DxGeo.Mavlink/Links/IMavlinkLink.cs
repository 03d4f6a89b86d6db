namespace DxGeo.Mavlink.Links;

/// <summary>
/// A byte transport carrying MAVLink frames: UDP, TCP, serial or in-memory, all behind one interface
/// (as QGroundControl's LinkInterface). Sends are whole frames; receives return whatever arrived.
/// </summary>
public interface IMavlinkLink : IAsyncDisposable
{
    /// <summary>For messages: the connection string or endpoint.</summary>
    string Description { get; }

    /// <summary>True when each receive returns exactly one datagram (so a cut-off frame cannot continue in the next).</summary>
    bool IsDatagram { get; }

    /// <summary>Sends one or more whole frames.</summary>
    ValueTask SendAsync(ReadOnlyMemory<byte> frames, CancellationToken ct = default);

    /// <summary>Waits for bytes; returns how many were written into <paramref name="buffer"/>, or 0 once the link is closed.</summary>
    ValueTask<int> ReceiveAsync(Memory<byte> buffer, CancellationToken ct = default);
}
