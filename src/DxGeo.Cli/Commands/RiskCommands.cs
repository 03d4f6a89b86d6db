using System.CommandLine;
using System.Globalization;
using System.Diagnostics;
using DxGeo.Core.Errors;
using DxGeo.Core.Workspace.GeoPackage;
using DxGeo.Risk.Features;
using DxGeo.Risk.Models;
using DxGeo.Risk.Models.Imputation;
using DxGeo.Risk.Renewal;
using DxGeo.Risk.Reports;
using DxGeo.Risk.Scoring;
using DxGeo.Risk.Storage;

namespace DxGeo.Cli.Commands;

/// <summary><c>dxgeo risk train|score|impute|plan</c>: the pipe break-risk model and renewal planning.</summary>
internal static class RiskCommands
{
    private static readonly CultureInfo C = CultureInfo.InvariantCulture;

    public static Command Build(CliContext ctx)
    {
        var cmd = new Command("risk", "Water-pipe break risk (ML.NET LightGBM), ledger gap filling and renewal planning");
        cmd.Subcommands.Add(Train(ctx));
        cmd.Subcommands.Add(Score(ctx));
        cmd.Subcommands.Add(Impute(ctx));
        cmd.Subcommands.Add(Plan(ctx));
        return cmd;
    }

    private static Option<string> ModelOption(string description) => new("--model")
    {
        Description = description, DefaultValueFactory = _ => Path.Combine("models", "pipe-risk"),
    };

    private sealed record SpatialOptions(Option<double> Snap, Option<bool> Drop, Option<string?> AsOf);

    private static SpatialOptions AddSpatial(Command cmd)
    {
        var s = new SpatialOptions(
            new Option<double>("--snap-tolerance") { Description = "Assign a break without a valid pipe_id to the nearest pipe within this many metres", DefaultValueFactory = _ => 15 },
            new Option<bool>("--drop-unsnapped") { Description = "Leave out breaks near no pipe instead of refusing the data" },
            new Option<string?>("--as-of") { Description = "Date the data is as of (YYYY-MM-DD; default today): later break dates are refused" });
        cmd.Options.Add(s.Snap);
        cmd.Options.Add(s.Drop);
        cmd.Options.Add(s.AsOf);
        return s;
    }

    private static ProfileOptions Profile(ParseResult p, SpatialOptions s)
    {
        var asOf = DateOnly.FromDateTime(DateTime.UtcNow);
        if (p.GetValue(s.AsOf) is { } text && !DateOnly.TryParseExact(text, "yyyy-MM-dd", C, DateTimeStyles.None, out asOf))
            throw new DxGeoException($"--as-of '{text}' is not a date (YYYY-MM-DD)");
        var tol = p.GetValue(s.Snap);
        if (!double.IsFinite(tol) || tol <= 0) throw new DxGeoException($"--snap-tolerance must be a positive number of metres (got {tol})");
        return new ProfileOptions { SnapToleranceM = tol, DropUnsnappedBreaks = p.GetValue(s.Drop), AsOf = asOf };
    }

    private static Command Train(CliContext ctx)
    {
        var output = new Option<string>("--out") { Description = "Model folder to write (models, metric card, plots)", DefaultValueFactory = _ => Path.Combine("models", "pipe-risk") };
        var folds = new Option<int>("--folds") { Description = "Held-out years (the most recent), each trained only on earlier years", DefaultValueFactory = _ => 5 };
        var iterations = new Option<int>("--iterations") { Description = "Boosting iterations (trees)", DefaultValueFactory = _ => new BreakRiskTrainingOptions().Iterations };
        var cmd = new Command("train", "Train the break-risk and ledger-gap models on the workspace's pipes, breaks and context layers; print model vs baselines on held-out years") { output, folds, iterations };
        var spatial = AddSpatial(cmd);
        cmd.SetAction(p =>
        {
            var sw = Stopwatch.StartNew();
            if (p.GetValue(folds) is < 1 or > 10) throw new DxGeoException("--folds must be 1–10");
            if (p.GetValue(iterations) is < 10 or > 5000) throw new DxGeoException("--iterations must be 10–5000");
            using var ws = GeoPackageWorkspace.Open(p.GetValue(ctx.Workspace)!);
            var inputs = RiskInputReader.Read(ws);
            var progress = ctx.Progress("risk train");
            var n = 0;
            var result = RiskTrainer.Train(inputs, new RiskTrainOptions
            {
                Profile = Profile(p, spatial), RollingFolds = p.GetValue(folds),
                Training = new BreakRiskTrainingOptions { Iterations = p.GetValue(iterations) },
            }, new Progress<string>(s => progress.Report((++n, null, s))));
            var files = result.Save(p.GetValue(output)!);
            var card = result.Card;
            ctx.Out.WriteLine($"{card.Data.Pipes} pipes, {card.Data.Breaks} breaks {card.Data.FirstYear}–{card.Data.LastCompleteYear}; held-out years {string.Join(", ", card.Split.TestYears)} ranked together:");
            ctx.Out.WriteLine();
            ctx.Out.Write(MetricCardMarkdown.MetricsTable(card.Pooled));
            ctx.Out.WriteLine();
            if (card.Comparisons.Count > 0)
            {
                ctx.Out.WriteLine("model − baseline with 95 % bootstrap intervals over pipes (✓ = above zero beyond noise):");
                ctx.Out.Write(MetricCardMarkdown.ComparisonTable(card.Comparisons));
                ctx.Out.WriteLine();
            }
            var im = card.Imputation;
            ctx.Out.WriteLine(string.Create(C, $"ledger gaps (known values hidden): material {im.MaterialAccuracy:P1} vs majority {im.MaterialMajorityAccuracy:P1} ({im.MaterialTested} pipes); install year MAE {im.YearMaeYears:F1} y vs mean-year {im.YearMeanBaselineMaeYears:F1} y ({im.YearTested} pipes)"));
            ctx.Out.WriteLine($"wrote {files.Count} files to {Path.GetFullPath(p.GetValue(output)!)} in {sw.Elapsed.TotalSeconds:F1} s (card.md has every fold, calibration and features)");
            return 0;
        });
        return cmd;
    }

    private static Command Score(CliContext ctx)
    {
        var model = ModelOption("Model folder from `dxgeo risk train`");
        var year = new Option<int?>("--year") { Description = "Year to predict (default: the year after the break record ends)" };
        var top = new Option<int>("--top") { Description = "Print this many highest-risk pipes", DefaultValueFactory = _ => 10 };
        var cmd = new Command("score", "Score every in-service pipe's probability of a break next year and write risk_break_prob to the pipe layer") { model, year, top };
        var spatial = AddSpatial(cmd);
        cmd.SetAction(p =>
        {
            var bundle = RiskModelBundle.Load(p.GetValue(model)!);
            using var ws = GeoPackageWorkspace.Open(p.GetValue(ctx.Workspace)!);
            // Gaps filled in memory as in training (the layer is not changed; `risk impute` writes them).
            var inputs = LedgerGapFiller.Complete(RiskInputReader.Read(ws), bundle.Ledger);
            var set = PipeProfileBuilder.Build(inputs, Profile(p, spatial));
            var scores = RiskScorer.Score(set, bundle.Model, p.GetValue(year));
            var written = PipeLayerWriter.WriteRisk(ws, scores);
            var y = scores.Count > 0 ? scores[0].Year : set.Window.NextYear;
            ctx.Out.WriteLine(string.Create(C, $"scored {written} pipes for {y}: {scores.Sum(s => s.ExpectedBreaks):F1} breaks expected; risk_break_prob written to {ws.Location}"));
            foreach (var s in scores.OrderByDescending(s => s.BreakProbability).Take(p.GetValue(top)))
                ctx.Out.WriteLine(string.Create(C, $"  {s.PipeId,-12} p={s.BreakProbability:F3}  {s.ExpectedBreaksPerKm:F2} breaks/km"));
            return 0;
        });
        return cmd;
    }

    private static Command Impute(CliContext ctx)
    {
        var model = ModelOption("Model folder from `dxgeo risk train`");
        var dryRun = new Option<bool>("--dry-run") { Description = "Report what would be filled without writing" };
        var cmd = new Command("impute", "Fill missing install years and materials with the ledger-gap models; filled values are flagged *_imputed, recorded ones never change") { model, dryRun };
        cmd.SetAction(p =>
        {
            var bundle = RiskModelBundle.Load(p.GetValue(model)!);
            using var ws = GeoPackageWorkspace.Open(p.GetValue(ctx.Workspace)!);
            var inputs = RiskInputReader.Read(ws);
            var fills = LedgerGapFiller.Fill(inputs, bundle.Ledger);
            var materials = fills.Count(f => f.Material is not null);
            var years = fills.Count(f => f.InstallYear is not null);
            if (!p.GetValue(dryRun)) PipeLayerWriter.WriteFills(ws, fills);
            var im = bundle.Card.Imputation;
            ctx.Out.WriteLine($"{(p.GetValue(dryRun) ? "would fill" : "filled")} {materials} materials and {years} install years on {fills.Count} pipes" +
                              (p.GetValue(dryRun) ? "" : $" (flagged material_imputed / install_year_imputed in {ws.Location})"));
            ctx.Out.WriteLine(string.Create(C, $"expected accuracy (card): material {im.MaterialAccuracy:P1} (majority {im.MaterialMajorityAccuracy:P1}), install year ±{im.YearMaeYears:F1} y (mean-year ±{im.YearMeanBaselineMaeYears:F1} y)"));
            return 0;
        });
        return cmd;
    }

    private static Command Plan(CliContext ctx)
    {
        var model = ModelOption("Model folder from `dxgeo risk train`");
        var budget = new Option<double>("--budget") { Description = "Renewal budget per year (yen)", Required = true };
        var years = new Option<int>("--years") { Description = "Years to plan", DefaultValueFactory = _ => 5 };
        var output = new Option<string>("--out") { Description = "Plan CSV (a -summary.csv is written beside it)", DefaultValueFactory = _ => "plan.csv" };
        var geojson = new Option<string?>("--geojson") { Description = "Also write every pipe's risk, priority and plan year as GeoJSON" };
        var costs = new Option<string?>("--costs") { Description = "Cost table CSV (max_diameter_mm,yen_per_m); default: the indicative table shipped with DxGeo" };
        var firstYear = new Option<int?>("--first-year") { Description = "First plan year (default: the year after the break record ends)" };
        var saving = new Option<double>("--shared-excavation-saving") { Description = "Cost share saved when renewal is dug with planned road works in the same year", DefaultValueFactory = _ => 0.3 };
        var cmd = new Command("plan", "Choose pipes to renew each year within a budget (risk × consequence), compare with renewing by age, flag road-works overlaps, write plan year to the pipe layer")
        {
            model, budget, years, output, geojson, costs, firstYear, saving,
        };
        var spatial = AddSpatial(cmd);
        cmd.SetAction(p =>
        {
            var options = new RenewalOptions
            {
                BudgetYenPerYear = p.GetValue(budget), Years = p.GetValue(years), FirstYear = p.GetValue(firstYear),
                Costs = p.GetValue(costs) is { } c ? CostTable.Load(c) : CostTable.Default(),
                SharedExcavationSaving = p.GetValue(saving),
            };
            options.Validate();
            var bundle = RiskModelBundle.Load(p.GetValue(model)!);
            using var ws = GeoPackageWorkspace.Open(p.GetValue(ctx.Workspace)!);
            // Gaps filled in memory as in training (the layer is not changed; `risk impute` writes them).
            var inputs = LedgerGapFiller.Complete(RiskInputReader.Read(ws), bundle.Ledger);
            var set = PipeProfileBuilder.Build(inputs, Profile(p, spatial));
            var plan = RenewalPlanner.Plan(set, inputs, bundle.Model, options);
            var outPath = p.GetValue(output)!;
            PlanReportWriter.WriteCsv(plan, outPath);
            if (p.GetValue(geojson) is { } gj) PlanReportWriter.WriteGeoJson(plan, inputs.Pipes, gj);
            PipeLayerWriter.WritePlan(ws, plan);
            PrintPlan(ctx.Out, plan);
            ctx.Out.WriteLine($"wrote {Path.GetFullPath(outPath)} and risk_break_prob / risk_priority / renewal_year to {ws.Location}");
            return 0;
        });
        return cmd;
    }

    private static void PrintPlan(TextWriter o, RenewalPlan plan)
    {
        o.WriteLine(string.Create(C, $"budget ¥{plan.BudgetYenPerYear:N0} a year, {plan.FirstYear}–{plan.FirstYear + plan.Years - 1}:"));
        o.WriteLine("| strategy | year | segments | km | cost (¥M) | expected breaks avoided |");
        o.WriteLine("|---|---|---|---|---|---|");
        foreach (var s in new[] { plan.Model, plan.ByAge })
        {
            foreach (var y in s.Years)
                o.WriteLine(string.Create(C, $"| {s.Strategy} | {y.Year} | {y.Segments} | {y.LengthKm:F2} | {y.CostYen / 1e6:F1} | {y.ExpectedBreaksAvoided:F2} |"));
            o.WriteLine(string.Create(C, $"| **{s.Strategy}** | total | {s.Segments} | {s.LengthKm:F2} | {s.CostYen / 1e6:F1} | {s.ExpectedBreaksAvoided:F2} |"));
        }
        var gain = plan.ByAge.ExpectedBreaksAvoided > 0 ? plan.Model.ExpectedBreaksAvoided / plan.ByAge.ExpectedBreaksAvoided - 1 : double.NaN;
        o.WriteLine(string.Create(C, $"the risk plan avoids {gain:P0} more expected breaks than renewing by age for the same money"));
        if (plan.CostForAgePlanBreaksYen is { } cost && plan.ByAge.Years[0].CostYen > 0)
            o.WriteLine(string.Create(C, $"first year: the risk ranking matches the age plan's avoided breaks for ¥{cost / 1e6:F1}M instead of ¥{plan.ByAge.Years[0].CostYen / 1e6:F1}M ({1 - cost / plan.ByAge.Years[0].CostYen:P0} less)"));
        o.WriteLine($"{plan.RoadWorkOverlaps} planned renewals lie under planned road works ({plan.Renewals.Count(r => r.SharesExcavation)} in the same year: one excavation)");
        if (plan.UnaffordableSegments > 0) o.WriteLine($"{plan.UnaffordableSegments} pipes cost more than a year's budget on their own and were not considered");
    }
}
