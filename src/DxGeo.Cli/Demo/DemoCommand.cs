using System.CommandLine;
using System.Diagnostics;

namespace DxGeo.Cli.Demo;

/// <summary><c>dxgeo demo</c>: the main job, end to end on the sample town.</summary>
internal static class DemoCommand
{
    private static IReadOnlyList<IDemoStep> Steps() =>
    [
        new BuildWorkspaceStep(),
        new SpatialAnswersStep(),
        new RiskStep(),
        new SurveyPlanStep(),
        new LeveeFlightStep(),
        new AlertStep(),
    ];

    public static Command Build(CliContext ctx)
    {
        var sample = new Option<string?>("--sample") { Description = "Sample town folder (default: sample-data/town found upwards from the current folder)" };
        var outDir = new Option<string>("--out") { Description = "Output folder", DefaultValueFactory = _ => "out/demo" };
        var cmd = new Command("demo", "Run the main job on the sample town: build the workspace and run every capability on it") { sample, outDir };
        cmd.SetAction(pr =>
        {
            var sampleDir = pr.GetValue(sample) ?? SampleData.FindTownFolder();
            var dir = Path.GetFullPath(pr.GetValue(outDir)!);
            Directory.CreateDirectory(dir);
            var demo = new DemoContext
            {
                Cli = ctx, SampleDir = sampleDir, OutDir = dir, WorkspacePath = Path.Combine(dir, "town.gpkg"),
            };
            try
            {
                foreach (var step in Steps())
                {
                    var sw = Stopwatch.StartNew();
                    ctx.Out.WriteLine($"== {step.Title} ==");
                    step.Run(demo);
                    ctx.Out.WriteLine($"   ({sw.Elapsed.TotalSeconds:F1} s)");
                    ctx.Out.WriteLine();
                }
            }
            finally { demo.Workspace?.Dispose(); }
            var summary = Path.Combine(dir, "summary.md");
            File.WriteAllLines(summary, ["# DxGeo main job summary", "", .. demo.Summary]);
            ctx.Out.WriteLine($"Summary written to {summary}");
            return 0;
        });
        return cmd;
    }
}
