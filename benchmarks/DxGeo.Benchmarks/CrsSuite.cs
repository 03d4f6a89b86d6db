using System.Diagnostics;
using System.Globalization;
using System.Text;
using DxGeo.Core.Crs;

namespace DxGeo.Benchmarks;

/// <summary>
/// 1M points EPSG:4326 → 6677 (JGD2011 zone IX) through our Span API, against PROJ's cs2cs, cct and GDAL's
/// gdaltransform on the same points via files, in the same run. Also reports how far each peer's output is from ours.
/// Usage: crs [--points N]
/// </summary>
public sealed class CrsSuite : ISuite
{
    public string Name => "crs";
    public string Description => "transform 1M points 4326→6677: our Span API vs cs2cs, cct, gdaltransform";

    private const string ZoneIxProj = "+proj=tmerc +lat_0=36 +lon_0=139.833333333333 +k=0.9999 +x_0=0 +y_0=0 +ellps=GRS80";

    public int Run(string[] args)
    {
        var n = 1_000_000;
        for (var i = 0; i < args.Length - 1; i++)
            if (args[i] == "--points") n = int.Parse(args[i + 1], CultureInfo.InvariantCulture);

        var random = new Random(6677);
        var lon = new double[n];
        var lat = new double[n];
        for (var i = 0; i < n; i++)
        {
            lon[i] = 138.8 + random.NextDouble() * 2.2; // zone IX's area: Kanto and Fukushima
            lat[i] = 34.5 + random.NextDouble() * 2.7;
        }

        var transform = CrsRegistry.Default.CreateTransform(Epsg.Wgs84, 6677);
        var xs = new double[n];
        var ys = new double[n];
        // warm up (JIT, ProjNet set-up), then best of 5
        lon.AsSpan(0, 1000).CopyTo(xs);
        lat.AsSpan(0, 1000).CopyTo(ys);
        transform.Transform(xs.AsSpan(0, 1000), ys.AsSpan(0, 1000));
        var ours = TimeSpan.MaxValue;
        for (var run = 0; run < 5; run++)
        {
            lon.CopyTo(xs, 0);
            lat.CopyTo(ys, 0);
            var sw = Stopwatch.StartNew();
            transform.Transform(xs, ys);
            ours = Min(ours, sw.Elapsed);
        }
        var perPoint = TimeSpan.MaxValue;
        for (var run = 0; run < 3; run++)
        {
            var sw = Stopwatch.StartNew();
            for (var i = 0; i < n; i++) transform.Transform(lon[i], lat[i]);
            perPoint = Min(perPoint, sw.Elapsed);
        }

        var dir = Directory.CreateTempSubdirectory("dxgeo-crs-bench");
        try
        {
            var lonLatFile = Path.Combine(dir.FullName, "lonlat.txt");
            var latLonFile = Path.Combine(dir.FullName, "latlon.txt");
            WritePoints(lonLatFile, lon, lat);
            WritePoints(latLonFile, lat, lon); // cs2cs follows EPSG axis order: lat lon in, N E out

            var rows = new List<(string Tool, string Command, TimeSpan Time, double MaxDiffMm)>
            {
                ("DxGeo Span API (ProjNet)", "ICoordinateTransform.Transform(Span, Span)", ours, 0),
                ("DxGeo per point", "Transform(x, y) loop", perPoint, 0),
            };
            // Same job as the peers, text file in and out, so the I/O share is visible.
            var ourOut = Path.Combine(dir.FullName, "dxgeo.out");
            var swFile = Stopwatch.StartNew();
            FileToFile(transform, lonLatFile, ourOut, n);
            rows.Add(("DxGeo file → file", "parse text, Span transform, write text", swFile.Elapsed, MaxDiffMm(ourOut, xs, ys, false)));

            var peers = new (string Tool, string Command, string Input, bool NorthingFirst)[]
            {
                ("cct (PROJ)", $"cct -z 0 -t 0 -d 6 {ZoneIxProj}", lonLatFile, false),
                ("cs2cs (PROJ)", "cs2cs -f %.6f EPSG:4326 EPSG:6677", latLonFile, true),
                ("gdaltransform (GDAL)", "gdaltransform -s_srs EPSG:4326 -t_srs EPSG:6677 -output_xy", lonLatFile, false),
            };
            foreach (var peer in peers)
            {
                var tool = peer.Command.Split(' ')[0];
                if (!OnPath(tool)) { Console.Error.WriteLine($"{tool} not found (apt-get install proj-bin gdal-bin): skipped"); continue; }
                var outFile = Path.Combine(dir.FullName, tool + ".out");
                var sw = Stopwatch.StartNew();
                Shell($"{peer.Command} < {peer.Input} > {outFile}");
                var elapsed = sw.Elapsed;
                rows.Add((peer.Tool, peer.Command, elapsed, MaxDiffMm(outFile, xs, ys, peer.NorthingFirst)));
            }

            var md = new StringBuilder();
            md.AppendLine(CultureInfo.InvariantCulture, $"{n:N0} random points in zone IX's area, EPSG:4326 → EPSG:6677; peers read/write text files (their I/O is part of their time).");
            md.AppendLine();
            md.AppendLine("| tool | command | time | points/s | time vs DxGeo Span | max diff vs DxGeo |");
            md.AppendLine("|---|---|---:|---:|---:|---:|");
            foreach (var r in rows)
                md.AppendLine(CultureInfo.InvariantCulture,
                    $"| {r.Tool} | `{r.Command}` | {r.Time.TotalMilliseconds:F0} ms | {n / r.Time.TotalSeconds:N0} | {r.Time / ours:F1}× | {r.MaxDiffMm:F4} mm |");
            Console.Write(md.ToString());
            return 0;
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    private static void FileToFile(ICoordinateTransform transform, string input, string output, int n)
    {
        var xs = new double[n];
        var ys = new double[n];
        var i = 0;
        foreach (var line in File.ReadLines(input))
        {
            var space = line.IndexOf(' ');
            xs[i] = double.Parse(line.AsSpan(0, space), CultureInfo.InvariantCulture);
            ys[i] = double.Parse(line.AsSpan(space + 1), CultureInfo.InvariantCulture);
            i++;
        }
        transform.Transform(xs.AsSpan(0, i), ys.AsSpan(0, i));
        using var w = new StreamWriter(output, false, new UTF8Encoding(false), 1 << 20);
        Span<char> buf = stackalloc char[64];
        for (var k = 0; k < i; k++)
        {
            xs[k].TryFormat(buf, out var len, "F6", CultureInfo.InvariantCulture);
            w.Write(buf[..len]);
            w.Write(' ');
            ys[k].TryFormat(buf, out len, "F6", CultureInfo.InvariantCulture);
            w.Write(buf[..len]);
            w.Write('\n');
        }
    }

    private static TimeSpan Min(TimeSpan a, TimeSpan b) => a < b ? a : b;

    private static void WritePoints(string path, double[] first, double[] second)
    {
        using var w = new StreamWriter(path, false, new UTF8Encoding(false), 1 << 20);
        for (var i = 0; i < first.Length; i++)
        {
            w.Write(first[i].ToString("R", CultureInfo.InvariantCulture));
            w.Write(' ');
            w.Write(second[i].ToString("R", CultureInfo.InvariantCulture));
            w.Write('\n');
        }
    }

    /// <summary>Largest |difference| in metres×1000 between a peer's output file and our (E, N).</summary>
    private static double MaxDiffMm(string file, double[] e, double[] nrt, bool northingFirst)
    {
        var max = 0.0;
        var i = 0;
        foreach (var line in File.ReadLines(file))
        {
            var f = line.Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries);
            if (f.Length < 2 || line.StartsWith('#')) continue;
            var a = double.Parse(f[0], CultureInfo.InvariantCulture);
            var b = double.Parse(f[1], CultureInfo.InvariantCulture);
            var (pe, pn) = northingFirst ? (b, a) : (a, b);
            max = Math.Max(max, Math.Max(Math.Abs(pe - e[i]), Math.Abs(pn - nrt[i])));
            i++;
        }
        if (i != e.Length) throw new InvalidOperationException($"{file}: {i} points, expected {e.Length}");
        return max * 1000;
    }

    private static bool OnPath(string tool) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':').Any(d => File.Exists(Path.Combine(d, tool)));

    private static void Shell(string command)
    {
        var psi = new ProcessStartInfo("/bin/sh") { RedirectStandardError = true, UseShellExecute = false };
        psi.ArgumentList.Add("-c");
        psi.ArgumentList.Add(command);
        using var p = Process.Start(psi)!;
        var err = p.StandardError.ReadToEnd();
        p.WaitForExit();
        if (p.ExitCode != 0) throw new InvalidOperationException($"'{command}' exited {p.ExitCode}: {err}");
    }
}
