using System.CommandLine;
using DxGeo.Core.Spatial;
using DxGeo.Core.Workspace;
using static DxGeo.Cli.Commands.QueryCommands;
using static DxGeo.Cli.Commands.SpatialCli;

namespace DxGeo.Cli.Commands;

/// <summary>The <c>dxgeo query</c> subcommands that summarize or derive: summary, buffer, snap-breaks.</summary>
internal static class QueryMoreCommands
{
    public static Command Summary(CliContext ctx)
    {
        var layer = Layer("Layer to summarize");
        var groupBy = new Option<string?>("--group-by") { Description = "Group by this field (e.g. material)" };
        var bbox = new Option<string?>("--bbox") { Description = "Only features meeting minLon,minLat,maxLon,maxLat (envelope, via the index)" };
        var cmd = new Command("summary", "Count, total length (km) and area (m²) of a layer, optionally per value of a field") { layer, groupBy, bbox };
        cmd.SetAction(p =>
        {
            using var ws = Open(ctx, p);
            var filter = p.GetValue(bbox) is { } b ? new FeatureQuery { BoundingBox = ParseBbox(b) } : null;
            var s = LayerSummaryOp.Run(ws, p.GetValue(layer)!, p.GetValue(groupBy), filter);
            // Lengths for lines, areas for polygons: print only the measures the layer has.
            var (lines, areas) = (s.Total.LengthM > 0, s.Total.AreaM2 > 0);
            string[] Row(GroupSummary g) =>
            [
                g.Key == "" ? "(null)" : g.Key, g.Count.ToString(),
                .. lines ? new[] { N(g.LengthKm, "F3") } : [], .. areas ? new[] { N(g.AreaM2, "F0") } : [],
            ];
            var rows = s.GroupBy is null ? [Row(s.Total with { Key = s.Layer })] : s.Groups.Select(Row).Append(Row(s.Total)).ToList();
            Table(ctx.Out, [s.GroupBy ?? "layer", "count>", .. lines ? new[] { "length_km>" } : [], .. areas ? new[] { "area_m2>" } : []], rows);
            return 0;
        });
        return cmd;
    }

    public static Command Buffer(CliContext ctx)
    {
        var layer = Layer("Layer to buffer, or LAYER:ID for one feature (e.g. levees:L-3)");
        var distance = new Option<double>("--distance", "-d") { Description = "Buffer distance in metres", Required = true };
        var dissolve = new Option<bool>("--dissolve") { Description = "Merge all buffers into one feature" };
        var toLayer = new Option<string?>("--to-layer") { Description = "Store the buffers as this workspace layer (replacing it)" };
        var output = Out();
        var cmd = new Command("buffer", "Polygons around features at a ground distance (m); GeoJSON on stdout, --out FILE or --to-layer NAME")
            { layer, distance, dissolve, toLayer, output };
        cmd.SetAction(p =>
        {
            using var ws = Open(ctx, p);
            var (name, id) = ParseLayerRef(p.GetValue(layer)!);
            var table = BufferOp.Run(ws, name, id, p.GetValue(distance), p.GetValue(dissolve), p.GetValue(toLayer));
            if (p.GetValue(toLayer) is { } target)
            {
                table.WriteTo(ws, replace: true);
                ctx.Out.WriteLine($"wrote {table.Records.Count:N0} buffer polygons to layer {target}");
            }
            else GeoJson(ctx, table, p.GetValue(output));
            return 0;
        });
        return cmd;
    }

    public static Command SnapBreaks(CliContext ctx)
    {
        var tolerance = new Option<double>("--tolerance", "-t") { Description = "Snapping tolerance in metres (default 10)", DefaultValueFactory = _ => 10 };
        var apply = new Option<bool>("--apply") { Description = "Write pipe_id and snap_distance_m into the pipe_breaks layer" };
        var strategy = new Option<string>("--strategy") { Description = "auto (default), snapshot (load pipes once) or index (one R-tree query per break)", DefaultValueFactory = _ => "auto" }
            .AcceptOnlyFromAmong("auto", "snapshot", "index");
        var cmd = new Command("snap-breaks", "Snap pipe breaks to the nearest pipe within a tolerance (m); reports breaks with none") { tolerance, apply, strategy };
        cmd.SetAction(p =>
        {
            using var ws = Open(ctx, p);
            var s = p.GetValue(strategy) switch { "snapshot" => SnapStrategy.Snapshot, "index" => SnapStrategy.WorkspaceIndex, _ => SnapStrategy.Auto };
            var snaps = BreakSnapOp.Run(ws, p.GetValue(tolerance), s);
            Table(ctx.Out, ["break_id", "pipe_id", "distance_m>"], snaps.Select(x => new[]
                { x.BreakId, x.PipeId ?? $"none within {N(p.GetValue(tolerance), "0.##")} m", x.DistanceM is { } d ? N(d, "F2") : "" }).ToList());
            var snapped = snaps.Count(x => x.Snapped);
            ctx.Err.WriteLine($"{snapped:N0} of {snaps.Count:N0} breaks snapped; {snaps.Count - snapped:N0} with no pipe within {N(p.GetValue(tolerance), "0.##")} m");
            if (p.GetValue(apply)) ctx.Err.WriteLine($"updated {BreakSnapOp.Apply(ws, snaps):N0} breaks in {ws.Location}");
            return 0;
        });
        return cmd;
    }
}
