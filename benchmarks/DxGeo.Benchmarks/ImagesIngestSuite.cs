using System.Diagnostics;
using System.Globalization;
using DxGeo.Core.Workspace.GeoPackage;
using DxGeo.Imagery.Ingest;

namespace DxGeo.Benchmarks;

/// <summary>
/// Photo ingest on the real 12-megapixel survey photos (Caliterra, 4000 × 3000): our full ingest per photo (SHA-256,
/// EXIF/XMP, scaled-decode thumbnail, footprint, links, one transaction per chunk) against libjpeg-turbo's
/// <c>djpeg</c> decoding the same files (full size and at 1/8 scale, the thumbnail path), in the same run.
/// Then a larger batch of distinct copies (a unique trailer after each file's end-of-image marker changes the hash)
/// to show memory stays flat while the batch grows (streaming). Usage: images-ingest [--photos DIR] [--batch N]
/// </summary>
public sealed class ImagesIngestSuite : ISuite
{
    public string Name => "images-ingest";
    public string Description => "ingest 12 MP drone photos: images/s vs djpeg decode; peak memory of a large batch";

    private static readonly CultureInfo C = CultureInfo.InvariantCulture;

    public int Run(string[] args)
    {
        string? photos = null;
        var batch = 200;
        for (var i = 0; i < args.Length - 1; i++)
        {
            if (args[i] == "--photos") photos = args[i + 1];
            if (args[i] == "--batch") batch = int.Parse(args[i + 1], C);
        }
        photos ??= FindUp(Path.Combine("shared", "datasets", "drone-photos-caliterra"));
        var files = Directory.GetFiles(photos, "*.jpg").Order(StringComparer.Ordinal).ToArray();
        var tmp = Directory.CreateTempSubdirectory("dxgeo-bench-img-").FullName;
        try
        {
            var mb = files.Sum(f => new FileInfo(f).Length) / 1e6;
            Console.WriteLine($"## Ingest of {files.Length} real 12 MP JPEGs ({mb:F1} MB) vs djpeg decode of the same files");
            Console.WriteLine();
            Console.WriteLine("| what | parallel | total (s) | images/s |");
            Console.WriteLine("|---|---:|---:|---:|");
            Ingest(files, tmp, "warm-up", 2, print: false);
            foreach (var par in new[] { 1, 2 })
            {
                var s = Ingest(files, tmp, $"p{par}", par, print: false);
                Row($"dxgeo images ingest (hash, EXIF/XMP, 256 px thumbnail, footprint, store)", par, s, files.Length);
            }
            var noThumb = Ingest(files, tmp, "nothumb", 2, print: false, thumbs: false);
            Row("dxgeo images ingest without thumbnails", 2, noThumb, files.Length);
            Row("djpeg full decode (libjpeg-turbo, one process per file)", 1, Djpeg(files, ""), files.Length);
            Row("djpeg -scale 1/8 decode (the thumbnail path)", 1, Djpeg(files, "-scale 1/8"), files.Length);

            Console.WriteLine();
            Console.WriteLine($"## Memory while the batch grows (distinct copies of the same photos)");
            Console.WriteLine();
            Console.WriteLine("| batch | total (s) | images/s | peak working set during ingest (MB) | managed heap after (MB) |");
            Console.WriteLine("|---:|---:|---:|---:|---:|");
            foreach (var n in new[] { files.Length, batch })
            {
                var dir = Directory.CreateDirectory(Path.Combine(tmp, $"batch{n}")).FullName;
                for (var i = 0; i < n; i++)
                {
                    var src = files[i % files.Length];
                    var bytes = File.ReadAllBytes(src);
                    using var fs = File.Create(Path.Combine(dir, $"{i:D5}_{Path.GetFileName(src)}"));
                    fs.Write(bytes);
                    fs.Write(BitConverter.GetBytes(i)); // after EOI: a new hash, the same photo
                    fs.Write([0xFF, 0xD9]);
                }
                GC.Collect();
                long peak = 0;
                using var cts = new CancellationTokenSource();
                var sampler = Task.Run(async () =>
                {
                    var p = Process.GetCurrentProcess();
                    while (!cts.IsCancellationRequested) { p.Refresh(); peak = Math.Max(peak, p.WorkingSet64); await Task.Delay(20); }
                });
                var sw = Stopwatch.StartNew();
                using (var ws = GeoPackageWorkspace.Create(Path.Combine(tmp, $"batch{n}.gpkg")))
                {
                    var r = ImageIngestOp.Run(ws, dir, new ImageIngestOptions { GroundElevationM = 230, ThumbnailDir = Path.Combine(tmp, $"thumbs{n}") });
                    if (r.Added != n) throw new InvalidOperationException($"expected {n} ingested, got {r.Added}: {string.Join("; ", r.Rejected.Take(3))}");
                }
                sw.Stop();
                cts.Cancel();
                sampler.Wait();
                Console.WriteLine(string.Create(C, $"| {n} | {sw.Elapsed.TotalSeconds:F2} | {n / sw.Elapsed.TotalSeconds:F1} | {peak / 1e6:F0} | {GC.GetTotalMemory(true) / 1e6:F1} |"));
                Directory.Delete(dir, true);
            }
            return 0;
        }
        finally { Directory.Delete(tmp, true); }
    }

    private static void Row(string what, int par, double s, int n) =>
        Console.WriteLine(string.Create(C, $"| {what} | {par} | {s:F2} | {n / s:F1} |"));

    private static double Ingest(string[] files, string tmp, string tag, int parallel, bool print, bool thumbs = true)
    {
        var sw = Stopwatch.StartNew();
        using var ws = GeoPackageWorkspace.Create(Path.Combine(tmp, $"{tag}.gpkg"));
        var r = ImageIngestOp.RunFiles(ws, files, new ImageIngestOptions
        {
            GroundElevationM = 230, Parallelism = parallel, ThumbnailDir = thumbs ? Path.Combine(tmp, $"thumbs-{tag}") : null,
        });
        if (r.Added != files.Length) throw new InvalidOperationException($"ingest refused {r.Rejected.Count} photos: {string.Join("; ", r.Rejected.Select(x => x.Reason))}");
        return sw.Elapsed.TotalSeconds;
    }

    private static double Djpeg(string[] files, string opts)
    {
        var sw = Stopwatch.StartNew();
        foreach (var f in files)
        {
            using var p = Process.Start(new ProcessStartInfo("djpeg", $"{opts} -outfile /dev/null \"{f}\"") { UseShellExecute = false })
                ?? throw new InvalidOperationException("djpeg not installed (apt-get install libjpeg-turbo-progs)");
            p.WaitForExit();
            if (p.ExitCode != 0) throw new InvalidOperationException($"djpeg failed on {f}");
        }
        return sw.Elapsed.TotalSeconds;
    }

    private static string FindUp(string rel)
    {
        for (var d = new DirectoryInfo(Directory.GetCurrentDirectory()); d is not null; d = d.Parent)
            if (Directory.Exists(Path.Combine(d.FullName, rel))) return Path.Combine(d.FullName, rel);
        throw new DirectoryNotFoundException($"{rel} not found above the current folder; pass --photos DIR");
    }
}
