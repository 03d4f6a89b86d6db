namespace DxGeo.Ops.Gate;

/// <summary>One check of the gate: what was measured against what limit, and the reason in words.</summary>
public sealed record GateCheck(string Name, bool Go, string Measured, string Limit, string Reason);

/// <summary>All checks; go only when every one is go. <see cref="Reason"/> names every failing check.</summary>
public sealed record GateDecision(IReadOnlyList<GateCheck> Checks)
{
    public bool Go => Checks.Count > 0 && Checks.All(c => c.Go);
    public string Reason => Go ? "all checks go" : string.Join("; ", Checks.Where(c => !c.Go).Select(c => c.Reason));
}
