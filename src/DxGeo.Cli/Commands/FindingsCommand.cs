using System.CommandLine;
using System.Globalization;
using DxGeo.Core.Workspace.GeoPackage;
using DxGeo.Imagery.Findings;

namespace DxGeo.Cli.Commands;

/// <summary><c>dxgeo findings list|export</c>: suspected damage raised by the scoring run, per asset, as GeoJSON or CSV.</summary>
internal static class FindingsCommand
{
    private static readonly CultureInfo C = CultureInfo.InvariantCulture;

    public static Command Build(CliContext ctx)
    {
        var cmd = new Command("findings", "Suspected damage on drone photos: list per asset, export as GeoJSON or CSV");
        cmd.Subcommands.Add(List(ctx));
        cmd.Subcommands.Add(Export(ctx));
        return cmd;
    }

    private static Command List(CliContext ctx)
    {
        var asset = new Option<string?>("--asset") { Description = "List the findings of this asset id (default: a summary per asset)" };
        var flight = new Option<string?>("--flight") { Description = "Only findings on this flight's photos" };
        var cmd = new Command("list", "Findings per asset (count, to review, best score), or every finding of one asset") { asset, flight };
        cmd.SetAction(p =>
        {
            using var ws = GeoPackageWorkspace.Open(p.GetValue(ctx.Workspace)!);
            if (p.GetValue(asset) is { } id)
            {
                var items = FindingsListOp.Items(ws, id, p.GetValue(flight));
                ctx.Out.WriteLine($"{items.Count} findings on {id}");
                ctx.Out.WriteLine("finding_id\tscore\tstatus\timage_id\tbox_px");
                foreach (var f in items)
                    ctx.Out.WriteLine(string.Create(C, $"{f.FindingId}\t{f.Score:0.000}\t{f.Status}\t{f.ImageId[..12]}\t{f.BoxXPx},{f.BoxYPx},{f.BoxWPx}x{f.BoxHPx}"));
                return 0;
            }
            var per = FindingsListOp.PerAsset(ws, p.GetValue(flight));
            if (per.Count == 0) { ctx.Out.WriteLine("No findings."); return 0; }
            ctx.Out.WriteLine("asset\tfindings\tto_review\tphotos\tmax_score");
            foreach (var a in per)
                ctx.Out.WriteLine(string.Create(C, $"{(a.AssetId is null ? "(no asset)" : $"{a.AssetLayer}/{a.AssetId}")}\t{a.Count}\t{a.ToReview}\t{a.Images}\t{a.MaxScore:0.000}"));
            return 0;
        });
        return cmd;
    }

    private static Command Export(CliContext ctx)
    {
        var format = new Option<string>("--format") { Description = "geojson or csv", Required = true };
        format.AcceptOnlyFromAmong("geojson", "csv");
        var outPath = new Option<string>("--out") { Description = "Output file (.geojson or .csv)", Required = true };
        var asset = new Option<string?>("--asset") { Description = "Only this asset's findings" };
        var cmd = new Command("export", "Write findings (polygon of the flagged region on the ground, score, status, links) to GeoJSON or CSV") { format, outPath, asset };
        cmd.SetAction(p =>
        {
            using var ws = GeoPackageWorkspace.Open(p.GetValue(ctx.Workspace)!);
            var r = FindingsExportOp.Export(ws, p.GetValue(outPath)!, p.GetValue(format)!, p.GetValue(asset));
            ctx.Out.WriteLine($"Wrote {r.Count} findings to {r.Path} ({r.Format})");
            return 0;
        });
        return cmd;
    }
}
