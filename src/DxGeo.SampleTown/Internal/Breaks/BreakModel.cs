using DxGeo.Core.Assets;
using DxGeo.SampleTown.Internal.Layout;
using DxGeo.SampleTown.Internal.Network;
using DxGeo.SampleTown.Internal.Numerics;

namespace DxGeo.SampleTown.Internal.Breaks;

/// <summary>
/// The break-rate model the history is drawn from (documented in docs/sample-town.md). Multiplicative:
/// rate = base × material × age × diameter × soil × flood × road × pressure × slope × frailty, in breaks per km per
/// year; a recent break on the same pipe raises its rate for a while (<see cref="Excitation"/>).
/// </summary>
internal static class BreakModel
{
    public const double BaseRatePerKmYear = 0.04;
    public const double AgePerYear = 0.03;
    public const double ReferenceAge = 30;
    public const double DiameterExponent = 0.8;
    /// <summary>Rate change per metre of static pressure head (log scale): ~2.5 % per metre.</summary>
    public const double PressurePerM = 0.025;
    public const double ReferenceHeadM = 45;
    /// <summary>Extra rate per percent of ground slope (ground movement, thrust at bends).</summary>
    public const double SlopePerPct = 0.08;
    /// <summary>Self-excitation: each past break adds this multiple of the base rate, decaying with <see cref="ExcitationYears"/>.</summary>
    public const double ExcitationGain = 1.5;
    public const double ExcitationYears = 1.5;

    public static double MaterialFactor(PipeMaterial m, int installYear) => m switch
    {
        PipeMaterial.AsbestosCement => 3.5,
        PipeMaterial.CastIron => 3.2,
        // Early PVC with solvent-cemented (TS) joints fails far more often than later rubber-ring joints.
        PipeMaterial.Pvc => installYear < 1980 ? 3.0 : 1.4,
        // Old unlined / screw-jointed steel corrodes from inside and out; later welded, lined steel much less.
        PipeMaterial.Steel => installYear < 1975 ? 3.0 : 1.5,
        PipeMaterial.Polyethylene => 0.5,
        _ => 1.0, // DCIP
    };

    public static double AgeFactor(int age) => DetMath.Exp(AgePerYear * (Math.Max(0, age) - ReferenceAge));

    public static double DiameterFactor(int diameterMm) => DetMath.Pow(150.0 / diameterMm, DiameterExponent);

    /// <summary>Corrosive soil attacks metal pipe (DCIP less, thanks to polyethylene sleeves), leaches ACP a little,
    /// leaves plastics alone; peat also settles, which breaks joints of every material.</summary>
    public static double SoilFactor(PipeMaterial m, string soilClass, Corrosivity c)
    {
        if (soilClass == "none") return 1.0;
        var f = m switch
        {
            PipeMaterial.CastIron or PipeMaterial.Steel => c switch { Corrosivity.Low => 0.7, Corrosivity.High => 2.4, _ => 1.0 },
            PipeMaterial.DuctileIron => c switch { Corrosivity.Low => 0.8, Corrosivity.High => 1.8, _ => 1.0 },
            PipeMaterial.AsbestosCement => c switch { Corrosivity.Low => 0.9, Corrosivity.High => 1.3, _ => 1.0 },
            _ => 1.0,
        };
        return soilClass == "peat" ? f * 1.3 : f;
    }

    /// <summary>Low, flood-prone ground has high groundwater and soft soil.</summary>
    public static double FloodFactor(int depthClass) => depthClass >= 3 ? 1.45 : depthClass == 2 ? 1.2 : 1.0;

    /// <summary>Heavy traffic above a main loads it and shakes its joints.</summary>
    public static double RoadFactor(RoadClassKind c) => c switch
    {
        RoadClassKind.Arterial => 1.35, RoadClassKind.Collector => 1.15, _ => 1.0,
    };

    /// <summary>Hydraulic grade line (m above T.P.) each pressure zone is served at, from its reservoir or pump.</summary>
    public static double HydraulicGradeM(string pressureZone) => pressureZone switch
    {
        Layout.Districts.ZoneNorth => 75, Layout.Districts.ZoneSouth => 58, Layout.Districts.ZoneCoastal => 42, _ => 52,
    };

    /// <summary>Higher static pressure breaks more mains (pressure management's reason to exist): low-lying pipes of a zone.</summary>
    public static double PressureFactor(double headM) => DetMath.Exp(PressurePerM * (Math.Clamp(headM, 10, 90) - ReferenceHeadM));

    public static double SlopeFactor(double slopePct) => 1 + SlopePerPct * Math.Min(slopePct, 10);

    /// <summary>Breaks per km in <paramref name="year"/> before year effects, without (frailty false) or with the hidden frailty.</summary>
    public static double Rate(PipeDraft p, int year, bool withFrailty = true) =>
        BaseRatePerKmYear * MaterialFactor(p.TrueMaterial, p.TrueInstallYear) * AgeFactor(year - p.TrueInstallYear)
        * DiameterFactor(p.DiameterMm) * SoilFactor(p.TrueMaterial, p.SoilClass, p.Soil) * FloodFactor(p.FloodDepthClass)
        * RoadFactor(p.Street.Class) * PressureFactor(p.PressureHeadM) * SlopeFactor(p.SlopePct) * (withFrailty ? p.Frailty : 1.0);

    /// <summary>
    /// Multiplier of a pipe's rate in <paramref name="year"/> from its own earlier breaks: a break disturbs the bedding,
    /// and the corrosion cell or ground movement that caused it goes on, so the next break tends to follow soon.
    /// 1 + gain × exp(−Δt / τ), Δt from the latest break before the year to the middle of the year (bounded, so a
    /// run of breaks cannot feed on itself without limit).
    /// </summary>
    public static double Excitation(IEnumerable<DateOnly> earlierBreaks, int year)
    {
        var mid = new DateOnly(year, 7, 1).DayNumber;
        int? latest = null;
        foreach (var d in earlierBreaks)
            if (d.Year < year && (latest is null || d.DayNumber > latest)) latest = d.DayNumber;
        return latest is { } l ? 1 + ExcitationGain * DetMath.Exp(-(mid - l) / 365.25 / ExcitationYears) : 1;
    }

    public static BreakType DrawType(PipeMaterial m, Prng rng)
    {
        BreakType[] t = [BreakType.Leak, BreakType.Burst, BreakType.Joint, BreakType.Crack, BreakType.Other];
        double[] w = m switch
        {
            PipeMaterial.CastIron => [0.15, 0.35, 0.08, 0.38, 0.04],
            PipeMaterial.AsbestosCement => [0.13, 0.35, 0.05, 0.43, 0.04],
            PipeMaterial.Pvc => [0.2, 0.05, 0.38, 0.33, 0.04],
            PipeMaterial.Steel => [0.7, 0.1, 0.1, 0.02, 0.08],
            PipeMaterial.Polyethylene => [0.55, 0.02, 0.25, 0.03, 0.15],
            _ => [0.5, 0.03, 0.33, 0.02, 0.12],
        };
        return t[rng.Pick(w)];
    }
}
