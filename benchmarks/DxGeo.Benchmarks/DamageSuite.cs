using System.Diagnostics;
using System.Globalization;
using DxGeo.Imagery.Damage;
using DxGeo.Imagery.Damage.Evaluation;
using DxGeo.Imagery.Damage.Tiling;
using DxGeo.Imagery.Damage.Training;

namespace DxGeo.Benchmarks;

/// <summary>
/// Damage scoring of 12-megapixel survey photos: decode + tile + score per image for the shipped cascade (preview
/// first pass, network on at most the budget's candidate tiles), the cascade without budget, the network on every
/// tile and the texture baseline alone, against the pure decode rate of <c>djpeg</c> (libjpeg-turbo) on the same files;
/// peak memory while a batch grows; main model vs baseline (and cascade vs every tile) on the held-out sample.
/// Usage: damage [--photos DIR] [--model DIR] [--heldout DIR] [--repeat N] [--every-tile-photos N] [--gsd CM] [--memory-batch N] [--budget N (default: the model's)]
/// </summary>
public sealed class DamageSuite : ISuite
{
    private static readonly CultureInfo C = CultureInfo.InvariantCulture;
    public string Name => "damage";
    public string Description => "damage scoring of 12-MP photos: cascade vs network on every tile vs texture baseline vs djpeg decode; memory; main vs baseline";

    public int Run(string[] args)
    {
        var photosDir = Suites.Arg(args, "--photos", "../shared/datasets/drone-photos-caliterra");
        var modelDir = Suites.Arg(args, "--model", DamageModel.DefaultDir);
        var heldoutDir = Suites.Arg(args, "--heldout", "sample-data/images/heldout");
        var repeat = int.Parse(Suites.Arg(args, "--repeat", "2"), C);
        var everyTile = int.Parse(Suites.Arg(args, "--every-tile-photos", "1"), C);
        var memoryBatch = int.Parse(Suites.Arg(args, "--memory-batch", "0"), C);
        double? gsd = Suites.Arg(args, "--gsd", "") is { Length: > 0 } g ? double.Parse(g, C) : null;
        var photos = Directory.GetFiles(photosDir, "*.jpg").Order(StringComparer.Ordinal).ToArray();
        if (photos.Length == 0) { Console.Error.WriteLine($"no JPEGs in {photosDir}"); return 2; }

        var djpeg = Timed(() => { foreach (var p in photos) RunDjpeg(p); });
        var decode = Timed(() => { foreach (var p in photos) { using var d = DecodedPhoto.Decode(p); } });
        var preview = Timed(() => { foreach (var p in photos) { using var d = DecodedPhoto.Decode(p, 0.25); } });

        int? budgetArg = Suites.Arg(args, "--budget", "") is { Length: > 0 } b ? int.Parse(b, C) : null;
        using var cascade = DamageModel.LoadScorer(modelDir, maxNetworkTilesPerPhoto: budgetArg);
        var budget = cascade.MaxNetworkTilesPerPhoto;
        using var unlimited = DamageModel.LoadScorer(modelDir, maxNetworkTilesPerPhoto: 0);
        using var full = DamageModel.LoadScorer(modelDir, usePrefilter: false);
        using var texture = DamageModel.LoadScorer(Path.Combine(modelDir, "baseline"));
        var batch = Enumerable.Repeat(photos, repeat).SelectMany(p => p).ToArray();
        var casc = ScoreAll(cascade, batch, gsd, parallel: true);
        var seq = ScoreAll(cascade, photos.Take(3).ToArray(), gsd, parallel: false);
        var unl = ScoreAll(unlimited, photos.Take(Math.Max(2, everyTile)).ToArray(), gsd, parallel: true);
        var tex = ScoreAll(texture, photos, gsd, parallel: true);
        var all = ScoreAll(full, photos.Take(everyTile).ToArray(), gsd, parallel: true);

        Console.WriteLine($"## damage ({DateTime.UtcNow:yyyy-MM-dd}, {Environment.ProcessorCount} cores, {photos.Length} photos 4000×3000 from {Path.GetFileName(photosDir)}, tile {cascade.Tiling.TilePx(gsd)} px, budget {cascade.MaxNetworkTilesPerPhoto} tiles/photo)");
        Console.WriteLine();
        Console.WriteLine("| pipeline | images | tiles | tiles to network | time (s) | images/s | tiles/s |");
        Console.WriteLine("|---|---:|---:|---:|---:|---:|---:|");
        Row("djpeg full decode only (peer)", photos.Length, default, djpeg);
        Row("SkiaSharp full decode only", photos.Length, default, decode);
        Row("SkiaSharp 1/4-scale decode only (first-pass preview)", photos.Length, default, preview);
        Row($"**cascade with budget {budget}**, 2 photos in parallel", batch.Length, casc, casc.Seconds);
        Row("cascade with budget, one photo at a time", Math.Min(3, photos.Length), seq, seq.Seconds);
        Row("cascade without budget (every first-pass candidate), 2 in parallel", unl.Images, unl, unl.Seconds);
        Row("network on every tile, 2 in parallel", all.Images, all, all.Seconds);
        Row("texture baseline alone (every tile), 2 in parallel", photos.Length, tex, tex.Seconds);
        Console.WriteLine();
        Console.WriteLine(string.Create(C, $"Peak working set so far: {Process.GetCurrentProcess().PeakWorkingSet64 / 1e6:F0} MB."));
        if (memoryBatch > 0) Memory(cascade, photos, memoryBatch, gsd);
        if (Directory.Exists(heldoutDir)) Heldout(cascade, full, texture, heldoutDir);
        return 0;
    }

    /// <summary>Peak working set while one scorer works through a growing batch (photos repeated), 2 at a time.</summary>
    private static void Memory(DamageScorer scorer, string[] photos, int n, double? gsd)
    {
        Console.WriteLine();
        Console.WriteLine($"Scoring a batch of {n} photos (the {photos.Length} repeated), 2 at a time: peak working set as the batch grows");
        Console.WriteLine();
        Console.WriteLine("| photos scored | elapsed (s) | images/s | peak working set (MB) | managed heap (MB) |");
        Console.WriteLine("|---:|---:|---:|---:|---:|");
        var checkpoints = new[] { n / 10, n / 4, n / 2, n }.Where(c => c > 0).Distinct().ToArray();
        var sw = Stopwatch.StartNew();
        var done = 0;
        foreach (var c in checkpoints)
        {
            var chunk = Enumerable.Range(done, c - done).Select(i => photos[i % photos.Length]).ToArray();
            Parallel.ForEach(chunk, new ParallelOptions { MaxDegreeOfParallelism = 2 }, p => scorer.Score(p, gsd));
            done = c;
            var proc = Process.GetCurrentProcess();
            Console.WriteLine(string.Create(C, $"| {done} | {sw.Elapsed.TotalSeconds:F0} | {done / sw.Elapsed.TotalSeconds:F2} | {proc.PeakWorkingSet64 / 1e6:F0} | {GC.GetTotalMemory(false) / 1e6:F0} |"));
        }
    }

    private static void Heldout(DamageScorer cascade, DamageScorer full, DamageScorer texture, string dir)
    {
        Console.WriteLine();
        Console.WriteLine("Held-out sample (scored from the files, each model at its own threshold):");
        Console.WriteLine();
        Console.WriteLine("| source | n | model | precision | recall | F1 | ROC AUC |");
        Console.WriteLine("|---|---:|---|---:|---:|---:|---:|");
        foreach (var sdir in Directory.GetDirectories(dir).Order(StringComparer.Ordinal))
        {
            var source = Path.GetFileName(sdir);
            var samples = LabelsCsv.ToSamples(LabelsCsv.Read(Path.Combine(sdir, "labels.csv"), defaultSource: source));
            var labels = samples.Select(s => s.Damaged).ToArray();
            foreach (var (name, scorer) in new[] { ("main (cascade)", cascade), ("main, network on every tile", full), ("texture baseline", texture) })
            {
                var m = BinaryMetrics.Compute(LabelledSetScorer.Score(scorer, samples), labels, scorer.Threshold);
                Console.WriteLine(string.Create(C, $"| {source} | {m.N} | {name} | {m.Precision:F3} | {m.Recall:F3} | {m.F1:F3} | {m.Auc:F3} |"));
            }
        }
    }

    private sealed record Timing(int Images, double Seconds, long Tiles, long Sent);

    private static Timing ScoreAll(DamageScorer scorer, string[] photos, double? gsd, bool parallel)
    {
        var before = scorer.TileCounts;
        var sw = Stopwatch.StartNew();
        if (parallel) Parallel.ForEach(photos, new ParallelOptions { MaxDegreeOfParallelism = 2 }, p => scorer.Score(p, gsd));
        else foreach (var p in photos) scorer.Score(p, gsd);
        var after = scorer.TileCounts;
        return new Timing(photos.Length, sw.Elapsed.TotalSeconds, after.Scored - before.Scored, after.ThroughMain - before.ThroughMain);
    }

    private static void Row(string name, int images, Timing? r, double s)
    {
        var tiles = r?.Tiles ?? 0;
        var sent = tiles > 0 ? string.Create(C, $"{r!.Sent} ({100.0 * r.Sent / tiles:F1} %)") : "–";
        Console.WriteLine(string.Create(C, $"| {name} | {images} | {(tiles > 0 ? tiles.ToString(C) : "–")} | {sent} | {s:F2} | {images / s:F2} | {(tiles > 0 ? (tiles / s).ToString("F1", C) : "–")} |"));
    }

    private static double Timed(Action a)
    {
        var sw = Stopwatch.StartNew();
        a();
        return sw.Elapsed.TotalSeconds;
    }

    private static void RunDjpeg(string path)
    {
        using var p = Process.Start(new ProcessStartInfo("djpeg", ["-outfile", "/dev/null", path]) { RedirectStandardError = true })
            ?? throw new InvalidOperationException("djpeg (libjpeg-turbo-progs) not found: apt-get install libjpeg-turbo-progs");
        p.WaitForExit();
        if (p.ExitCode != 0) throw new InvalidOperationException($"djpeg failed on {path}: {p.StandardError.ReadToEnd()}");
    }
}
