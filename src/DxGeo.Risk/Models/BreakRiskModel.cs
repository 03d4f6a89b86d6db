using DxGeo.Core.Errors;
using DxGeo.Risk.DataModels;
using DxGeo.Risk.Features;
using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers.LightGbm;

namespace DxGeo.Risk.Models;

/// <summary>
/// Probability that a pipe segment breaks within a year: a LightGBM binary classifier over the pipe-year panel,
/// blended geometrically with the empirical-Bayes expectation of <see cref="BreakRatePrior"/> (weight
/// <see cref="BreakRiskTrainingOptions.TreeWeight"/>). Training and prediction are kept apart; the fitted pipeline
/// is saved as an ML.NET zip, the prior and the blend weight beside it.
/// </summary>
public sealed class BreakRiskModel
{
    private readonly MLContext _ml;
    private readonly ITransformer _model;

    private BreakRiskModel(MLContext ml, ITransformer model, BreakRatePrior prior)
    {
        _ml = ml;
        _model = model;
        Prior = prior;
    }

    /// <summary>The class-rate prior the model was trained with; it fills two feature columns of every row it scores.</summary>
    public BreakRatePrior Prior { get; }

    public static BreakRiskModel Train(IReadOnlyList<PipeYearRow> rows, BreakRiskTrainingOptions? options = null)
    {
        var o = options ?? new BreakRiskTrainingOptions();
        if (rows.Count == 0) throw new DxGeoException("no pipe-years to train on: the panel is empty");
        var positives = rows.Count(r => r.Label);
        if (positives == 0 || positives == rows.Count)
            throw new DxGeoException($"cannot train a break model: {positives} of {rows.Count} training pipe-years had a break " +
                "(need some years with and some without breaks)");

        if (o.TreeWeight is < 0 or > 1) throw new DxGeoException($"tree weight {o.TreeWeight} must lie in 0–1");
        var prior = BreakRatePrior.Fit(rows);
        prior.TreeWeight = o.TreeWeight;
        prior.Apply(rows);
        var ml = new MLContext(o.Seed);
        var data = ml.Data.LoadFromEnumerable(rows);
        var pipeline = FeaturePipeline(ml).Append(ml.BinaryClassification.Trainers.LightGbm(new LightGbmBinaryTrainer.Options
        {
            LabelColumnName = nameof(PipeYearRow.Label),
            FeatureColumnName = "Features",
            NumberOfIterations = o.Iterations,
            NumberOfLeaves = o.Leaves,
            LearningRate = o.LearningRate,
            MinimumExampleCountPerLeaf = o.MinRowsPerLeaf,
            Booster = new GradientBooster.Options
            {
                L2Regularization = o.L2Regularization,
                FeatureFraction = o.FeatureFraction,
                SubsampleFraction = o.RowFraction,
                SubsampleFrequency = o.RowFraction < 1 ? 1 : 0,
            },
            NumberOfThreads = o.Threads,
            Seed = o.Seed,
            Silent = true,
        }));
        return new BreakRiskModel(ml, pipeline.Fit(data), prior);
    }

    /// <summary>One-hot categoricals, then every feature of <see cref="FeatureCatalog"/> into one vector.</summary>
    internal static IEstimator<ITransformer> FeaturePipeline(MLContext ml)
    {
        var categorical = FeatureCatalog.Categorical;
        IEstimator<ITransformer> p = ml.Transforms.Categorical.OneHotEncoding(
            categorical.Select(c => new InputOutputColumnPair(c + "OneHot", c)).ToArray());
        var inputs = FeatureCatalog.Numeric.Concat(categorical.Select(c => c + "OneHot")).ToArray();
        return p.Append(ml.Transforms.Concatenate("Features", inputs));
    }

    /// <summary>Break probability for each row, in row order: 1 − exp(−λ) with λ = λ_trees^w × EbExpected^(1−w).</summary>
    public float[] PredictProbability(IReadOnlyList<PipeYearRow> rows)
    {
        var trees = PredictTreeProbability(rows);
        var w = Prior.TreeWeight;
        var probs = new float[trees.Length];
        for (var i = 0; i < probs.Length; i++)
        {
            var logLambda = w * Math.Log(Math.Max(ExpectedBreaks(trees[i]), 1e-9)) + (1 - w) * Math.Log(Math.Max(rows[i].EbExpected, 1e-9));
            probs[i] = (float)(1 - Math.Exp(-Math.Exp(logLambda)));
        }
        return probs;
    }

    /// <summary>The trees' own break probability, before the blend (fills the prior columns of the rows).</summary>
    public float[] PredictTreeProbability(IReadOnlyList<PipeYearRow> rows)
    {
        if (rows.Count == 0) return [];
        Prior.Apply(rows);
        var scored = _model.Transform(_ml.Data.LoadFromEnumerable(rows));
        var probs = scored.GetColumn<float>(nameof(BreakRiskPrediction.Probability)).ToArray();
        for (var i = 0; i < probs.Length; i++)
            if (!float.IsFinite(probs[i])) probs[i] = 0f;
        return probs;
    }

    /// <summary>Writes the ML.NET zip at <paramref name="path"/> and the prior beside it (<c>.prior.json</c>).</summary>
    public void Save(string path)
    {
        var schema = _ml.Data.LoadFromEnumerable(Array.Empty<PipeYearRow>()).Schema;
        _ml.Model.Save(_model, schema, path);
        File.WriteAllText(PriorPath(path), Prior.ToJson());
    }

    public static BreakRiskModel Load(string path)
    {
        if (!File.Exists(path)) throw new DxGeoException($"{path}: no break-risk model here (train one with `dxgeo risk train`)");
        if (!File.Exists(PriorPath(path))) throw new DxGeoException($"{PriorPath(path)}: missing (written beside the model by `dxgeo risk train`)");
        var ml = new MLContext();
        try
        {
            return new BreakRiskModel(ml, ml.Model.Load(path, out _), BreakRatePrior.FromJson(File.ReadAllText(PriorPath(path)), PriorPath(path)));
        }
        catch (Exception e) when (e is InvalidOperationException or FormatException or InvalidDataException or IOException
                                      or System.Text.Json.JsonException)
        {
            throw new DxGeoException($"{path}: not a readable break-risk model ({e.Message})", e);
        }
    }

    private static string PriorPath(string zipPath) => Path.ChangeExtension(zipPath, ".prior.json");

    /// <summary>Expected breaks in the year from the probability, assuming breaks arrive as a Poisson process: λ = −ln(1 − p).</summary>
    public static double ExpectedBreaks(double probability) => -Math.Log(1 - Math.Clamp(probability, 0, 0.999999));
}
