using DxGeo.Core.Assets;
using DxGeo.SampleTown.Internal.Layout;
using DxGeo.SampleTown.Internal.Numerics;

namespace DxGeo.SampleTown.Internal.Network;

/// <summary>
/// How a Japanese water utility's pipes came to be: diameters by role in the network (transmission mains on the
/// arterials, distribution mains on collectors, small mains on local streets, 50 mm stubs), install years from the
/// district's development plus later renewals, and materials by era: CIP and ACP until the 1970s, VP for small mains
/// 1965–2000, DCIP from the 1970s, PE (配水用ポリエチレン管) for small mains from about 2000.
/// </summary>
internal static class PipeLedger
{
    private static readonly int[] TrunkSizes = [300, 350, 400, 450, 500, 600, 700, 800];

    public static int Diameter(RoadEdge edge, DistrictKind kind, double kmFromSource, Prng rng)
    {
        switch (edge.Street.Class)
        {
            case RoadClassKind.Arterial:
                var target = 800 - 125 * kmFromSource + rng.Normal(0, 40);
                return TrunkSizes.OrderBy(s => Math.Abs(s - target)).First();
            case RoadClassKind.Collector:
                return kind is DistrictKind.OldTown or DistrictKind.Urban
                    ? Pick(rng, [150, 200, 250], [0.2, 0.5, 0.3])
                    : Pick(rng, [150, 200, 250], [0.5, 0.4, 0.1]);
        }
        if (edge.IsDeadEnd && edge.Line.Length < 90 && rng.Chance(0.7)) return 50;
        return kind switch
        {
            DistrictKind.OldTown or DistrictKind.Urban => Pick(rng, [50, 75, 100, 150], [0.05, 0.2, 0.5, 0.25]),
            DistrictKind.Suburb or DistrictKind.Coastal => Pick(rng, [50, 75, 100, 150], [0.08, 0.42, 0.4, 0.1]),
            DistrictKind.NewSuburb => Pick(rng, [50, 75, 100, 150], [0.1, 0.4, 0.4, 0.1]),
            _ => Pick(rng, [50, 75, 100], [0.4, 0.45, 0.15]),
        };
    }

    /// <summary>Year the pipe now in the ground was laid: first laying after the district was developed, or a renewal.</summary>
    public static int InstallYear(RoadEdge edge, DistrictSpec district, Prng rng)
    {
        var first = edge.Street.Key switch
        {
            "A1" or "A3" => 1963 + rng.NextInt(11),
            "A2" => 1996 + rng.NextInt(7),
            "A4" => 1970 + rng.NextInt(9),
            _ => district.DevelopmentYear + (int)Math.Round(Math.Abs(rng.Normal(0, 6))),
        };
        first = Math.Clamp(first, 1960, 2020);
        // Tsunami-damaged coastal districts relaid much of their network in 2012–2017 (earthquake-resistant pipe).
        if (district.Kind == DistrictKind.Coastal || district.Id == "D03")
            if (rng.Chance(0.45)) return 2012 + rng.NextInt(6);
        var pRenew = district.Kind switch
        {
            DistrictKind.OldTown => 0.45, DistrictKind.Urban => 0.35, DistrictKind.Coastal => 0.3,
            DistrictKind.Suburb => 0.15, DistrictKind.Rural => 0.1, _ => 0.0,
        };
        if (first < 1975) pRenew *= 1.3;
        if (rng.Chance(pRenew))
        {
            var from = Math.Max(first + 25, 1985);
            if (from <= 2020) return from + rng.NextInt(2020 - from + 1);
        }
        return first;
    }

    public static PipeMaterial Material(int year, int diameterMm, bool onBridge, Prng rng)
    {
        const PipeMaterial CIP = PipeMaterial.CastIron, ACP = PipeMaterial.AsbestosCement, DCIP = PipeMaterial.DuctileIron,
            VP = PipeMaterial.Pvc, PE = PipeMaterial.Polyethylene, SP = PipeMaterial.Steel;
        // Pipes hung on bridges are often steel (水管橋).
        if (onBridge && rng.Chance(0.5)) return SP;
        if (diameterMm >= 400)
            return year < 1970 ? PickM(rng, [CIP, SP], [0.55, 0.45])
                : year < 1980 ? PickM(rng, [DCIP, SP], [0.7, 0.3]) : PickM(rng, [DCIP, SP], [0.85, 0.15]);
        if (diameterMm == 50)
            return year < 1965 ? SP : year < 2000 ? PickM(rng, [VP, SP], [0.9, 0.1]) : PickM(rng, [PE, VP], [0.7, 0.3]);
        var small = diameterMm <= 150;
        if (year < 1965) return PickM(rng, [CIP, ACP], [0.6, 0.4]);
        if (year < 1972) return PickM(rng, [CIP, ACP, VP], [0.35, 0.45, small ? 0.2 : 0]);
        if (year < 1980) return PickM(rng, [DCIP, ACP, VP, CIP], [0.45, 0.25, small ? 0.25 : 0, 0.05]);
        if (year < 2000) return PickM(rng, [DCIP, VP], [0.7, small ? 0.3 : 0]);
        return PickM(rng, [DCIP, PE], [0.55, diameterMm <= 150 ? 0.45 : diameterMm <= 200 ? 0.15 : 0]);
    }

    private static int Pick(Prng rng, int[] values, double[] weights) => values[rng.Pick(weights)];
    private static PipeMaterial PickM(Prng rng, PipeMaterial[] values, double[] weights) => values[rng.Pick(weights)];
}
