using DxGeo.Core.Errors;
using DxGeo.Imagery.Damage.Evaluation;
using DxGeo.Imagery.Damage.Featurizers;
using DxGeo.Imagery.Damage.Head;

namespace DxGeo.Imagery.Damage.Training;

/// <summary>
/// Trains a damage model from labelled tiles: split by source photo, featurize, train each candidate head with every
/// source weighted equally (so a large easy source does not drown a small hard one), pick the threshold on validation
/// so the target recall holds on every source, and report validation and held-out figures per source.
/// Writes <c>model.json</c> + <c>head.zip</c> (and <c>baseline/</c>, the texture model) into the output directory.
/// </summary>
public sealed class DamageTrainer(DamageTrainingOptions options)
{
    public DamageTrainingResult Train(IReadOnlyList<TileSample> samples, SourceSplit split, string outDir,
        IProgress<(long Done, long? Total, string What)>? progress = null, CancellationToken ct = default)
    {
        var parts = split.Apply(samples);
        var train = parts[SplitPart.Train].ToList();
        var val = parts[SplitPart.Validation].ToList();
        var held = parts[SplitPart.Heldout].ToList();
        Require(train, "training");
        Require(val, "validation");
        Directory.CreateDirectory(outDir);

        StageReport? baseline = null;
        (DamageHead Head, StageReport Report)? texture = null;
        if (options.Baseline || options.PrefilterRecall is not null || options.Featurizer == TextureFeaturizer.FeaturizerName)
        {
            using var tf = new TextureFeaturizer();
            texture = TrainStage(tf, [HeadKind.LightGbm], train, val, held, progress, ct);
            baseline = texture.Value.Report;
        }

        DamageHead mainHead;
        StageReport main;
        if (options.Featurizer == TextureFeaturizer.FeaturizerName)
            (mainHead, main) = texture!.Value;
        else
        {
            using var f = FeaturizerFactory.Create(options.Featurizer);
            (mainHead, main) = TrainStage(f, options.HeadKinds, train, val, held, progress, ct);
        }

        var stamp = DateTime.UtcNow.ToString("yyyyMMdd");
        PrefilterManifest? pre = null;
        var preHeld = new List<SourceMetrics>();
        if (options.PrefilterRecall is { } preRecall && options.Featurizer != TextureFeaturizer.FeaturizerName && texture is { } tx)
        {
            var (valScores, valLabels, valSources) = Score(tx.Head, new TextureFeaturizer(), val, progress, ct);
            var preThr = ThresholdSelector.ForRecallOnEverySource(valScores, valLabels, valSources, preRecall);
            tx.Head.Save(Path.Combine(outDir, "prefilter.zip"));
            pre = new PrefilterManifest { Featurizer = TextureFeaturizer.FeaturizerName, HeadKind = HeadKind.LightGbm, HeadFile = "prefilter.zip",
                FeatureDim = new TextureFeaturizer().Dimension, Threshold = preThr };
            preHeld.AddRange(PerSource(tx.Report.HeldoutScores, tx.Report.HeldoutLabels, tx.Report.HeldoutSources, preThr));
        }

        mainHead.Save(Path.Combine(outDir, "head.zip"));
        var manifest = new DamageModelManifest
        {
            ModelId = $"dxgeo-damage-{main.Featurizer}-{main.Head.ToString().ToLowerInvariant()}-{stamp}",
            Featurizer = main.Featurizer, HeadKind = main.Head, FeatureDim = mainHead.Dimension,
            Threshold = main.Threshold, TargetRecall = options.TargetRecall, Tiling = options.Tiling, Prefilter = pre,
        };
        manifest.Write(outDir);

        if (baseline is not null && options.Featurizer != TextureFeaturizer.FeaturizerName)
        {
            var bdir = Path.Combine(outDir, "baseline");
            Directory.CreateDirectory(bdir);
            texture!.Value.Head.Save(Path.Combine(bdir, "head.zip"));
            new DamageModelManifest
            {
                ModelId = $"dxgeo-damage-texture-lightgbm-{stamp}", Featurizer = TextureFeaturizer.FeaturizerName,
                HeadKind = HeadKind.LightGbm, FeatureDim = texture.Value.Head.Dimension, Threshold = baseline.Threshold,
                TargetRecall = options.TargetRecall, Tiling = options.Tiling,
            }.Write(bdir);
        }

        WriteSplit(parts, Path.Combine(outDir, SplitFileName));
        var counts = parts.SelectMany(p => p.GroupBy(s => s.Source).Select(g => new SplitCount(g.Key, p.Key,
            g.Select(s => s.Group).Distinct().Count(), g.Count(s => s.Damaged), g.Count(s => !s.Damaged))))
            .OrderBy(c => c.Source, StringComparer.Ordinal).ThenBy(c => c.Part).ToList();
        return new DamageTrainingResult(manifest, main, options.Featurizer == TextureFeaturizer.FeaturizerName ? null : baseline, counts, held)
        {
            PrefilterHeldout = preHeld,
        };
    }

    private (DamageHead, StageReport) TrainStage(ITileFeaturizer f, IReadOnlyList<HeadKind> kinds, List<TileSample> train,
        List<TileSample> val, List<TileSample> held, IProgress<(long, long?, string)>? progress, CancellationToken ct)
    {
        var ex = new FeatureExtractor(f, options.CacheDir, options.Tiling.InputPx);
        var xs = ex.Extract(train, false, progress, ct).ToList();
        var ys = train.Select(s => s.Damaged).ToList();
        var srcs = train.Select(s => s.Source).ToList();
        if (options.MirrorAugment)
        {
            xs.AddRange(ex.Extract(train, true, progress, ct));
            ys.AddRange(ys.ToList());
            srcs.AddRange(srcs.ToList());
        }
        var w = BalancedWeights(ys, srcs);
        var xv = ex.Extract(val, false, progress, ct);
        var yv = val.Select(s => s.Damaged).ToArray();
        var sv = val.Select(s => s.Source).ToArray();

        (DamageHead Head, HeadKind Kind, double Thr, double Score)? best = null;
        var tried = new List<(string, double)>();
        foreach (var kind in kinds)
        {
            var head = DamageHead.Train(xs, ys, w, kind, options.Seed);
            var pv = head.PredictMany(xv);
            var thr = ThresholdSelector.ForRecallOnEverySource(pv, yv, sv, options.TargetRecall);
            var meanPrecision = PerSource(pv, yv, sv, thr).Average(m => m.Metrics.Precision);
            tried.Add((kind.ToString(), meanPrecision));
            if (best is null || meanPrecision > best.Value.Score) best = (head, kind, thr, meanPrecision);
        }
        var b = best!.Value;
        var valMetrics = PerSource(b.Head.PredictMany(xv), yv, sv, b.Thr);
        var xh = held.Count > 0 ? ex.Extract(held, false, progress, ct) : [];
        var ph = held.Count > 0 ? b.Head.PredictMany(xh) : [];
        var yh = held.Select(s => s.Damaged).ToArray();
        var sh = held.Select(s => s.Source).ToArray();
        var report = new StageReport(f.Name, b.Kind, b.Thr, valMetrics, PerSource(ph, yh, sh, b.Thr),
            BinaryMetrics.Compute(ph, yh, b.Thr), tried)
        {
            HeldoutScores = ph, HeldoutLabels = yh, HeldoutSources = sh,
        };
        return (b.Head, report);
    }

    private (float[], bool[], string[]) Score(DamageHead head, ITileFeaturizer f, List<TileSample> s,
        IProgress<(long, long?, string)>? progress, CancellationToken ct)
    {
        var x = new FeatureExtractor(f, options.CacheDir, options.Tiling.InputPx).Extract(s, false, progress, ct);
        return (head.PredictMany(x), s.Select(t => t.Damaged).ToArray(), s.Select(t => t.Source).ToArray());
    }

    /// <summary>Which part each source photo went to (<c>source,group,part</c>), so anyone can check the split.</summary>
    public const string SplitFileName = "split.csv";

    private static void WriteSplit(ILookup<SplitPart, TileSample> parts, string path)
    {
        var rows = parts.SelectMany(p => p.Select(s => (s.Source, s.Group, Part: p.Key))).Distinct()
            .OrderBy(r => r.Source, StringComparer.Ordinal).ThenBy(r => r.Group, StringComparer.Ordinal)
            .Select(r => $"{r.Source},{r.Group},{r.Part.ToString().ToLowerInvariant()}");
        File.WriteAllLines(path, ["source,group,part", .. rows]);
    }

    /// <summary>Each source carries the same total weight, split equally between its damaged and undamaged tiles.</summary>
    internal static float[] BalancedWeights(IReadOnlyList<bool> labels, IReadOnlyList<string> sources)
    {
        var counts = Enumerable.Range(0, labels.Count).GroupBy(i => (sources[i], labels[i])).ToDictionary(g => g.Key, g => g.Count());
        var cells = counts.Count;
        return Enumerable.Range(0, labels.Count)
            .Select(i => (float)(labels.Count / (double)cells / counts[(sources[i], labels[i])])).ToArray();
    }

    internal static IReadOnlyList<SourceMetrics> PerSource(IReadOnlyList<float> scores, IReadOnlyList<bool> labels,
        IReadOnlyList<string> sources, double threshold) =>
        Enumerable.Range(0, scores.Count).GroupBy(i => sources[i]).OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new SourceMetrics(g.Key, BinaryMetrics.Compute(g.Select(i => scores[i]).ToArray(), g.Select(i => labels[i]).ToArray(), threshold)))
            .ToList();

    private static void Require(List<TileSample> part, string name)
    {
        if (part.Count(s => s.Damaged) == 0 || part.Count(s => !s.Damaged) == 0)
            throw new DxGeoException($"the {name} split needs both damaged and undamaged tiles (add more labelled photos)");
    }
}
