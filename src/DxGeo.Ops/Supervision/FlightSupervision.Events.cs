using DxGeo.Mavlink.Messages;
using DxGeo.Mavlink.Protocol;
using DxGeo.Mavlink.Vehicle;
using DxGeo.Ops.Log;
using DxGeo.Ops.Missions;

namespace DxGeo.Ops.Supervision;

internal sealed partial class FlightSupervision
{
    /// <summary>Telemetry to log entries (runs on the receive loop; the log is thread-safe).</summary>
    private void OnUpdate(VehicleState s, IMavlinkMessage msg)
    {
        switch (msg)
        {
            case MissionCurrent c when c.Seq != _lastCurrent && c.MissionState == MissionState.Active:
                _lastCurrent = c.Seq;
                Note(OperationEventKind.Progress, "mission_current", $"flying item {c.Seq - _offset + 1}/{assembled.Items.Count} ({ItemName(c.Seq)})", s);
                break;
            case MissionItemReached r when _reached.Add(r.Seq):
                Note(OperationEventKind.Progress, "item_reached", $"item {r.Seq - _offset + 1}/{assembled.Items.Count} ({ItemName(r.Seq)}) reached", s);
                break;
            case StatusText t when t.Text.StartsWith("Relay ", StringComparison.Ordinal) || t.Text.StartsWith("Servo ", StringComparison.Ordinal):
                Note(OperationEventKind.Payload, PayloadName(t.Text), $"vehicle reports '{t.Text}'{Planned(t.Text)}", s);
                break;
            case StatusText t:
                Note(OperationEventKind.Event, "vehicle_says", $"[{t.Severity}] {t.Text}", s);
                if (t.Text.Contains("Failsafe", StringComparison.OrdinalIgnoreCase)) _returning = true;
                break;
            case Heartbeat h:
                var mode = FlightModes.FromCustomMode(v.Flavor, h.CustomMode);
                if (mode != _lastMode)
                {
                    Note(OperationEventKind.Event, "mode", $"{_lastMode} → {mode}", s);
                    if (mode == FlightMode.Rtl && !_returning) { _returning = true; Note(OperationEventKind.Event, "vehicle_rtl", "vehicle switched to RTL on its own (its failsafe)", s); }
                    _lastMode = mode;
                }
                if (h.IsArmed != _lastArmed)
                {
                    Note(OperationEventKind.Event, h.IsArmed ? "armed" : "disarmed", h.IsArmed ? "motors armed" : "motors disarmed", s);
                    _lastArmed = h.IsArmed;
                }
                break;
        }
    }

    private string ItemName(int seq)
    {
        var i = seq - _offset;
        return i >= 0 && i < assembled.Items.Count ? assembled.Items[i].Command.ToString() : $"seq {seq}";
    }

    private static string PayloadName(string text) => text.ToLowerInvariant().Replace(' ', '_');

    /// <summary>Where this payload change was planned (the first planned action of its kind and channel not yet confirmed).</summary>
    private string Planned(string text)
    {
        var parts = text.Split(' ');
        if (parts.Length < 3 || !int.TryParse(parts[1], out var channel)) return "";
        for (var k = 0; k < assembled.PayloadItems.Count; k++)
        {
            var (a, item, wp) = assembled.PayloadItems[k];
            var matches = a.Channel == channel && (parts[0] == "Servo" ? a.Kind == PayloadKind.Servo
                : parts[2] == "ON" ? a.Kind == PayloadKind.RelayOn : a.Kind == PayloadKind.RelayOff);
            if (matches && _payloadConfirmed.Add(k)) return $", planned at waypoint {wp} (mission item {item + 1})";
        }
        return ", not planned";
    }

    private void Note(OperationEventKind kind, string name, string detail, VehicleState? s = null)
    {
        s ??= v.State.Current;
        log.Add(kind, name, detail, s.LongitudeDeg, s.LatitudeDeg, s.MissionSeq - _offset);
    }

    /// <summary>Sends a command, logging it and its COMMAND_ACK; a refusal or a missing ack throws.</summary>
    private async Task CommandAsync(string name, string what, Func<Task> send)
    {
        Note(OperationEventKind.Command, name, what);
        try
        {
            await send();
            Note(OperationEventKind.Ack, name, "accepted");
        }
        catch (CommandFailedException e)
        {
            Note(OperationEventKind.Ack, name, e.Result is { } r ? $"refused: {ResultNames.Describe(r)}" : "no COMMAND_ACK");
            throw;
        }
    }

    private async Task TryAsync(string name, string what, Func<Task> send)
    {
        try { await CommandAsync(name, what, send); } catch (CommandFailedException) { }
    }

    private void Failsafe(string name, string detail)
    {
        _failsafes.Add(name);
        Note(OperationEventKind.Failsafe, name, detail + " → RTL");
        Rtl(name);
    }

    /// <summary>Commands RTL without blocking the watch (a lost link makes the command retry for seconds).</summary>
    private void Rtl(string why)
    {
        _returning = true;
        lock (_background) _background.Add(TryAsync("rtl", $"NAV_RETURN_TO_LAUNCH ({why})", () => v.ReturnToLaunchAsync(CancellationToken.None)));
    }
}
