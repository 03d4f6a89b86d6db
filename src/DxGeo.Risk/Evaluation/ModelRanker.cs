using DxGeo.Risk.DataModels;
using DxGeo.Risk.Models;

namespace DxGeo.Risk.Evaluation;

/// <summary>The model as a ranking: by probability for counts, by expected breaks per km for length.</summary>
public static class ModelRanker
{
    public const string Name = "model (LightGBM)";

    public static RankerScores Score(BreakRiskModel model, IReadOnlyList<PipeYearRow> rows, string name = Name)
    {
        var p = model.PredictProbability(rows);
        var prob = p.Select(x => (double)x).ToArray();
        var perKm = rows.Select((r, i) => BreakRiskModel.ExpectedBreaks(prob[i]) / (Math.Max(r.LengthM, 1f) / 1000.0)).ToArray();
        return new RankerScores(name, prob, perKm, prob);
    }
}
