using System.Diagnostics;
using System.Globalization;
using DxGeo.Imagery.Damage;
using DxGeo.Imagery.Damage.Card;
using DxGeo.Imagery.Damage.Training;
using DxGeo.Imagery.Damage.Training.Sources;

namespace DxGeo.Benchmarks;

/// <summary>
/// Photo-level recall against the per-photo network budget, for any trained model: the held-out tiles of the shared
/// crack sets laid out as 12-MP mosaics (<see cref="PhotoBudgetReport"/>). The speed side of the same budget is the
/// <c>damage</c> suite. Usage: damage-photos [--model DIR] [--shared DIR] [--damaged N] [--clean N] [--budget B (default: the model's)]
/// </summary>
public sealed class DamagePhotosSuite : ISuite
{
    private static readonly CultureInfo C = CultureInfo.InvariantCulture;
    public string Name => "damage-photos";
    public string Description => "photo-level recall of the damage cascade per network budget (mosaics of held-out tiles)";

    public int Run(string[] args)
    {
        var model = Suites.Arg(args, "--model", "models/damage");
        var shared = Suites.Arg(args, "--shared", "../shared/datasets");
        var damaged = int.Parse(Suites.Arg(args, "--damaged", "30"), C);
        var clean = int.Parse(Suites.Arg(args, "--clean", "4"), C);
        // The model's own budget unless one is asked for (a model without one is shown at 10).
        var budget = Suites.Arg(args, "--budget", "") is { Length: > 0 } b ? int.Parse(b, C)
            : DamageModelManifest.Read(model).Prefilter?.MaxTilesPerPhoto is > 0 and var m ? m : 10;
        var held = SharedDatasets.Split().Apply(SharedDatasets.Collect(shared))[SplitPart.Heldout].ToList();
        var scratch = Path.Combine(Path.GetTempPath(), $"dxgeo-bench-mosaics-{Environment.ProcessId}");
        var sw = Stopwatch.StartNew();
        try
        {
            var rows = PhotoBudgetReport.Measure(model, held, scratch, budget, damaged, clean);
            var budgets = rows[0].FoundByBudget.Keys.Order().ToList();
            Console.WriteLine($"## damage-photos ({DateTime.UtcNow:yyyy-MM-dd}, model {model}, {damaged} damaged + {clean} clean mosaics per source, {sw.Elapsed.TotalSeconds:F0} s)");
            Console.WriteLine();
            Console.WriteLine($"| source | {string.Join(" | ", budgets.Select(b => $"budget {b}"))} | every candidate | candidates/photo | end to end, budget {budget} | false alarms, budget {budget} |");
            Console.WriteLine($"|---|{string.Concat(budgets.Select(_ => "---:|"))}---:|---:|---:|---:|");
            foreach (var r in rows)
                Console.WriteLine(string.Create(C, $"| {r.Source} | {string.Join(" | ", budgets.Select(b => $"{r.FoundByBudget[b]}/{r.DamagedPhotos}"))} | {r.FoundWithoutBudget}/{r.DamagedPhotos} | {r.CandidatesPerPhoto:F1} | {r.FoundWithBudget}/{r.DamagedPhotos} | {r.FalseAlarmsWithBudget}/{r.CleanPhotos} |"));
            return 0;
        }
        finally
        {
            if (Directory.Exists(scratch)) Directory.Delete(scratch, recursive: true);
        }
    }
}
