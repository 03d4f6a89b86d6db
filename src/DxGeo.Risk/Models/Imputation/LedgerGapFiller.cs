using DxGeo.Core.Assets;
using DxGeo.Risk.Features;
using DxGeo.Risk.Features.Internal;
using DxGeo.Risk.Storage;

namespace DxGeo.Risk.Models.Imputation;

/// <summary>A filled ledger gap: the value to write and flag as imputed (null: that field was recorded, leave it).</summary>
public sealed record LedgerFill(string PipeId, PipeMaterial? Material, int? InstallYear);

/// <summary>
/// Fills missing materials and install years with the ledger-gap models. Only gaps are filled: a recorded value
/// is never replaced; a value imputed earlier counts as a gap and may be refreshed.
/// </summary>
public static class LedgerGapFiller
{
    public static IReadOnlyList<LedgerFill> Fill(RiskInputs inputs, LedgerGapModels models)
    {
        var net = new MetricNetwork(inputs.Pipes);
        var rows = LedgerFeatureBuilder.Build(net);
        var gaps = Enumerable.Range(0, net.Count)
            .Where(i => LedgerFeatureBuilder.KnownMaterial(inputs.Pipes[i]) is null || LedgerFeatureBuilder.KnownYear(inputs.Pipes[i]) is null)
            .ToList();
        var gapRows = gaps.Select(i => rows[i]).ToList();
        var materials = models.PredictMaterial(gapRows);
        var years = models.PredictYear(gapRows);
        var fills = new List<LedgerFill>(gaps.Count);
        for (var k = 0; k < gaps.Count; k++)
        {
            var p = inputs.Pipes[gaps[k]];
            PipeMaterial? m = LedgerFeatureBuilder.KnownMaterial(p) is null && AssetCodes.TryParseMaterial(materials[k], out var parsed) ? parsed : null;
            int? y = LedgerFeatureBuilder.KnownYear(p) is null ? years[k] : null;
            if (m is not null || y is not null) fills.Add(new LedgerFill(p.PipeId, m, y));
        }
        return fills;
    }

    /// <summary>
    /// The inputs as the break model sees them: every ledger gap filled in memory and flagged (nothing is written).
    /// Training and scoring both go through this, so a pipe whose material is missing is scored as the material the
    /// ledger model expects rather than as "UNK" (validation years 2020–2022 of the sample town: capture at 10 %
    /// 0.48 → 0.50).
    /// </summary>
    public static RiskInputs Complete(RiskInputs inputs, LedgerGapModels models) =>
        inputs with { Pipes = Apply(inputs.Pipes, Fill(inputs, models)) };

    /// <summary>The pipes with the fills applied and flagged (for scoring right after imputing, without a round trip to the store).</summary>
    public static IReadOnlyList<WaterPipe> Apply(IReadOnlyList<WaterPipe> pipes, IReadOnlyList<LedgerFill> fills)
    {
        var byId = fills.ToDictionary(f => f.PipeId);
        return pipes.Select(p => byId.TryGetValue(p.PipeId, out var f)
            ? p with
            {
                Material = f.Material ?? p.Material, MaterialImputed = f.Material is not null || p.MaterialImputed,
                InstallYear = f.InstallYear ?? p.InstallYear, InstallYearImputed = f.InstallYear is not null || p.InstallYearImputed,
            }
            : p).ToList();
    }
}
