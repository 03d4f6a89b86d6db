using DxGeo.Risk.DataModels;
using DxGeo.Risk.Models;

namespace DxGeo.Risk.Evaluation;

/// <summary>
/// The label-shuffle control: for each held-out year, the outcomes (label and break count) of the training pipe-years
/// are permuted among them and nothing else is recomputed. Every feature, the break history included, stays as
/// recorded; prior and trees are refitted on the permuted outcomes, so they learn no attribute effect. What the
/// shuffled model can still rank with is the record itself (past breaks over length-proportional exposure), so it should
/// land near the past-breaks baseline and clearly below the real model. Scored like the model, held-out years pooled.
/// </summary>
public static class ShuffleControl
{
    public const string Name = "model on shuffled labels";

    public static RankingMetrics Run(IReadOnlyList<PipeYearRow> panel, IReadOnlyList<int> testYears, BreakRiskTrainingOptions training, int seed)
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
        return RankingMetrics.Evaluate(new RankerScores(Name, p, perKm, p), rows);
    }
}
