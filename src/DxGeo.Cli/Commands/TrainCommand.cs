using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using DxGeo.Core.Errors;
using DxGeo.Imagery.Damage.Card;
using DxGeo.Imagery.Damage.Featurizers;
using DxGeo.Imagery.Damage.Training;
using DxGeo.Imagery.Damage.Training.Sources;

namespace DxGeo.Cli.Commands;

/// <summary><c>dxgeo train damage</c>: train the damage model from labelled photos/tiles or from the shared crack data sets.</summary>
internal static class TrainCommand
{
    private static readonly CultureInfo C = CultureInfo.InvariantCulture;

    public static Command Build(CliContext ctx)
    {
        var cmd = new Command("train", "Train models from labelled data");
        cmd.Subcommands.Add(Damage(ctx));
        return cmd;
    }

    private static Command Damage(CliContext ctx)
    {
        var images = new Option<string?>("--images") { Description = "Folder of labelled photos or tiles (labels.csv inside unless --labels)" };
        var labels = new Option<string?>("--labels") { Description = "Labels CSV: header path,damaged[,type][,mask][,source][,group]; paths relative to the CSV" };
        var shared = new Option<string?>("--shared-datasets") { Description = "Train from the shared crack data sets folder (ozgenel-concrete, quaywall-drone, masonry-cracks, uav75) instead" };
        var output = new Option<string>("--out") { Description = "Model folder to write", DefaultValueFactory = _ => Path.Combine("models", "damage") };
        var featurizer = new Option<string>("--featurizer") { Description = "resnet18 (pretrained network) or texture (dependency-free baseline)", DefaultValueFactory = _ => ResNet18Featurizer.FeaturizerName };
        var recall = new Option<double>("--target-recall") { Description = "Recall the threshold must keep on every source (out-of-fold over the non-held-out photos)", DefaultValueFactory = _ => 0.95 };
        var cache = new Option<string?>("--cache") { Description = "Feature cache folder (speeds up retraining; default ~/.cache/dxgeo/damage-features)" };
        var heldout = new Option<string?>("--export-heldout") { Description = "Also copy a sample of each source's held-out tiles here (labels.csv per source) and score it for the card" };
        var mirror = new Option<bool>("--mirror") { Description = "Also train on mirrored training tiles (augmentation; doubles featurizing time)" };
        var budget = new Option<int>("--network-tiles") { Description = "Most tiles per photo the first pass sends to the network, written into the model (0 = every candidate; 12 scores ≥ 2 photos/s of 12 MP on 2 cores; the card gives each budget's photo-level recall)", DefaultValueFactory = _ => DamageTrainingOptions.DefaultNetworkTilesPerPhoto };
        var firstPass = new Option<string>("--first-pass") { Description = $"First-pass featurizer of the cascade: {ResNet18PreviewFeaturizer.FeaturizerName} (ResNet18 cut after stage 3, on 64-px previews) or {PreviewFeaturizer.FeaturizerName} (texture statistics)", DefaultValueFactory = _ => ResNet18PreviewFeaturizer.FeaturizerName };
        var perSource = new Option<int>("--heldout-per-source") { Description = "Held-out tiles per source and class to export", DefaultValueFactory = _ => 25 };
        var cmd = new Command("damage", "Train the damage model (featurizer + ML.NET head), choose its threshold for the target recall on every source, write model and card")
            { images, labels, shared, output, featurizer, recall, cache, heldout, perSource, mirror, budget, firstPass };
        cmd.SetAction(p =>
        {
            var sw = Stopwatch.StartNew();
            var f = p.GetValue(featurizer)!;
            if (!FeaturizerFactory.Names.Contains(f)) throw new DxGeoException($"--featurizer must be one of {string.Join(", ", FeaturizerFactory.Names)} (got '{f}')");
            var r = p.GetValue(recall);
            if (r is <= 0 or > 1) throw new DxGeoException($"--target-recall must be in (0, 1] (got {r.ToString(C)})");
            var fp = p.GetValue(firstPass)!;
            if (fp is not (ResNet18PreviewFeaturizer.FeaturizerName or PreviewFeaturizer.FeaturizerName))
                throw new DxGeoException($"--first-pass must be {ResNet18PreviewFeaturizer.FeaturizerName} or {PreviewFeaturizer.FeaturizerName} (got '{fp}')");
            var (samples, split, setsUsed) = Load(p.GetValue(images), p.GetValue(labels), p.GetValue(shared));
            var opts = new DamageTrainingOptions
            {
                Featurizer = f, TargetRecall = r, MirrorAugment = p.GetValue(mirror), NetworkTilesPerPhoto = p.GetValue(budget), PrefilterFeaturizer = fp,
                CacheDir = p.GetValue(cache) ?? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".cache", "dxgeo", "damage-features"),
            };
            var outDir = p.GetValue(output)!;
            var result = new DamageTrainer(opts).Train(samples, split, outDir, ctx.Progress("train damage"));
            HeldoutSampleReport? sample = null;
            IReadOnlyList<PhotoBudgetReport.Row>? photos = null;
            if (p.GetValue(heldout) is { } hdir)
            {
                var exported = HeldoutExporter.Export(result.Heldout, hdir, p.GetValue(perSource));
                sample = HeldoutSampleReport.Score(outDir, hdir, exported);
                if (result.Manifest.Prefilter is { } pre)
                {
                    var scratch = Path.Combine(Path.GetTempPath(), $"dxgeo-mosaics-{Environment.ProcessId}");
                    var shown = pre.MaxTilesPerPhoto > 0 ? pre.MaxTilesPerPhoto : DamageTrainingOptions.DefaultNetworkTilesPerPhoto;
                    try { photos = PhotoBudgetReport.Measure(outDir, result.Heldout, scratch, budget: shown); }
                    finally { if (Directory.Exists(scratch)) Directory.Delete(scratch, recursive: true); }
                }
            }
            var card = ModelCardWriter.Write(outDir, result, setsUsed, sample, photos);
            ctx.Out.WriteLine(string.Create(C, $"{samples.Count} tiles; model {result.Manifest.ModelId}, threshold {result.Manifest.Threshold:F4} (recall ≥ {r:P0} on every source, out of fold)"));
            ctx.Out.Write(ModelCardWriter.PerSourceTable(result));
            ctx.Out.WriteLine($"wrote {Path.GetFullPath(outDir)} (model.json, head.zip, {string.Join(", ", card)}) in {sw.Elapsed.TotalSeconds:F0} s");
            return 0;
        });
        return cmd;
    }

    private static (IReadOnlyList<TileSample>, SourceSplit, IReadOnlyList<string>) Load(string? images, string? labels, string? shared)
    {
        if (shared is not null)
        {
            if (images is not null || labels is not null) throw new DxGeoException("give either --shared-datasets or --images/--labels, not both");
            return (SharedDatasets.Collect(shared), SharedDatasets.Split(), SharedDatasets.AllSources);
        }
        if (images is null && labels is null) throw new DxGeoException("give --images DIR (with labels.csv) or --labels FILE, or --shared-datasets DIR");
        var csv = labels ?? Path.Combine(images!, "labels.csv");
        var rows = LabelsCsv.Read(csv);
        var samples = LabelsCsv.ToSamples(rows);
        return (samples, new SourceSplit(), samples.Select(s => s.Source).Distinct().Order(StringComparer.Ordinal).ToList());
    }
}
