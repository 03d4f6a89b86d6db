using DxGeo.Core.Errors;
using DxGeo.Risk.DataModels;
using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers.LightGbm;

namespace DxGeo.Risk.Models.Imputation;

/// <summary>
/// The two ledger-gap models: material (LightGBM multiclass) and install year (LightGBM regression), both from
/// <see cref="LedgerRow"/> features. Trained on pipes whose value is recorded; applied only where it is missing.
/// </summary>
public sealed class LedgerGapModels
{
    private readonly MLContext _ml;
    private readonly ITransformer _material;
    private readonly ITransformer _year;

    private LedgerGapModels(MLContext ml, ITransformer material, ITransformer year)
    {
        _ml = ml;
        _material = material;
        _year = year;
    }

    public static LedgerGapModels Train(IReadOnlyList<LedgerRow> rows, int seed = 1, int threads = 2, int iterations = 150)
    {
        var withMaterial = rows.Where(r => r.Material != "UNK").ToList();
        var withYear = rows.Where(r => !float.IsNaN(r.InstallYear)).ToList();
        if (withMaterial.Select(r => r.Material).Distinct().Count() < 2)
            throw new DxGeoException($"cannot learn materials: {withMaterial.Count} pipes have a recorded material, of fewer than two kinds");
        if (withYear.Count < 10)
            throw new DxGeoException($"cannot learn install years: only {withYear.Count} pipes have a recorded install year");

        var ml = new MLContext(seed);
        var materialPipeline = ml.Transforms.Conversion.MapValueToKey("Label", nameof(LedgerRow.Material))
            .Append(Features(ml, forMaterial: true))
            .Append(ml.MulticlassClassification.Trainers.LightGbm(new LightGbmMulticlassTrainer.Options
            {
                LabelColumnName = "Label", FeatureColumnName = "Features", NumberOfIterations = iterations, NumberOfLeaves = 15,
                MinimumExampleCountPerLeaf = 10, LearningRate = 0.08, NumberOfThreads = threads, Seed = seed, Silent = true,
            }))
            .Append(ml.Transforms.Conversion.MapKeyToValue("PredictedMaterial", "PredictedLabel"));
        var yearPipeline = ml.Transforms.CopyColumns("Label", nameof(LedgerRow.InstallYear))
            .Append(Features(ml, forMaterial: false))
            .Append(ml.Regression.Trainers.LightGbm(new LightGbmRegressionTrainer.Options
            {
                LabelColumnName = "Label", FeatureColumnName = "Features", NumberOfIterations = iterations, NumberOfLeaves = 15,
                MinimumExampleCountPerLeaf = 10, LearningRate = 0.08, NumberOfThreads = threads, Seed = seed, Silent = true,
            }));
        var material = materialPipeline.Fit(ml.Data.LoadFromEnumerable(withMaterial));
        var year = yearPipeline.Fit(ml.Data.LoadFromEnumerable(withYear));
        return new LedgerGapModels(ml, material, year);
    }

    /// <summary>The feature vector; each model sees the other target (when recorded) but never its own.</summary>
    private static IEstimator<ITransformer> Features(MLContext ml, bool forMaterial)
    {
        var categorical = new List<string> { nameof(LedgerRow.NearestKnownMaterial), nameof(LedgerRow.District), nameof(LedgerRow.PressureZone), nameof(LedgerRow.RoadClass) };
        var numeric = new List<string>
        {
            nameof(LedgerRow.DiameterMm), nameof(LedgerRow.LogLengthM), nameof(LedgerRow.XKm), nameof(LedgerRow.YKm),
            nameof(LedgerRow.TouchingCount), nameof(LedgerRow.TouchingYearMean), nameof(LedgerRow.TouchingMaterialShare),
            nameof(LedgerRow.NearbyCount), nameof(LedgerRow.NearbyYearMean), nameof(LedgerRow.NearbyYearSpread),
            nameof(LedgerRow.NearbyMaterialShare), nameof(LedgerRow.NearestKnownYear),
        };
        if (forMaterial) numeric.Add(nameof(LedgerRow.OwnYearIfKnown));
        else categorical.Add(nameof(LedgerRow.OwnMaterialIfKnown));
        return ml.Transforms.Categorical.OneHotEncoding(categorical.Select(c => new InputOutputColumnPair(c + "OneHot", c)).ToArray())
            .Append(ml.Transforms.Concatenate("Features", numeric.Concat(categorical.Select(c => c + "OneHot")).ToArray()));
    }

    /// <summary>Predicted material code per row.</summary>
    public string[] PredictMaterial(IReadOnlyList<LedgerRow> rows) => rows.Count == 0 ? []
        : _material.Transform(_ml.Data.LoadFromEnumerable(rows)).GetColumn<ReadOnlyMemory<char>>("PredictedMaterial")
            .Select(m => m.ToString()).ToArray();

    /// <summary>Predicted install year per row (rounded to a whole year).</summary>
    public int[] PredictYear(IReadOnlyList<LedgerRow> rows) => rows.Count == 0 ? []
        : _year.Transform(_ml.Data.LoadFromEnumerable(rows)).GetColumn<float>("Score")
            .Select(y => (int)Math.Round(float.IsFinite(y) ? y : 1980)).ToArray();

    public void Save(string materialZip, string yearZip)
    {
        var schema = _ml.Data.LoadFromEnumerable(Array.Empty<LedgerRow>()).Schema;
        _ml.Model.Save(_material, schema, materialZip);
        _ml.Model.Save(_year, schema, yearZip);
    }

    public static LedgerGapModels Load(string materialZip, string yearZip)
    {
        foreach (var p in new[] { materialZip, yearZip })
            if (!File.Exists(p)) throw new DxGeoException($"{p}: no ledger-gap model here (train with `dxgeo risk train`)");
        var ml = new MLContext();
        return new LedgerGapModels(ml, ml.Model.Load(materialZip, out _), ml.Model.Load(yearZip, out _));
    }
}
