using System.CommandLine;
using System.Diagnostics;
using DxGeo.Cli.Commands;
using DxGeo.Web;

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
        new ImageryStep(),
        new AlertStep(),
    ];

    public static Command Build(CliContext ctx)
    {
        var sample = new Option<string?>("--sample") { Description = "Sample town folder (default: sample-data/town found upwards from the current folder)" };
        var outDir = new Option<string>("--out") { Description = "Output folder", DefaultValueFactory = _ => "out/demo" };
        var noServe = new Option<bool>("--no-serve") { Description = "Stop after writing the outputs (tests, CI) instead of serving the workspace's web map" };
        var urls = new Option<string>("--urls") { Description = "Where the web map is served at the end", DefaultValueFactory = _ => "http://127.0.0.1:5000" };
        var cmd = new Command("demo", "Run the main job on the sample town: build the workspace, run every capability on it, then serve the web map") { sample, outDir, noServe, urls };
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
            if (pr.GetValue(noServe)) return 0;
            ctx.Out.WriteLine();
            ctx.Out.WriteLine("== Web map ==");
            return ServeCommand.Serve(ctx, demo.WorkspacePath, pr.GetValue(urls)!, new WebServerOptions());
        });
        return cmd;
    }
}
