using System.CommandLine;
using DxGeo.Core.Errors;
using DxGeo.Core.Workspace.GeoPackage;
using DxGeo.Review;
using DxGeo.Review.Accounts;
using DxGeo.Review.Exports;
using DxGeo.Review.Reviews;

namespace DxGeo.Cli.Commands;

/// <summary><c>dxgeo review …</c>: review settings and exports (training labels, findings, inspection reports).</summary>
internal static class ReviewCommands
{
    public static Command Build(CliContext ctx)
    {
        var cmd = new Command("review", "Inspectors' review of findings: settings and exports (the review itself is in the web app, /review.html)");

        var outLabels = new Option<string>("--out") { Description = "Labels CSV to write (crops go to a crops/ folder beside it)", Required = true };
        var onlyMisses = new Option<bool>("--only-misses") { Description = "Only findings inspectors added (the model's misses)" };
        var labels = new Command("export-labels", "Write reviewed findings as training labels (path,damaged,type) for 'dxgeo train damage'") { outLabels, onlyMisses };
        labels.SetAction(parse => With(ctx, parse, store =>
        {
            var r = TrainingLabelsExport.Run(store, parse.GetValue(outLabels)!, parse.GetValue(onlyMisses), ctx.Progress("labels"));
            ctx.Out.WriteLine($"wrote {r.CsvPath}: {r.Damaged} damaged, {r.NotDamaged} not damaged ({r.Misses} inspector-added misses)"
                + (r.SkippedMissingFiles > 0 ? $"; {r.SkippedMissingFiles} skipped (photo file missing)" : ""));
        }));

        var mode = new Argument<string>("mode") { Description = "single (one inspector settles a finding) or two (two different inspectors must agree)" };
        var modeCmd = new Command("mode", "Set the project's review mode") { mode };
        modeCmd.SetAction(parse => With(ctx, parse, store =>
        {
            var m = parse.GetValue(mode);
            if (m is not ("single" or "two")) throw new DxGeoException($"mode '{m}' is not single or two");
            ReviewSettings.SetTwoReviewers(store, Actor.LocalAdmin, m == "two");
            ctx.Out.WriteLine($"review mode: {m}");
        }));

        var format = new Option<string>("--format") { Description = "csv or geojson", DefaultValueFactory = _ => "csv" };
        var outFile = new Option<string>("--out") { Description = "File to write (default: stdout)" };
        var export = new Command("export", "Export findings with their review state") { format, outFile };
        export.SetAction(parse => With(ctx, parse, store =>
        {
            var f = parse.GetValue(format);
            if (f is not ("csv" or "geojson")) throw new DxGeoException($"format '{f}' is not csv or geojson");
            var path = parse.GetValue(outFile);
            using var stream = path is null ? new MemoryStream() : (Stream)File.Create(path);
            if (f == "csv") { using var w = new StreamWriter(stream, leaveOpen: true); FindingsExport.WriteCsv(store, w); }
            else FindingsExport.WriteGeoJson(store, stream);
            if (path is null) ctx.Out.Write(System.Text.Encoding.UTF8.GetString(((MemoryStream)stream).ToArray()));
            else ctx.Err.WriteLine($"wrote {Path.GetFullPath(path)}");
        }));

        var asset = new Option<string>("--asset") { Description = "Asset as layer/id, e.g. bridges/B-001", Required = true };
        var outReport = new Option<string>("--out") { Description = "HTML file to write (print it to PDF with Chromium)", Required = true };
        var report = new Command("report", "Write the inspection report of one asset (HTML)") { asset, outReport };
        report.SetAction(parse => With(ctx, parse, store =>
        {
            var a = parse.GetValue(asset)!.Split('/', 2);
            if (a.Length != 2) throw new DxGeoException($"--asset '{parse.GetValue(asset)}' must be layer/id, e.g. bridges/B-001");
            using var w = new StreamWriter(parse.GetValue(outReport)!);
            InspectionReport.Write(store, a[0], a[1], w);
            ctx.Out.WriteLine($"wrote {Path.GetFullPath(parse.GetValue(outReport)!)}");
        }));

        cmd.Subcommands.Add(labels);
        cmd.Subcommands.Add(modeCmd);
        cmd.Subcommands.Add(export);
        cmd.Subcommands.Add(report);
        return cmd;
    }

    /// <summary>Opens the existing workspace and its review store for one command (review and users commands).</summary>
    internal static int With(CliContext ctx, ParseResult parse, Action<ReviewStore> body)
    {
        var path = Path.GetFullPath(parse.GetValue(ctx.Workspace)!);
        if (!File.Exists(path)) throw new DxGeoException($"{path}: no workspace there (create one with 'dxgeo init')");
        using var ws = GeoPackageWorkspace.Open(path);
        body(new ReviewStore(ws));
        return 0;
    }
}
