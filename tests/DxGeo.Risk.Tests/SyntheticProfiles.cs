using DxGeo.Core.Assets;
using DxGeo.Risk.Features;

namespace DxGeo.Risk.Tests;

/// <summary>
/// A small synthetic network without geometry, for tests of the panel/model/metrics in isolation:
/// breaks arrive as a Poisson process whose rate depends on material, age, diameter and soil, times a
/// per-segment frailty that only the break history reveals.
/// </summary>
public static class SyntheticProfiles
{
    public static double RateScale = 0.05;
    /// <summary>The generating break rate per pipe id and year (the oracle a perfect model would rank by).</summary>
    public static Dictionary<(string, int), double> TrueRate { get; } = new();
    public static List<PipeProfile> Generate(int count, int seed, int firstYear = 2011, int lastYear = 2025)
    {
        var rng = new Random(seed);
        var materials = new[] { PipeMaterial.CastIron, PipeMaterial.DuctileIron, PipeMaterial.Pvc, PipeMaterial.Steel, PipeMaterial.AsbestosCement, PipeMaterial.Polyethylene };
        var materialRate = new[] { 2.2, 0.5, 1.2, 1.0, 2.0, 0.3 };
        var list = new List<PipeProfile>(count);
        for (var i = 0; i < count; i++)
        {
            var m = rng.Next(materials.Length);
            var install = 1950 + rng.Next(70);
            var diameter = new[] { 75, 100, 150, 200, 300 }[rng.Next(5)];
            var length = 30 + rng.NextDouble() * 270;
            var corr = rng.Next(3);
            var flood = rng.NextDouble() < 0.2 ? 1 + rng.Next(3) : 0;
            var frailty = Gamma(rng, 0.7) / 0.7;
            var own = new List<DateOnly>();
            for (var y = firstYear; y <= lastYear; y++)
            {
                if (y <= install) continue;
                var age = y - install;
                var rate = RateScale *   materialRate[m] * Math.Exp(0.03 * (age - 30)) * (1 + 0.5 * corr) *
                           (1 + 0.15 * flood) * Math.Pow(150.0 / diameter, 0.5) * (length / 100.0) * frailty;
                TrueRate[($"P{i:D5}", y)] = rate;
                var k = Poisson(rng, rate);
                for (var j = 0; j < k; j++) own.Add(new DateOnly(y, 1 + rng.Next(12), 1 + rng.Next(28)));
            }
            own.Sort();
            list.Add(new PipeProfile
            {
                PipeId = $"P{i:D5}", Material = materials[m], DiameterMm = diameter, InstallYear = install, LengthM = length,
                PressureZone = $"Z{rng.Next(3)}", District = $"D{rng.Next(5)}", RoadClass = rng.NextDouble() < 0.3 ? "arterial" : "local",
                SoilClass = new[] { "clay", "sand", "fill" }[corr], CorrosivityScore = corr, HighCorrosivityShare = corr == 2 ? 1 : 0,
                FloodDepthMean = flood, FloodDepthMax = flood, OwnBreaks = own,
            });
        }
        return list;
    }

    private static int Poisson(Random rng, double lambda)
    {
        var l = Math.Exp(-lambda);
        int k = 0; var p = 1.0;
        do { k++; p *= rng.NextDouble(); } while (p > l);
        return k - 1;
    }

    // Marsaglia–Tsang, with the shape < 1 boost.
    private static double Gamma(Random rng, double shape)
    {
        if (shape < 1) return Gamma(rng, shape + 1) * Math.Pow(rng.NextDouble(), 1 / shape);
        var d = shape - 1.0 / 3; var c = 1 / Math.Sqrt(9 * d);
        while (true)
        {
            double x, v;
            do { x = Normal(rng); v = 1 + c * x; } while (v <= 0);
            v = v * v * v;
            var u = rng.NextDouble();
            if (Math.Log(u) < 0.5 * x * x + d - d * v + d * Math.Log(v)) return d * v;
        }
    }

    private static double Normal(Random rng) =>
        Math.Sqrt(-2 * Math.Log(1 - rng.NextDouble())) * Math.Cos(2 * Math.PI * rng.NextDouble());
}
