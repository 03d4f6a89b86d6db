using System.Text.Json;
using DxGeo.Core.Errors;
using DxGeo.Risk.DataModels;
using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers;

namespace DxGeo.Risk.Models;

/// <summary>
/// Stage one of the break model, the utilities' traditional statistical model: a Poisson regression of yearly
/// breaks on the segment's attributes only (material, age, diameter, length, soil, flood, road), never its history.
/// Its expectation μ becomes <see cref="PipeYearRow.PriorExpected"/>; combined with the segment's own record by
/// empirical Bayes it becomes <see cref="PipeYearRow.EbExpected"/> = μ (α + n) / (α + μE), where n is the
/// segment's past breaks over E years and α the gamma shape of segment-to-segment frailty (method of moments).
/// Trees alone need many splits to form this product of a rate and a history ratio; given it, they refine it.
/// </summary>
public sealed class BreakRatePrior
{
    private readonly MLContext _ml;
    private readonly ITransformer _glm;

    private BreakRatePrior(MLContext ml, ITransformer glm, double frailtyShape)
    {
        _ml = ml;
        _glm = glm;
        FrailtyShape = frailtyShape;
    }

    /// <summary>Gamma shape of the segment frailty: small means segments alike on paper differ a lot in practice.</summary>
    public double FrailtyShape { get; }

    public static BreakRatePrior Fit(IReadOnlyList<PipeYearRow> training, int seed)
    {
        var ml = new MLContext(seed);
        var pipeline = ml.Transforms.ReplaceMissingValues(
            [new("AgeFilled", nameof(PipeYearRow.AgeYears)), new("CorrFilled", nameof(PipeYearRow.CorrosivityScore)),
             new("HighCorrFilled", nameof(PipeYearRow.HighCorrosivityShare)), new("DiameterFilled", nameof(PipeYearRow.DiameterMm))])
            .Append(ml.Transforms.Expression("AgeSquared", "a : a * a / 100", "AgeFilled"))
            .Append(ml.Transforms.Expression("LogDiameter", "d : log(max(d, 10))", "DiameterFilled"))
            .Append(ml.Transforms.Categorical.OneHotEncoding(
                [new("MaterialGlm", nameof(PipeYearRow.Material)), new("SoilGlm", nameof(PipeYearRow.SoilClass)),
                 new("RoadGlm", nameof(PipeYearRow.RoadClass))]))
            .Append(ml.Transforms.Concatenate("GlmFeatures", "AgeFilled", "AgeSquared", nameof(PipeYearRow.InstallYearMissing),
                "LogDiameter", nameof(PipeYearRow.LogLengthM), "CorrFilled", "HighCorrFilled", nameof(PipeYearRow.FloodDepthMean),
                nameof(PipeYearRow.FloodDepthMax), "MaterialGlm", "SoilGlm", "RoadGlm"))
            .Append(ml.Transforms.NormalizeMeanVariance("GlmFeatures"))
            .Append(ml.Regression.Trainers.LbfgsPoissonRegression(new LbfgsPoissonRegressionTrainer.Options
            {
                LabelColumnName = nameof(PipeYearRow.BreakCount), FeatureColumnName = "GlmFeatures",
                L2Regularization = 0.1f, NumberOfThreads = 1,
            }));
        var glm = pipeline.Fit(ml.Data.LoadFromEnumerable(training));
        var prior = new BreakRatePrior(ml, glm, 1);
        return new BreakRatePrior(ml, glm, prior.FitShape(training));
    }

    /// <summary>Expected breaks per year for each row from its attributes.</summary>
    private float[] Expected(IReadOnlyList<PipeYearRow> rows)
    {
        var mu = _glm.Transform(_ml.Data.LoadFromEnumerable(rows)).GetColumn<float>("Score").ToArray();
        for (var i = 0; i < mu.Length; i++)
            mu[i] = float.IsFinite(mu[i]) ? Math.Clamp(mu[i], 1e-6f, 50f) : 1e-6f;
        return mu;
    }

    private static double Exposure(PipeYearRow r) =>
        Math.Max(0, float.IsNaN(r.AgeYears) ? r.HistoryYears : Math.Min(r.HistoryYears, r.AgeYears));

    /// <summary>Method of moments on the latest training year: Var(n) = H + H²/α for past counts n with expectation H.</summary>
    private double FitShape(IReadOnlyList<PipeYearRow> training)
    {
        var lastYear = training.Max(r => r.Year);
        var latest = training.Where(r => r.Year == lastYear).ToList();
        var mu = Expected(latest);
        double sumH2 = 0, sumExcess = 0;
        for (var i = 0; i < latest.Count; i++)
        {
            var h = mu[i] * Exposure(latest[i]);
            var n = latest[i].OwnBreaksAll;
            sumH2 += h * h;
            sumExcess += (n - h) * (n - h) - n;
        }
        return sumExcess <= 0 ? 50 : Math.Clamp(sumH2 / sumExcess, 0.05, 50);
    }

    /// <summary>Fills <see cref="PipeYearRow.PriorExpected"/> and <see cref="PipeYearRow.EbExpected"/> (they depend only on this prior and the row).</summary>
    public void Apply(IReadOnlyList<PipeYearRow> rows)
    {
        if (rows.Count == 0) return;
        var mu = Expected(rows);
        for (var i = 0; i < rows.Count; i++)
        {
            var r = rows[i];
            var h = mu[i] * Exposure(r);
            r.PriorExpected = mu[i];
            r.EbExpected = (float)(mu[i] * (FrailtyShape + r.OwnBreaksAll) / (FrailtyShape + h));
        }
    }

    public void Save(string zipPath)
    {
        _ml.Model.Save(_glm, _ml.Data.LoadFromEnumerable(Array.Empty<PipeYearRow>()).Schema, zipPath);
        File.WriteAllText(Path.ChangeExtension(zipPath, ".json"), JsonSerializer.Serialize(new { FrailtyShape }));
    }

    public static BreakRatePrior Load(string zipPath)
    {
        var json = Path.ChangeExtension(zipPath, ".json");
        if (!File.Exists(zipPath) || !File.Exists(json))
            throw new DxGeoException($"{zipPath}: break-rate prior missing (saved beside the model by `dxgeo risk train`)");
        var ml = new MLContext();
        using var doc = JsonDocument.Parse(File.ReadAllText(json));
        return new BreakRatePrior(ml, ml.Model.Load(zipPath, out _), doc.RootElement.GetProperty("FrailtyShape").GetDouble());
    }
}
