using DxGeo.Core.Errors;

namespace DxGeo.Ops.Triggers;

/// <summary>Why a delivery was not turned into a launch.</summary>
public enum IntakeVerdict { Accepted, Unsigned, BadSignature, Stale, ReplayedNonce, Duplicate, Invalid }

public sealed record IntakeResult(IntakeVerdict Verdict, Alert? Alert, string Reason)
{
    public bool Accepted => Verdict == IntakeVerdict.Accepted;
}

/// <summary>
/// The door every signed alert comes through (HTTP endpoint, file watcher, simulation): signature (HMAC-SHA256 with the
/// shared secret), timestamp within ±<see cref="Window"/>, nonce not seen within the window (replay), then parsing and
/// idempotency by alert id (<paramref name="alreadyHandled"/> asks the operation log, so a restart does not relaunch).
/// Thread-safe.
/// </summary>
public sealed class AlertIntake(byte[] secret, Func<string, bool>? alreadyHandled = null, TimeProvider? clock = null)
{
    private readonly TimeProvider _clock = clock ?? TimeProvider.System;
    private readonly Dictionary<string, DateTimeOffset> _nonces = [];
    private readonly HashSet<string> _alertIds = [];
    private readonly Lock _lock = new();

    public TimeSpan Window { get; init; } = TimeSpan.FromMinutes(5);
    /// <summary>Prefixed to every alert id (a simulation uses <c>sim:…:</c> so it never marks a real alert as handled).</summary>
    public string IdPrefix { get; init; } = "";

    public IntakeResult Receive(ReadOnlySpan<byte> body, AlertSignature? signature, string source)
    {
        if (signature is null) return new(IntakeVerdict.Unsigned, null, $"{source}: unsigned alert refused ({AlertSignature.SignatureHeader} missing)");
        if (!signature.Matches(body, secret)) return new(IntakeVerdict.BadSignature, null, $"{source}: signature does not match (wrong secret or altered body)");
        var now = _clock.GetUtcNow();
        var sent = signature.TimestampUnixS == long.MinValue ? DateTimeOffset.MinValue : DateTimeOffset.FromUnixTimeSeconds(signature.TimestampUnixS);
        if (sent == DateTimeOffset.MinValue || (now - sent).Duration() > Window)
            return new(IntakeVerdict.Stale, null, $"{source}: timestamp {signature.TimestampUnixS} outside ±{Window.TotalMinutes:F0} min of now (replay or clock skew)");
        lock (_lock)
        {
            foreach (var old in _nonces.Where(kv => now - kv.Value > Window * 2).Select(kv => kv.Key).ToList()) _nonces.Remove(old);
            if (!_nonces.TryAdd(signature.Nonce, now)) return new(IntakeVerdict.ReplayedNonce, null, $"{source}: nonce {signature.Nonce} already used (replay)");
        }
        Alert alert;
        try { alert = AlertParser.Parse(body, source); alert = alert with { Id = IdPrefix + alert.Id }; }
        catch (DxGeoException e) { return new(IntakeVerdict.Invalid, null, e.Message); }
        lock (_lock)
        {
            if (!_alertIds.Add(alert.Id) || (alreadyHandled?.Invoke(alert.Id) ?? false))
                return new(IntakeVerdict.Duplicate, alert, $"alert {alert.Id} already handled: nothing launched again");
        }
        return new(IntakeVerdict.Accepted, alert, $"alert {alert.Id} accepted");
    }

    /// <summary>A manual launch or an operator-provided file: no signature, but still once per alert id.</summary>
    public IntakeResult ReceiveTrusted(Alert alert)
    {
        lock (_lock)
            if (!_alertIds.Add(alert.Id) || (alreadyHandled?.Invoke(alert.Id) ?? false))
                return new(IntakeVerdict.Duplicate, alert, $"alert {alert.Id} already handled: nothing launched again");
        return new(IntakeVerdict.Accepted, alert, $"alert {alert.Id} accepted");
    }
}
