using System.Diagnostics;
using System.Globalization;
using DxGeo.Imagery.Damage;
using DxGeo.Imagery.Damage.Evaluation;
using DxGeo.Imagery.Damage.Tiling;
using DxGeo.Imagery.Damage.Training;

namespace DxGeo.Benchmarks;

/// <summary>
/// Damage scoring of 12-megapixel survey photos: decode + tile + score per image, for the shipped cascade (texture
/// first pass, network on candidate tiles), the network on every tile and the texture baseline alone, against the
/// pure decode rate of <c>djpeg</c> (libjpeg-turbo) on the same files; peak memory over a repeated batch; and the
/// recall the first pass costs on the held-out tiles of each source.
/// Usage: damage [--photos DIR] [--model DIR] [--heldout DIR] [--repeat N] [--every-tile-photos N] [--gsd CM]
/// </summary>
public sealed class DamageSuite : ISuite
{
    private static readonly CultureInfo C = CultureInfo.InvariantCulture;
    public string Name => "damage";
    public string Description => "damage scoring of 12-MP photos: cascade vs network on every tile vs texture baseline vs djpeg decode; first-pass recall cost";

    public int Run(string[] args)
    {
        var photosDir = Arg(args, "--photos", "../shared/datasets/drone-photos-caliterra");
        var modelDir = Arg(args, "--model", DamageModel.DefaultDir);
        var heldoutDir = Arg(args, "--heldout", "sample-data/images/heldout");
        var repeat = int.Parse(Arg(args, "--repeat", "2"), C);
        var everyTile = int.Parse(Arg(args, "--every-tile-photos", "2"), C);
        double? gsd = Arg(args, "--gsd", "") is { Length: > 0 } g ? double.Parse(g, C) : null;
        var photos = Directory.GetFiles(photosDir, "*.jpg").Order(StringComparer.Ordinal).ToArray();
        if (photos.Length == 0) { Console.Error.WriteLine($"no JPEGs in {photosDir}"); return 2; }

        var djpeg = Timed(() => { foreach (var p in photos) RunDjpeg(p); });
        var decode = Timed(() => { foreach (var p in photos) { using var d = DecodedPhoto.Decode(p); } });

        using var cascade = DamageModel.LoadScorer(modelDir);
        using var full = DamageModel.LoadScorer(modelDir, usePrefilter: false);
        using var texture = DamageModel.LoadScorer(Path.Combine(modelDir, "baseline"));
        var batch = Enumerable.Repeat(photos, repeat).SelectMany(p => p).ToArray();
        var (cascadeS, cascadeTiles, sent) = ScoreAll(cascade, batch, gsd, parallel: true);
        var peakGb = Process.GetCurrentProcess().PeakWorkingSet64 / 1e9;
        var (seqS, _, _) = ScoreAll(cascade, photos.Take(3).ToArray(), gsd, parallel: false);
        var (textureS, textureTiles, _) = ScoreAll(texture, photos, gsd, parallel: true);
        var (fullS, fullTiles, _) = ScoreAll(full, photos.Take(everyTile).ToArray(), gsd, parallel: false);

        Console.WriteLine($"## damage ({DateTime.UtcNow:yyyy-MM-dd}, {Environment.ProcessorCount} cores, {photos.Length} photos 4000×3000 from {Path.GetFileName(photosDir)}, tile {cascade.Tiling.TilePx(gsd)} px)");
        Console.WriteLine();
        Console.WriteLine("| pipeline | images | tiles | time (s) | images/s | tiles/s |");
        Console.WriteLine("|---|---:|---:|---:|---:|---:|");
        Row("djpeg decode only (peer)", photos.Length, 0, djpeg);
        Row("SkiaSharp decode only", photos.Length, 0, decode);
        Row($"cascade, 2 photos in parallel ({100.0 * sent / Math.Max(1, cascadeTiles):F1} % of tiles sent to the network)", batch.Length, cascadeTiles, cascadeS);
        Row("cascade, one photo at a time", Math.Min(3, photos.Length), 3 * cascadeTiles / batch.Length, seqS);
        Row("network on every tile", Math.Min(everyTile, photos.Length), fullTiles, fullS);
        Row("texture baseline alone, 2 in parallel", photos.Length, textureTiles, textureS);
        Console.WriteLine();
        Console.WriteLine(string.Create(C, $"Peak working set while scoring {batch.Length} photos (2 at a time): {peakGb:F2} GB; photos are decoded one by one and released, so it does not grow with the batch."));
        if (Directory.Exists(heldoutDir)) RecallCost(cascade, full, heldoutDir);
        return 0;
    }

    private static void RecallCost(DamageScorer cascade, DamageScorer full, string dir)
    {
        Console.WriteLine();
        Console.WriteLine("First-pass cost on the held-out sample (same threshold):");
        Console.WriteLine();
        Console.WriteLine("| source | n | recall, network on every tile | recall, cascade | precision, every tile | precision, cascade |");
        Console.WriteLine("|---|---:|---:|---:|---:|---:|");
        foreach (var sdir in Directory.GetDirectories(dir).Order(StringComparer.Ordinal))
        {
            var source = Path.GetFileName(sdir);
            var samples = LabelsCsv.ToSamples(LabelsCsv.Read(Path.Combine(sdir, "labels.csv"), defaultSource: source));
            var labels = samples.Select(s => s.Damaged).ToArray();
            var a = BinaryMetrics.Compute(LabelledSetScorer.Score(full, samples), labels, full.Threshold);
            var b = BinaryMetrics.Compute(LabelledSetScorer.Score(cascade, samples), labels, cascade.Threshold);
            Console.WriteLine(string.Create(C, $"| {source} | {a.N} | {a.Recall:F3} | {b.Recall:F3} | {a.Precision:F3} | {b.Precision:F3} |"));
        }
    }

    private static (double Seconds, long Tiles, long Sent) ScoreAll(DamageScorer scorer, string[] photos, double? gsd, bool parallel)
    {
        var before = scorer.TileCounts;
        var sw = Stopwatch.StartNew();
        if (parallel) Parallel.ForEach(photos, new ParallelOptions { MaxDegreeOfParallelism = 2 }, p => scorer.Score(p, gsd));
        else foreach (var p in photos) scorer.Score(p, gsd);
        var after = scorer.TileCounts;
        return (sw.Elapsed.TotalSeconds, after.Scored - before.Scored, after.ThroughMain - before.ThroughMain);
    }

    private static void Row(string name, int images, long tiles, double s) =>
        Console.WriteLine(string.Create(C, $"| {name} | {images} | {tiles} | {s:F2} | {images / s:F2} | {(tiles > 0 ? (tiles / s).ToString("F1", C) : "–")} |"));

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

    private static string Arg(string[] args, string name, string def)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : def;
    }
}
