using DxGeo.Core.Errors;
using DxGeo.Imagery.Damage.Evaluation;
using DxGeo.Imagery.Damage.Featurizers;
using DxGeo.Imagery.Damage.Head;

namespace DxGeo.Imagery.Damage.Training;

/// <summary>
/// Trains a damage model from labelled tiles: split by source photo (held-out photos are set aside and never used to
/// choose anything), featurize, and for every stage run a grouped k-fold over the remaining photos (grouped by source
/// photo, never by tile): each candidate head is trained k times with every source weighted equally, the out-of-fold
/// scores give the threshold (per source and per fold of each source the highest keeping the target recall, then the
/// lowest of those: the target must hold on every set of unseen photos) and pick the
/// head; the final head is trained on all non-held-out photos. Writes <c>model.json</c> + <c>head.zip</c> (and
/// <c>prefilter.zip</c>, the first pass, and <c>baseline/</c>, the texture model) into the output directory.
/// </summary>
public sealed class DamageTrainer(DamageTrainingOptions options)
{
    public DamageTrainingResult Train(IReadOnlyList<TileSample> samples, SourceSplit split, string outDir,
        IProgress<(long Done, long? Total, string What)>? progress = null, CancellationToken ct = default)
    {
        var parts = split.Apply(samples);
        // Train and validation photos form one pool: validation of a few photos per source gave unstable thresholds.
        var pool = parts[SplitPart.Train].Concat(parts[SplitPart.Validation]).ToList();
        var held = parts[SplitPart.Heldout].ToList();
        Require(pool, "training");
        Directory.CreateDirectory(outDir);
        var folds = GroupedFolds.Assign(pool, options.Folds);

        StageReport? baseline = null;
        (DamageHead Head, StageReport Report)? texture = null;
        if (options.Baseline || options.Featurizer == TextureFeaturizer.FeaturizerName)
        {
            using var tf = new TextureFeaturizer();
            texture = TrainStage(tf, [HeadKind.LightGbm], pool, folds, held, progress, ct);
            baseline = texture.Value.Report;
        }

        // The first pass is fixed before the main head so the main threshold is chosen on what the cascade lets through.
        var stamp = DateTime.UtcNow.ToString("yyyyMMdd");
        Gate? gate = null;
        PrefilterManifest? pre = null;
        var preHeld = new List<SourceMetrics>();
        if (options.PrefilterRecall is { } preRecall && options.Featurizer != TextureFeaturizer.FeaturizerName)
        {
            using var pf = FeaturizerFactory.Create(options.PrefilterFeaturizer);
            var (preHead, r) = TrainStage(pf, options.HeadKinds, pool, folds, held, progress, ct, targetRecall: preRecall);
            preHead.Save(Path.Combine(outDir, "prefilter.zip"));
            pre = new PrefilterManifest { Featurizer = pf.Name, HeadKind = r.Head, HeadFile = "prefilter.zip",
                FeatureDim = preHead.Dimension, Threshold = r.Threshold, MaxTilesPerPhoto = options.NetworkTilesPerPhoto };
            preHeld.AddRange(r.Heldout);
            gate = new Gate(r.ValidationScores, r.HeldoutScores, r.Threshold);
        }

        DamageHead mainHead;
        StageReport main;
        if (options.Featurizer == TextureFeaturizer.FeaturizerName)
            (mainHead, main) = texture!.Value;
        else
        {
            using var f = FeaturizerFactory.Create(options.Featurizer);
            (mainHead, main) = TrainStage(f, options.HeadKinds, pool, folds, held, progress, ct, gate);
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
            PrefilterHeldout = preHeld, PrefilterThreshold = pre?.Threshold,
        };
    }

    /// <summary>First-pass scores of the pool (out of fold) and held-out tiles: a tile below the threshold never reaches the head.</summary>
    private sealed record Gate(IReadOnlyList<float> Pool, IReadOnlyList<float> Heldout, double Threshold)
    {
        /// <summary>The cascade's score, as <see cref="DamageScorer"/> computes it (a stopped tile maps below the main threshold).</summary>
        public float[] Apply(float[] main, IReadOnlyList<float> pre, double mainThreshold) =>
            main.Select((m, i) => pre[i] >= Threshold ? m : (float)(mainThreshold * 0.999 * pre[i])).ToArray();
    }

    private (DamageHead, StageReport) TrainStage(ITileFeaturizer f, IReadOnlyList<HeadKind> kinds, List<TileSample> pool, int[] folds,
        List<TileSample> held, IProgress<(long, long?, string)>? progress, CancellationToken ct, Gate? gate = null, double? targetRecall = null)
    {
        var target = targetRecall ?? options.TargetRecall;
        var ex = new FeatureExtractor(f, options.CacheDir);
        var xs = ex.Extract(pool, false, progress, ct);
        var xm = options.MirrorAugment ? ex.Extract(pool, true, progress, ct) : null;
        var ys = pool.Select(s => s.Damaged).ToArray();
        var srcs = pool.Select(s => s.Source).ToArray();

        (HeadKind Kind, float[] Oof, double Thr, double Score)? best = null;
        var tried = new List<(string, double)>();
        foreach (var kind in kinds)
        {
            var oof = new float[pool.Count];
            for (var k = 0; k < options.Folds; k++)
            {
                ct.ThrowIfCancellationRequested();
                var fit = Enumerable.Range(0, pool.Count).Where(i => folds[i] != k).ToArray();
                var test = Enumerable.Range(0, pool.Count).Where(i => folds[i] == k).ToArray();
                if (test.Length == 0) continue;
                var head = Fit(xs, xm, ys, srcs, fit, kind);
                var p = head.PredictMany(test.Select(i => xs[i]).ToList());
                for (var j = 0; j < test.Length; j++) oof[test[j]] = p[j];
                progress?.Report((k + 1, options.Folds, $"{f.Name} {kind} fold"));
            }
            var pv = gate is null ? oof : gate.Apply(oof, gate.Pool, 0); // stopped tiles score 0 while the threshold is unknown
            var thr = ThresholdSelector.ForRecallOnEveryFold(pv, ys, srcs, folds, target);
            var meanPrecision = PerSource(pv, ys, srcs, thr).Average(m => m.Metrics.Precision);
            tried.Add((kind.ToString(), meanPrecision));
            if (best is null || meanPrecision > best.Value.Score) best = (kind, oof, thr, meanPrecision);
        }
        var b = best!.Value;
        var final = Fit(xs, xm, ys, srcs, Enumerable.Range(0, pool.Count).ToArray(), b.Kind);
        var pvb = gate is null ? b.Oof : gate.Apply(b.Oof, gate.Pool, b.Thr);
        var oofMetrics = PerSource(pvb, ys, srcs, b.Thr);
        var xh = held.Count > 0 ? ex.Extract(held, false, progress, ct) : [];
        var ph = held.Count > 0 ? final.PredictMany(xh) : [];
        if (gate is not null && held.Count > 0) ph = gate.Apply(ph, gate.Heldout, b.Thr);
        var yh = held.Select(s => s.Damaged).ToArray();
        var sh = held.Select(s => s.Source).ToArray();
        var report = new StageReport(f.Name, b.Kind, b.Thr, oofMetrics, PerSource(ph, yh, sh, b.Thr),
            BinaryMetrics.Compute(ph, yh, b.Thr), tried)
        {
            HeldoutScores = ph, HeldoutLabels = yh, HeldoutSources = sh, ValidationScores = pvb,
        };
        return (final, report);
    }

    /// <summary>A head on the given pool rows (and their mirrored copies when augmenting), every source weighted equally.</summary>
    private DamageHead Fit(IReadOnlyList<float[]> xs, IReadOnlyList<float[]>? xm, bool[] ys, string[] srcs, int[] rows, HeadKind kind)
    {
        var x = rows.Select(i => xs[i]).ToList();
        var y = rows.Select(i => ys[i]).ToList();
        var s = rows.Select(i => srcs[i]).ToList();
        if (xm is not null)
        {
            x.AddRange(rows.Select(i => xm[i]));
            y.AddRange(rows.Select(i => ys[i]));
            s.AddRange(rows.Select(i => srcs[i]));
        }
        return DamageHead.Train(x, y, BalancedWeights(y, s), kind, options.Seed);
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
