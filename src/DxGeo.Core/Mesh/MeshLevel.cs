using DxGeo.Core.Errors;

namespace DxGeo.Core.Mesh;

/// <summary>
/// JIS X 0410 regional mesh levels (地域メッシュ), plus the Statistics Bureau's half and quarter subdivisions.
/// The numeric value is the level's rank (1 coarsest).
/// </summary>
public enum MeshLevel
{
    /// <summary>第1次地域区画: 40′ lat × 1° lon (~80 km), 4 digits.</summary>
    First = 1,
    /// <summary>第2次地域区画: 5′ × 7′30″ (~10 km), 6 digits.</summary>
    Second = 2,
    /// <summary>第3次地域区画 / 基準地域メッシュ: 30″ × 45″ (~1 km), 8 digits.</summary>
    Third = 3,
    /// <summary>2分の1地域メッシュ: 15″ × 22.5″ (~500 m), 9 digits.</summary>
    Half = 4,
    /// <summary>4分の1地域メッシュ: 7.5″ × 11.25″ (~250 m), 10 digits.</summary>
    Quarter = 5,
}

/// <summary>Names, digit counts and cell sizes of <see cref="MeshLevel"/>.</summary>
public static class MeshLevels
{
    public static IReadOnlyList<MeshLevel> All { get; } =
        [MeshLevel.First, MeshLevel.Second, MeshLevel.Third, MeshLevel.Half, MeshLevel.Quarter];

    /// <summary>Number of digits of a code at this level.</summary>
    public static int Digits(MeshLevel level) => level switch
    {
        MeshLevel.First => 4, MeshLevel.Second => 6, MeshLevel.Third => 8, MeshLevel.Half => 9, MeshLevel.Quarter => 10,
        _ => throw new ArgumentOutOfRangeException(nameof(level)),
    };

    /// <summary>The level whose codes have <paramref name="digits"/> digits, or null.</summary>
    public static MeshLevel? FromDigits(int digits) => digits switch
    {
        4 => MeshLevel.First, 6 => MeshLevel.Second, 8 => MeshLevel.Third, 9 => MeshLevel.Half, 10 => MeshLevel.Quarter,
        _ => null,
    };

    /// <summary>Cell height in degrees of latitude.</summary>
    public static double HeightDeg(MeshLevel level) => MeshGrid.Span(level) / (double)MeshGrid.RowsPerDeg;

    /// <summary>Cell width in degrees of longitude.</summary>
    public static double WidthDeg(MeshLevel level) => MeshGrid.Span(level) / (double)MeshGrid.ColsPerDeg;

    /// <summary>Short English name used by the CLI and in layer names: first, second, third, half, quarter.</summary>
    public static string Name(MeshLevel level) => level.ToString().ToLowerInvariant();

    /// <summary>Nominal cell size for labels ("80km", "10km", "1km", "500m", "250m").</summary>
    public static string NominalSize(MeshLevel level) => level switch
    {
        MeshLevel.First => "80km", MeshLevel.Second => "10km", MeshLevel.Third => "1km", MeshLevel.Half => "500m",
        _ => "250m",
    };

    /// <summary>Parses a level: a name (first…quarter, 1st/2nd/3rd), its rank (1–5) or its nominal size (80km…250m).</summary>
    public static MeshLevel Parse(string text)
    {
        var t = (text ?? "").Trim().ToLowerInvariant();
        MeshLevel? level = t switch
        {
            "1" or "first" or "1st" or "80km" => MeshLevel.First,
            "2" or "second" or "2nd" or "10km" => MeshLevel.Second,
            "3" or "third" or "3rd" or "1km" or "standard" => MeshLevel.Third,
            "4" or "half" or "500m" => MeshLevel.Half,
            "5" or "quarter" or "250m" => MeshLevel.Quarter,
            _ => null,
        };
        return level ?? throw new DxGeoException(
            $"unknown mesh level '{text}' (expected first, second, third, half or quarter; or 80km, 10km, 1km, 500m, 250m)");
    }
}
