using DxGeo.Core.Errors;

namespace DxGeo.Review.Reviews;

/// <summary>Damage types an inspector can set (the codes the damage model's training labels use too).</summary>
public static class DamageTypes
{
    public static readonly IReadOnlyList<string> All = ["crack", "spalling", "exposed_rebar", "corrosion", "erosion", "other"];

    public static string Check(string? type, string findingId)
    {
        var t = (type ?? "").Trim().ToLowerInvariant();
        if (!All.Contains(t))
            throw new InputDataException($"damage type '{type}' is not one of {string.Join(", ", All)}", featureId: findingId, field: "damage_type");
        return t;
    }
}

/// <summary>
/// Severity scales by asset kind, worst last: bridges use MLIT's soundness judgement (健全性 I–IV, 道路橋定期点検要領);
/// levees the river levee inspection grades a–d (a 異常なし … d 措置段階); other assets the same I–IV words.
/// </summary>
public static class SeverityScale
{
    public static readonly IReadOnlyList<string> Bridge = ["I", "II", "III", "IV"];
    public static readonly IReadOnlyList<string> Levee = ["a", "b", "c", "d"];

    public static IReadOnlyList<string> For(string? assetLayer) => assetLayer == "levees" ? Levee : Bridge;

    public static string Check(string? assetLayer, string? severity, string findingId)
    {
        var scale = For(assetLayer);
        var s = (severity ?? "").Trim();
        var hit = scale.FirstOrDefault(x => string.Equals(x, s, StringComparison.OrdinalIgnoreCase));
        return hit ?? throw new InputDataException(
            $"severity '{severity}' is not on the {(scale == Levee ? "levee" : "MLIT bridge")} scale ({string.Join(", ", scale)})",
            featureId: findingId, field: "severity");
    }

    /// <summary>Position on its scale (0 = best); −1 when not on it.</summary>
    public static int Rank(string? assetLayer, string? severity) =>
        severity is null ? -1 : For(assetLayer).ToList().FindIndex(x => string.Equals(x, severity, StringComparison.OrdinalIgnoreCase));
}
