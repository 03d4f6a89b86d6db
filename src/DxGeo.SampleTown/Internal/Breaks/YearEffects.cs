using DxGeo.Core.Assets;
using DxGeo.SampleTown.Internal.Network;

namespace DxGeo.SampleTown.Internal.Breaks;

/// <summary>An earthquake that added breaks in the weeks after it: extra rate as a multiple of the background.</summary>
internal sealed record Quake(DateOnly Date, int WindowDays, double Extra, double LiquefactionExtra, double BrittleExtra)
{
    public double ExtraFor(PipeDraft p)
    {
        var extra = Extra;
        if (p.SoilClass is "sand" or "fill") extra += LiquefactionExtra;
        if (p.TrueMaterial is PipeMaterial.CastIron or PipeMaterial.AsbestosCement
            || (p.TrueMaterial == PipeMaterial.Pvc && p.TrueInstallYear < 1980)) extra += BrittleExtra;
        return extra;
    }
}

/// <summary>What changes from year to year for every pipe alike: winters (a random factor per year) and earthquakes.</summary>
internal static class YearEffects
{
    public const int FirstYear = 2011;
    public const int LastYear = 2025;

    /// <summary>The 2011 Tōhoku earthquake (liquefaction in sand and fill, brittle pipe) and the 2021 and 2022
    /// Fukushima-oki earthquakes, which also broke mains along this coast.</summary>
    public static IReadOnlyList<Quake> Quakes { get; } =
    [
        new(new DateOnly(2011, 3, 11), 50, 1.0, 1.0, 0.6),
        new(new DateOnly(2021, 2, 13), 21, 0.15, 0.1, 0.1),
        new(new DateOnly(2022, 3, 16), 21, 0.25, 0.15, 0.1),
    ];

    /// <summary>Relative break frequency by month (cold months break more mains).</summary>
    public static IReadOnlyList<double> MonthWeights { get; } = [1.5, 1.6, 1.3, 0.9, 0.8, 0.8, 0.8, 0.9, 0.8, 0.8, 0.9, 1.3];

    /// <summary>Standard deviation of the log of the per-year (winter severity) factor.</summary>
    public const double YearNoiseSd = 0.15;
}
