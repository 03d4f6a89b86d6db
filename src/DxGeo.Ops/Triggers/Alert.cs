namespace DxGeo.Ops.Triggers;

/// <summary>Severity of a warning, in JMA's steps (津波予報 &lt; 注意報 &lt; 警報 &lt; 大津波警報 / 特別警報).</summary>
public enum AlertLevel { Forecast = 0, Advisory = 1, Warning = 2, MajorWarning = 3 }

/// <summary>An area an alert is issued for: a code (e.g. JMA tsunami forecast area code) and/or a name.</summary>
/// <summary>An area an alert is issued for: a code (e.g. JMA tsunami forecast area code) and/or a name, and the level
/// for this area when it differs per area (JMA lists a kind per area).</summary>
public sealed record AlertArea(string? Code, string? Name, AlertLevel? Level = null);

/// <summary>
/// A warning as DxGeo acts on it, whatever format it came in. <see cref="Id"/> identifies the alert for idempotency:
/// the same id delivered twice launches nothing the second time.
/// </summary>
public sealed record Alert
{
    public required string Id { get; init; }
    /// <summary>tsunami, earthquake, flood, … (lower case).</summary>
    public required string Kind { get; init; }
    public required AlertLevel Level { get; init; }
    public required DateTimeOffset IssuedUtc { get; init; }
    public required IReadOnlyList<AlertArea> Areas { get; init; }
    public string Headline { get; init; } = "";
    /// <summary>Who issued it (e.g. 気象庁) and the format it came in.</summary>
    public string Source { get; init; } = "";
    /// <summary>A cancellation (解除/取消) launches nothing.</summary>
    public bool IsCancellation { get; init; }
    /// <summary>JMA Control/Status: 通常 (actual), 訓練 (exercise), 試験 (test). Tests launch nothing.</summary>
    public string Status { get; init; } = "actual";

    public bool IsTest => Status is "test" or "試験";
}

/// <summary>Where a trigger came from.</summary>
public enum TriggerSource { Http, FileWatcher, Manual, Simulation }
