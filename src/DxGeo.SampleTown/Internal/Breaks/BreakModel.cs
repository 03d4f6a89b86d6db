using DxGeo.Core.Assets;
using DxGeo.SampleTown.Internal.Layout;
using DxGeo.SampleTown.Internal.Network;
using DxGeo.SampleTown.Internal.Numerics;

namespace DxGeo.SampleTown.Internal.Breaks;

/// <summary>
/// The break-rate model the history is drawn from (documented in docs/sample-town.md). Multiplicative:
/// rate = base × material × age × diameter × soil × flood × road × frailty, in breaks per km per year.
/// </summary>
internal static class BreakModel
{
    public const double BaseRatePerKmYear = 0.05;
    public const double AgePerYear = 0.022;
    public const double ReferenceAge = 30;
    public const double DiameterExponent = 0.5;

    public static double MaterialFactor(PipeMaterial m, int installYear) => m switch
    {
        PipeMaterial.AsbestosCement => 4.0,
        PipeMaterial.CastIron => 3.2,
        // Early PVC with solvent-cemented (TS) joints fails far more often than later rubber-ring joints.
        PipeMaterial.Pvc => installYear < 1980 ? 2.8 : 1.6,
        PipeMaterial.Steel => 1.6,
        PipeMaterial.Polyethylene => 0.8,
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
            PipeMaterial.CastIron or PipeMaterial.Steel => c switch { Corrosivity.Low => 0.75, Corrosivity.High => 1.9, _ => 1.0 },
            PipeMaterial.DuctileIron => c switch { Corrosivity.Low => 0.8, Corrosivity.High => 1.6, _ => 1.0 },
            PipeMaterial.AsbestosCement => c switch { Corrosivity.Low => 0.9, Corrosivity.High => 1.3, _ => 1.0 },
            _ => 1.0,
        };
        return soilClass == "peat" ? f * 1.2 : f;
    }

    /// <summary>Low, flood-prone ground has high groundwater and soft soil.</summary>
    public static double FloodFactor(int depthClass) => depthClass >= 3 ? 1.45 : depthClass == 2 ? 1.2 : 1.0;

    public static double RoadFactor(RoadClassKind c) => c switch
    {
        RoadClassKind.Arterial => 1.25, RoadClassKind.Collector => 1.1, _ => 1.0,
    };

    /// <summary>Breaks per km in <paramref name="year"/> before year effects, without (frailty false) or with the hidden frailty.</summary>
    public static double Rate(PipeDraft p, int year, bool withFrailty = true) =>
        BaseRatePerKmYear * MaterialFactor(p.TrueMaterial, p.TrueInstallYear) * AgeFactor(year - p.TrueInstallYear)
        * DiameterFactor(p.DiameterMm) * SoilFactor(p.TrueMaterial, p.SoilClass, p.Soil) * FloodFactor(p.FloodDepthClass)
        * RoadFactor(p.Street.Class) * (withFrailty ? p.Frailty : 1.0);

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
