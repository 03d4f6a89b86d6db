using System.CommandLine;
using System.Diagnostics;
using DxGeo.Core.Errors;
using DxGeo.SampleTown;
using DxGeo.SampleTown.Output;

namespace DxGeo.Cli.Commands;

/// <summary><c>dxgeo sample-town</c>: generates the synthetic town 川湊町 and writes its layers and workspace.</summary>
internal static class SampleTownCommands
{
    public static Command Build(CliContext ctx)
    {
        var seed = new Option<int>("--seed")
        {
            Description = "Generator seed (the committed sample-data uses the default)",
            DefaultValueFactory = _ => SampleTownGenerator.DefaultSeed,
        };
        var outDir = new Option<string>("--out")
        {
            Description = "Folder for <layer>.geojson and town.gpkg", DefaultValueFactory = _ => Path.Combine("sample-data", "town"),
        };
        var truthDir = new Option<string?>("--truth")
        {
            Description = "Folder for the ground-truth CSV files (tests and benchmarks only; default: <out>-truth)",
        };
        var cmd = new Command("sample-town",
            "Generate the synthetic sample town 川湊町 (Kawaminato, Miyagi): GeoJSON layers, a ready workspace GeoPackage and the ground truth")
        {
            seed, outDir, truthDir,
        };
        cmd.SetAction(pr =>
        {
            var sw = Stopwatch.StartNew();
            var dir = Path.GetFullPath(pr.GetValue(outDir)!);
            var truth = Path.GetFullPath(pr.GetValue(truthDir) ?? dir.TrimEnd(Path.DirectorySeparatorChar) + "-truth");
            foreach (var d in new[] { dir, truth })
                if (File.Exists(d)) throw new DxGeoException($"{d} is a file; --out and --truth need folders");
            var town = SampleTownGenerator.Generate(pr.GetValue(seed));
            var progress = ctx.Progress("sample-town");
            var layer = 0;
            var files = SampleTownWriter.Write(town, dir, new Progress<string>(s => progress.Report((++layer, null, s))));
            SampleTownWriter.WriteTruth(town, truth);
            ctx.Out.WriteLine($"{SampleTown.SampleTown.NameJa} (seed {town.Seed}): {town.Pipes.Count} pipes " +
                              $"({town.Pipes.Sum(p => p.LengthM) / 1000:F1} km), {town.Breaks.Count} breaks " +
                              $"{town.BreakHistoryFirstYear}–{town.BreakHistoryLastYear}, {town.Bridges.Count} bridges, " +
                              $"{town.Levees.Count} levee sections, {town.Roads.Count} roads");
            ctx.Out.WriteLine($"wrote {files.Count} files to {dir} and the ground truth to {truth} in {sw.Elapsed.TotalSeconds:F1} s");
            return 0;
        });
        return cmd;
    }
}
