using DxGeo.Core.Errors;
using DxGeo.Imagery.Damage.Featurizers;
using DxGeo.Imagery.Damage.Head;

namespace DxGeo.Imagery.Damage;

/// <summary>Loads a damage model directory (<c>model.json</c> + head zip(s)) as a ready scorer.</summary>
public static class DamageModel
{
    /// <summary>The model shipped with DxGeo, relative to the repository root.</summary>
    public const string DefaultDir = "models/damage";

    public static IDamageScorer Load(string modelDir) => LoadScorer(modelDir);

    /// <summary>Same as <see cref="Load"/>, typed for callers that need tile-level access (evaluation, benchmarks).</summary>
    /// <param name="usePrefilter">false runs the network on every tile.</param>
    /// <param name="maxNetworkTilesPerPhoto">Overrides the manifest's per-photo network budget (0 = no limit).</param>
    public static DamageScorer LoadScorer(string modelDir, bool usePrefilter = true, int? maxNetworkTilesPerPhoto = null)
    {
        var m = DamageModelManifest.Read(modelDir);
        var main = LoadStage(modelDir, m.Featurizer, m.HeadFile, m.FeatureDim);
        DamageScorer.Stage? pre = null;
        if (usePrefilter && m.Prefilter is { } p)
            pre = LoadStage(modelDir, p.Featurizer, p.HeadFile, p.FeatureDim) with { Threshold = p.Threshold };
        return new DamageScorer(m, main with { Threshold = m.Threshold }, pre, maxNetworkTilesPerPhoto ?? m.Prefilter?.MaxTilesPerPhoto ?? 0);
    }

    private static DamageScorer.Stage LoadStage(string dir, string featurizer, string headFile, int dim)
    {
        var path = Path.Combine(dir, headFile);
        if (!File.Exists(path)) throw new InputDataException("model head file missing", path);
        var f = FeaturizerFactory.Create(featurizer);
        if (f.Dimension != dim)
            throw new InputDataException($"featurizer '{featurizer}' gives {f.Dimension} features but the head expects {dim}",
                Path.Combine(dir, DamageModelManifest.FileName), field: "featureDim");
        return new DamageScorer.Stage(f, DamageHead.Load(path, dim), 0);
    }
}
