using DxGeo.Core.Errors;

namespace DxGeo.Core.Assets;

/// <summary>The stored codes of the asset enums (documented in README's data dictionary) and their parsing.</summary>
public static class AssetCodes
{
    private static readonly (PipeMaterial Value, string Code)[] Materials =
    [
        (PipeMaterial.DuctileIron, "DCIP"), (PipeMaterial.CastIron, "CIP"), (PipeMaterial.Steel, "SP"),
        (PipeMaterial.Pvc, "VP"), (PipeMaterial.Polyethylene, "PE"), (PipeMaterial.AsbestosCement, "ACP"),
        (PipeMaterial.Unknown, "UNK"),
    ];

    public static IReadOnlyList<string> MaterialCodes { get; } = Materials.Select(m => m.Code).ToArray();

    public static string Code(PipeMaterial m) => Materials.First(x => x.Value == m).Code;

    public static bool TryParseMaterial(string? text, out PipeMaterial material)
    {
        material = PipeMaterial.Unknown;
        if (string.IsNullOrWhiteSpace(text)) return false;
        var t = text.Trim();
        foreach (var (value, code) in Materials)
            if (string.Equals(code, t, StringComparison.OrdinalIgnoreCase) ||
                string.Equals(value.ToString(), t, StringComparison.OrdinalIgnoreCase))
            { material = value; return true; }
        return false;
    }

    public static string Code(PipeStatus s) => s switch
    {
        PipeStatus.InService => "in_service", PipeStatus.Abandoned => "abandoned", _ => "planned",
    };

    public static string Code(Bank b) => b == Bank.Left ? "left" : "right";
    public static string Code(Corrosivity c) => c.ToString().ToLowerInvariant();
    public static string Code(BreakType t) => t.ToString().ToLowerInvariant();
    public static string Code(MlitGrade g) => g.ToString();

    /// <summary>Parses an enum from its stored code (case-insensitive; for pipe status also "InService").</summary>
    public static T Parse<T>(string? text, string field) where T : struct, Enum
    {
        if (typeof(T) == typeof(PipeMaterial))
            return TryParseMaterial(text, out var m) ? (T)(object)m
                : throw new InputDataException($"unknown material code '{text}' (expected one of {string.Join(", ", MaterialCodes)})", field: field);
        var norm = (text ?? "").Trim().Replace("_", "");
        if (Enum.TryParse<T>(norm, ignoreCase: true, out var v) && Enum.IsDefined(v) && !int.TryParse(norm, out _))
            return v;
        // MLIT grades may be written 1-4 as well as I-IV.
        if (typeof(T) == typeof(MlitGrade) && int.TryParse(norm, out var n) && n is >= 1 and <= 4)
            return (T)(object)(MlitGrade)n;
        throw new InputDataException(
            $"unknown {typeof(T).Name} code '{text}' (expected one of {string.Join(", ", Enum.GetNames<T>())})", field: field);
    }
}
