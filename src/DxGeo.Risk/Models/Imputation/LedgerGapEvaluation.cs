using DxGeo.Core.Assets;
using DxGeo.Risk.Features;
using DxGeo.Risk.Features.Internal;

namespace DxGeo.Risk.Models.Imputation;

/// <summary>How well the ledger-gap models recover values that are known but were hidden from them.</summary>
public sealed record ImputationMetrics
{
    public int MaterialTested { get; init; }
    public double MaterialAccuracy { get; init; }
    /// <summary>Accuracy of always answering the most common recorded material.</summary>
    public double MaterialMajorityAccuracy { get; init; }
    public string MajorityMaterial { get; init; } = "";
    /// <summary>Accuracy of copying the nearest pipe whose material is known.</summary>
    public double MaterialNearestAccuracy { get; init; }
    public int YearTested { get; init; }
    public double YearMaeYears { get; init; }
    /// <summary>Mean absolute error of answering the mean recorded install year.</summary>
    public double YearMeanBaselineMaeYears { get; init; }
    /// <summary>Mean absolute error of copying the nearest pipe whose install year is known.</summary>
    public double YearNearestMaeYears { get; init; }
}

/// <summary>
/// Hides a share of the recorded materials and install years (a seeded, reproducible draw), rebuilds every
/// neighbour feature as if those values were missing, trains on the rest and scores the hidden ones.
/// </summary>
public static class LedgerGapEvaluation
{
    internal static ImputationMetrics Run(MetricNetwork net, double hiddenShare = 0.2, int seed = 1, int threads = 2, int iterations = 150)
    {
        var pipes = net.Pipes;
        var rng = new Random(seed);
        // Material and year are hidden independently, as ledgers lose them: most pipes missing one still have the other.
        var hideMat = Enumerable.Range(0, net.Count).Select(_ => rng.NextDouble() < hiddenShare).ToArray();
        var hideYear = Enumerable.Range(0, net.Count).Select(_ => rng.NextDouble() < hiddenShare).ToArray();
        var rows = LedgerFeatureBuilder.Build(net, i => hideYear[i], i => hideMat[i]);
        // A hidden value is unknown to training as well: each model learns only from values left visible.
        var models = LedgerGapModels.Train(rows, seed, threads, iterations);

        var matTest = Enumerable.Range(0, net.Count).Where(i => hideMat[i] && LedgerFeatureBuilder.KnownMaterial(pipes[i]) is not null).ToList();
        var yearTest = Enumerable.Range(0, net.Count).Where(i => hideYear[i] && LedgerFeatureBuilder.KnownYear(pipes[i]) is not null).ToList();

        var majority = rows.Where(r => r.Material != "UNK").GroupBy(r => r.Material).OrderByDescending(g => g.Count()).ThenBy(g => g.Key).First().Key;
        var meanYear = rows.Where(r => !float.IsNaN(r.InstallYear)).Average(r => (double)r.InstallYear);

        var matRows = matTest.Select(i => rows[i]).ToList();
        var predictedMat = models.PredictMaterial(matRows);
        string Truth(int i) => AssetCodes.Code(pipes[i].Material);
        var yearRows = yearTest.Select(i => rows[i]).ToList();
        var predictedYear = models.PredictYear(yearRows);
        double TrueYear(int i) => pipes[i].InstallYear!.Value;
        double NearestYear(int k) => float.IsNaN(yearRows[k].NearestKnownYear) ? meanYear : yearRows[k].NearestKnownYear;

        return new ImputationMetrics
        {
            MaterialTested = matTest.Count,
            MaterialAccuracy = Share(matTest.Select((i, k) => predictedMat[k] == Truth(i))),
            MaterialMajorityAccuracy = Share(matTest.Select(i => Truth(i) == majority)),
            MajorityMaterial = majority,
            MaterialNearestAccuracy = Share(matTest.Select((i, k) => matRows[k].NearestKnownMaterial == Truth(i))),
            YearTested = yearTest.Count,
            YearMaeYears = Mean(yearTest.Select((i, k) => Math.Abs(predictedYear[k] - TrueYear(i)))),
            YearMeanBaselineMaeYears = Mean(yearTest.Select(i => Math.Abs(meanYear - TrueYear(i)))),
            YearNearestMaeYears = Mean(yearTest.Select((i, k) => Math.Abs(NearestYear(k) - TrueYear(i)))),
        };
    }

    private static double Share(IEnumerable<bool> xs) { var a = xs.ToArray(); return a.Length == 0 ? double.NaN : a.Count(x => x) / (double)a.Length; }
    private static double Mean(IEnumerable<double> xs) { var a = xs.ToArray(); return a.Length == 0 ? double.NaN : a.Average(); }
}
