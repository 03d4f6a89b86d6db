using DxGeo.Risk.DataModels;
using DxGeo.Risk.Features;
using DxGeo.Risk.Models;

namespace DxGeo.Risk.Scoring;

/// <summary>One pipe's predicted risk for <see cref="Year"/>.</summary>
/// <param name="BreakProbability">Probability of at least one break in the year.</param>
/// <param name="ExpectedBreaks">Expected breaks in the year, −ln(1 − p).</param>
/// <param name="ExpectedBreaksPerKm">The same per km of pipe.</param>
public sealed record PipeRiskScore(string PipeId, int Year, double BreakProbability, double ExpectedBreaks, double ExpectedBreaksPerKm);

/// <summary>Scores every in-service pipe for a year, from what is known on 1 January of that year.</summary>
public static class RiskScorer
{
    /// <summary>Scores for <paramref name="year"/> (default: the year after the break record ends).</summary>
    public static IReadOnlyList<PipeRiskScore> Score(PipeProfileSet set, BreakRiskModel model, int? year = null)
    {
        var y = year ?? set.Window.NextYear;
        var pipes = set.Profiles.Where(p => p.InService).ToList();
        var rows = pipes.Select(p => PipeYearPanelBuilder.Row(p, set.Window, y)).ToList();
        var prob = model.PredictProbability(rows);
        return pipes.Select((p, i) => Make(p, y, prob[i])).ToArray();
    }

    /// <summary>
    /// Expected breaks per pipe for each of <paramref name="years"/> years from <paramref name="firstYear"/>, if nothing
    /// is renewed: the features as of <paramref name="firstYear"/> with the pipe <paramref name="years"/> older each year
    /// (the future's breaks are unknown, so the history features stay as they are).
    /// </summary>
    public static double[][] Horizon(PipeProfileSet set, BreakRiskModel model, IReadOnlyList<PipeProfile> pipes, int firstYear, int years)
    {
        var result = pipes.Select(_ => new double[years]).ToArray();
        for (var k = 0; k < years; k++)
        {
            var rows = pipes.Select(p => Aged(PipeYearPanelBuilder.Row(p, set.Window, firstYear), k)).ToList();
            var prob = model.PredictProbability(rows);
            for (var i = 0; i < pipes.Count; i++) result[i][k] = BreakRiskModel.ExpectedBreaks(prob[i]);
        }
        return result;
    }

    private static PipeYearRow Aged(PipeYearRow r, int years)
    {
        if (!float.IsNaN(r.AgeYears)) r.AgeYears += years;
        return r;
    }

    private static PipeRiskScore Make(PipeProfile p, int year, float probability)
    {
        var lambda = BreakRiskModel.ExpectedBreaks(probability);
        return new PipeRiskScore(p.PipeId, year, probability, lambda, lambda / (Math.Max(p.LengthM, 1) / 1000));
    }
}
