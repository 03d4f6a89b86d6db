using DxGeo.Risk.DataModels;
using DxGeo.Risk.Models;

namespace DxGeo.Risk.Evaluation;

/// <summary>
/// The label-shuffle control: for each held-out year, the outcomes (label and break count) of the training pipe-years
/// are permuted among them, and the whole model is refitted on them: the GLM prior, the year factors, the frailty shape
/// α and the record adjustment (both fitted on how well the record predicts the outcome) and the trees. Features stay as
/// recorded. Everything the model takes from data is thus learned from outcomes that carry no relation to any feature:
/// the empirical-Bayes record term shrinks to nothing (α at its bound), and what remains is the one assumption not
/// learned, that expected breaks grow with length. Scored like the model, held-out years pooled.
/// </summary>
public static class ShuffleControl
{
    public const string Name = "model on shuffled labels";

    /// <summary>The shuffled model's pooled scores of the held-out years (rows in the order of <see cref="TimeSplitEvaluation"/>).</summary>
    public static (RankingMetrics Metrics, RankerScores Scores) Run(IReadOnlyList<PipeYearRow> panel, IReadOnlyList<int> testYears, BreakRiskTrainingOptions training, int seed)
    {
        var rows = new List<PipeYearRow>();
        var probs = new List<double>();
        foreach (var testYear in testYears.Order())
        {
            var train = panel.Where(r => r.Year < testYear).Select(r => r.Clone()).ToList();
            var test = panel.Where(r => r.Year == testYear).Select(r => r.Clone()).ToList();
            var rng = new Random(seed + testYear);
            var outcomes = train.Select(r => (r.Label, r.BreakCount)).OrderBy(_ => rng.Next()).ToArray();
            for (var i = 0; i < train.Count; i++) (train[i].Label, train[i].BreakCount) = outcomes[i];
            var model = BreakRiskModel.Train(train, training);
            probs.AddRange(model.PredictProbability(test).Select(p => (double)p));
            rows.AddRange(test);
        }
        var p = probs.ToArray();
        var perKm = p.Select((x, i) => BreakRiskModel.ExpectedBreaks(x) / (Math.Max(rows[i].LengthM, 1f) / 1000)).ToArray();
        var scores = new RankerScores(Name, p, perKm, p);
        return (RankingMetrics.Evaluate(scores, rows), scores);
    }
}
