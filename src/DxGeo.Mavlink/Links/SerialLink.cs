using System.IO.Ports;

namespace DxGeo.Mavlink.Links;

/// <summary>MAVLink over a serial port (telemetry radios: 57600 baud is ArduPilot's default).</summary>
public static class SerialLink
{
    public static IMavlinkLink Open(string portName, int baud)
    {
        var port = new SerialPort(portName, baud, Parity.None, 8, StopBits.One) { ReadTimeout = SerialPort.InfiniteTimeout };
        try { port.Open(); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException)
        {
            port.Dispose();
            throw new DxGeo.Core.Errors.DxGeoException($"cannot open serial port {portName} at {baud} baud: {e.Message}", e);
        }
        return new StreamLink(port.BaseStream, $"serial://{portName}?baud={baud}", new Owner(port));
    }

    private sealed class Owner(SerialPort p) : IAsyncDisposable
    {
        public ValueTask DisposeAsync() { p.Dispose(); return ValueTask.CompletedTask; }
    }
}
