using System.Diagnostics;
using DxGeo.SampleTown;
using DxGeo.SampleTown.Output;

namespace DxGeo.Benchmarks;

/// <summary>
/// The sample town: generation time, and writing its 13 layers into a workspace GeoPackage with our store vs GDAL's
/// ogr2ogr loading the same GeoJSON files. Wall and CPU time (CPU is what matters on a shared machine).
/// Options: --runs N (3).
/// </summary>
public sealed class SampleTownSuite : ISuite
{
    public string Name => "sample-town";
    public string Description => "Sample town: generate, write GeoJSON + GeoPackage vs ogr2ogr loading the GeoJSON";

    public int Run(string[] args)
    {
        var runs = args.Length >= 2 && args[0] == "--runs" ? int.Parse(args[1]) : 3;
        var dir = Directory.CreateTempSubdirectory("dxgeo-bench-town-").FullName;
        try
        {
            Console.WriteLine($"# sample-town suite ({DateTime.UtcNow:yyyy-MM-dd}, {Environment.ProcessorCount} cores, best of {runs})\n");
            SampleTownGenerator.Generate(); // JIT warm-up
            DxGeo.SampleTown.SampleTown town = null!;
            var gen = Best(runs, () => town = SampleTownGenerator.Generate());
            var layers = SampleTownWriter.Layers(town);
            var features = layers.Sum(l => l.Records.Count);

            var i = 0;
            var write = Best(runs, () => SampleTownWriter.Write(town, Path.Combine(dir, $"ours{i++}")));
            var src = Path.Combine(dir, "ours0");
            var gdal = Best(runs, () =>
            {
                var target = Path.Combine(dir, $"gdal{i++}.gpkg");
                foreach (var (schema, _) in layers)
                    Exec("ogr2ogr", "-f", "GPKG", File.Exists(target) ? "-update" : "-overwrite", target,
                        Path.Combine(src, schema.Name + ".geojson"), "-nln", schema.Name);
            }, includeChildren: true);

            Console.WriteLine($"{town.Pipes.Count} pipes, {town.Breaks.Count} breaks, {features} features in {layers.Count} layers\n");
            Console.WriteLine("| step | wall (s) | CPU (s) |");
            Console.WriteLine("|---|---:|---:|");
            Console.WriteLine($"| generate (SampleTownGenerator.Generate) | {gen.Wall:F2} | {gen.Cpu:F2} |");
            Console.WriteLine($"| write 13 GeoJSON + town.gpkg (SampleTownWriter) | {write.Wall:F2} | {write.Cpu:F2} |");
            Console.WriteLine($"| peer: ogr2ogr 13 GeoJSON → one GPKG | {gdal.Wall:F2} | {gdal.Cpu:F2} |");
            return 0;
        }
        finally { Directory.Delete(dir, recursive: true); }
    }

    private readonly record struct Cost(double Wall, double Cpu);

    private static double _childCpu;

    private static Cost Best(int runs, Action a, bool includeChildren = false)
    {
        var best = new Cost(double.MaxValue, double.MaxValue);
        for (var r = 0; r < runs; r++)
        {
            _childCpu = 0;
            var cpu0 = Process.GetCurrentProcess().TotalProcessorTime;
            var sw = Stopwatch.StartNew();
            a();
            var wall = sw.Elapsed.TotalSeconds;
            var cpu = (Process.GetCurrentProcess().TotalProcessorTime - cpu0).TotalSeconds;
            if (includeChildren) cpu = _childCpu;
            if (cpu < best.Cpu) best = new Cost(wall, cpu);
        }
        return best;
    }

    /// <summary>Runs the tool under bash's <c>time</c> and adds its user+system CPU to the children's total.</summary>
    private static void Exec(string tool, params string[] args)
    {
        var quoted = string.Join(' ', args.Prepend(tool).Select(a => "'" + a.Replace("'", "'\\''") + "'"));
        var psi = new ProcessStartInfo("/bin/bash") { RedirectStandardError = true, RedirectStandardOutput = true };
        psi.ArgumentList.Add("-c");
        psi.ArgumentList.Add($"TIMEFORMAT='%U %S'; time {quoted}");
        using var p = Process.Start(psi) ?? throw new InvalidOperationException("cannot start bash");
        var err = p.StandardError.ReadToEndAsync();
        p.StandardOutput.ReadToEnd();
        p.WaitForExit();
        if (p.ExitCode != 0) throw new InvalidOperationException($"{tool} failed: {err.Result}");
        var us = err.Result.Trim().Split('\n')[^1].Split(' ');
        _childCpu += double.Parse(us[0], System.Globalization.CultureInfo.InvariantCulture)
                     + double.Parse(us[1], System.Globalization.CultureInfo.InvariantCulture);
    }
}
