namespace DxGeo.Mavlink.Links;

/// <summary>MAVLink over any byte stream (a TCP connection, a serial port); writes are serialised.</summary>
public class StreamLink(Stream stream, string description, IAsyncDisposable? owner = null) : IMavlinkLink
{
    private readonly SemaphoreSlim _writeLock = new(1, 1);

    public string Description { get; } = description;
    public bool IsDatagram => false;

    public async ValueTask SendAsync(ReadOnlyMemory<byte> frames, CancellationToken ct = default)
    {
        await _writeLock.WaitAsync(ct).ConfigureAwait(false);
        try
        {
            await stream.WriteAsync(frames, ct).ConfigureAwait(false);
            await stream.FlushAsync(ct).ConfigureAwait(false);
        }
        catch (IOException e) { throw new LinkClosedException($"{Description}: {e.Message}", e); }
        catch (ObjectDisposedException e) { throw new LinkClosedException($"{Description} is closed", e); }
        finally { _writeLock.Release(); }
    }

    public async ValueTask<int> ReceiveAsync(Memory<byte> buffer, CancellationToken ct = default)
    {
        try { return await stream.ReadAsync(buffer, ct).ConfigureAwait(false); }
        catch (IOException) { return 0; }
        catch (ObjectDisposedException) { return 0; }
    }

    public virtual async ValueTask DisposeAsync()
    {
        await stream.DisposeAsync().ConfigureAwait(false);
        if (owner is not null) await owner.DisposeAsync().ConfigureAwait(false);
        _writeLock.Dispose();
        GC.SuppressFinalize(this);
    }
}

/// <summary>The link went away while sending.</summary>
public sealed class LinkClosedException(string message, Exception? inner = null) : DxGeo.Core.Errors.DxGeoException(message, inner ?? new Exception(message));
