using System.CommandLine;
using DxGeo.Core.Errors;
using DxGeo.Core.Features;
using DxGeo.Core.Spatial;
using DxGeo.Core.Workspace;
using DxGeo.Core.Workspace.GeoPackage;
using NetTopologySuite.Geometries;
using static DxGeo.Cli.Commands.SpatialCli;

namespace DxGeo.Cli.Commands;

/// <summary><c>dxgeo query …</c>: the spatial questions over the workspace (bbox, within, nearest, intersects, summary, buffer, snap-breaks).</summary>
internal static class QueryCommands
{
    public static Command Build(CliContext ctx)
    {
        var cmd = new Command("query", "Spatial questions over the workspace layers (distances and lengths in metres, via the spatial index)");
        cmd.Subcommands.Add(Bbox(ctx));
        cmd.Subcommands.Add(Within(ctx));
        cmd.Subcommands.Add(Nearest(ctx));
        cmd.Subcommands.Add(Intersects(ctx));
        cmd.Subcommands.Add(QueryMoreCommands.Summary(ctx));
        cmd.Subcommands.Add(QueryMoreCommands.Buffer(ctx));
        cmd.Subcommands.Add(QueryMoreCommands.SnapBreaks(ctx));
        return cmd;
    }

    internal static Option<string> Layer(string description = "Layer to search (e.g. water_pipes)") =>
        new("--layer", "-l") { Description = description, Required = true };

    internal static Option<string?> Fields() =>
        new("--fields") { Description = "Extra attribute columns for the table, comma separated (e.g. material,diameter_mm)" };

    private static Command Bbox(CliContext ctx)
    {
        var layer = Layer();
        var bbox = new Option<string>("--bbox") { Description = "minLon,minLat,maxLon,maxLat (EPSG:4326)", Required = true };
        var limit = new Option<long?>("--limit") { Description = "Stop after this many features" };
        var (format, output, fields) = (Format(), Out(), Fields());
        var cmd = new Command("bbox", "Features whose geometry meets a lon/lat box") { layer, bbox, limit, format, output, fields };
        cmd.SetAction(p =>
        {
            using var ws = Open(ctx, p);
            var hits = BoundingBoxQuery.Run(ws, p.GetValue(layer)!, ParseBbox(p.GetValue(bbox)!), p.GetValue(limit)).ToList();
            WriteHits(ctx, ws, p.GetValue(layer)!, hits, p.GetValue(format)!, p.GetValue(output), p.GetValue(fields), "bbox");
            return 0;
        });
        return cmd;
    }

    private static Command Within(CliContext ctx)
    {
        var layer = Layer();
        var of = new Option<string?>("--of") { Description = "Target layer, or LAYER:ID for one feature (e.g. levees:L-3)" };
        var point = new Option<string?>("--point") { Description = "Target point lon,lat instead of a layer" };
        var distance = new Option<double>("--distance", "-d") { Description = "Distance in metres", Required = true };
        var (format, output, fields) = (Format(), Out(), Fields());
        var cmd = new Command("within", "Features within a distance (m) of another layer's features or of a point") { layer, of, point, distance, format, output, fields };
        cmd.SetAction(p =>
        {
            if ((p.GetValue(of) is null) == (p.GetValue(point) is null)) throw new DxGeoException("give exactly one of --of LAYER[:ID] or --point lon,lat");
            using var ws = Open(ctx, p);
            IReadOnlyList<SpatialHit> hits;
            if (p.GetValue(of) is { } target)
            {
                var (tl, id) = ParseLayerRef(target);
                hits = WithinDistanceOp.Run(ws, p.GetValue(layer)!, tl, id, p.GetValue(distance));
            }
            else
            {
                var (lon, lat) = ParsePoint(p.GetValue(point)!);
                hits = WithinDistanceOp.Run(ws, p.GetValue(layer)!, new GeometryFactory(new PrecisionModel(), 4326).CreatePoint(new Coordinate(lon, lat)), p.GetValue(distance));
            }
            WriteHits(ctx, ws, p.GetValue(layer)!, hits, p.GetValue(format)!, p.GetValue(output), p.GetValue(fields), "within");
            return 0;
        });
        return cmd;
    }

    private static Command Nearest(CliContext ctx)
    {
        var layer = Layer();
        var point = new Option<string>("--point") { Description = "lon,lat (EPSG:4326)", Required = true };
        var k = new Option<int>("--k", "-k") { Description = "How many (default 5)", DefaultValueFactory = _ => 5 };
        var max = new Option<double?>("--max-distance") { Description = "Ignore features farther than this (m)" };
        var (format, output, fields) = (Format(), Out(), Fields());
        var cmd = new Command("nearest", "The k features nearest to a point, with ground distances (m)") { layer, point, k, max, format, output, fields };
        cmd.SetAction(p =>
        {
            using var ws = Open(ctx, p);
            var (lon, lat) = ParsePoint(p.GetValue(point)!);
            var hits = NearestOp.Run(ws, p.GetValue(layer)!, lon, lat, p.GetValue(k), p.GetValue(max));
            WriteHits(ctx, ws, p.GetValue(layer)!, hits, p.GetValue(format)!, p.GetValue(output), p.GetValue(fields), "nearest");
            return 0;
        });
        return cmd;
    }

    private static Command Intersects(CliContext ctx)
    {
        var layer = Layer();
        var with = new Option<string>("--with") { Description = "Layer to test against, or LAYER:ID (e.g. flood_zones)", Required = true };
        var predicate = new Option<string>("--predicate") { Description = "intersects (default), within (wholly inside), contains", DefaultValueFactory = _ => "intersects" }
            .AcceptOnlyFromAmong("intersects", "within", "contains");
        var groupBy = new Option<string?>("--group-by") { Description = "Summarize the hits per value of this field (e.g. material)" };
        var (format, output, fields) = (Format(), Out(), Fields());
        var cmd = new Command("intersects", "Features that intersect / lie within / contain another layer's features, with lengths inside (m)")
            { layer, with, predicate, groupBy, format, output, fields };
        cmd.SetAction(p =>
        {
            using var ws = Open(ctx, p);
            var (tl, id) = ParseLayerRef(p.GetValue(with)!);
            var pred = Enum.Parse<SpatialPredicate>(p.GetValue(predicate)!, ignoreCase: true);
            var result = IntersectsOp.Run(ws, p.GetValue(layer)!, tl, id, pred);
            if (p.GetValue(format) == "geojson")
            {
                GeoJson(ctx, result.ToTable($"{result.Schema.Name}_{p.GetValue(predicate)}_{tl}"), p.GetValue(output));
                return 0;
            }
            if (p.GetValue(groupBy) is { } field)
            {
                var groups = result.GroupBy(field);
                var total = new IntersectsGroup("total", groups.Sum(g => g.Count), groups.Sum(g => g.LengthM), groups.Sum(g => g.LengthInsideM), groups.Sum(g => g.AreaInsideM2));
                // Lengths for lines, areas for polygons: print only the measures the layer has.
                var (lines, areas) = (total.LengthM > 0, total.AreaInsideM2 > 0);
                string[] Row(IntersectsGroup g) =>
                [
                    g.Key == "" ? "(null)" : g.Key, g.Count.ToString(),
                    .. lines ? new[] { N(g.LengthKm, "F3"), N(g.LengthInsideKm, "F3") } : [], .. areas ? new[] { N(g.AreaInsideM2, "F0") } : [],
                ];
                Table(ctx.Out, [field, "count>", .. lines ? new[] { "length_km>", "inside_km>" } : [], .. areas ? new[] { "inside_m2>" } : []],
                    [.. groups.Select(Row), Row(total)]);
                return 0;
            }
            var extra = ExtraFields(result.Schema, p.GetValue(fields));
            Table(ctx.Out, ["id", .. extra.Select(e => e.Name), "targets", "length_m>", "inside_m>", "inside_m2>"], result.Hits.Select(h =>
                (string[])[h.Id, .. extra.Select(e => Text(h.Feature, e.Index)), string.Join(",", h.TargetIds), N(h.LengthM), N(h.LengthInsideM), N(h.AreaInsideM2, "F0")]).ToList());
            ctx.Err.WriteLine($"{result.Hits.Count:N0} features");
            return 0;
        });
        return cmd;
    }

    internal static GeoPackageWorkspace Open(CliContext ctx, ParseResult p) => GeoPackageWorkspace.Open(p.GetValue(ctx.Workspace)!);

    internal static List<(string Name, int Index)> ExtraFields(LayerSchema schema, string? list) =>
        (list ?? "").Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Select(f =>
        {
            var i = schema.IndexOf(f);
            if (i < 0) throw new DxGeoException($"layer '{schema.Name}' has no field '{f}' (fields: {string.Join(", ", schema.Fields.Select(x => x.Name))})");
            return (schema.Fields[i].Name, i);
        }).ToList();

    internal static string Text(FeatureRecord r, int i) => i < r.Values.Length && r.Values[i] is { } v
        ? Convert.ToString(v, System.Globalization.CultureInfo.InvariantCulture) ?? "" : "";

    private static void WriteHits(CliContext ctx, IWorkspace ws, string layer, IReadOnlyList<SpatialHit> hits, string format, string? output, string? fields, string question)
    {
        var schema = ws.FindLayer(layer)!.Schema;
        if (format == "geojson")
        {
            GeoJson(ctx, SpatialHit.ToTable(schema, hits, $"{schema.Name}_{question}"), output);
            return;
        }
        var extra = ExtraFields(schema, fields);
        var withDistance = hits.Any(h => h.DistanceM is not null);
        var withTarget = hits.Any(h => h.TargetId is not null);
        string[] head = ["id", .. extra.Select(e => e.Name), .. withDistance ? new[] { "distance_m>" } : [], .. withTarget ? new[] { "target" } : []];
        Table(ctx.Out, head, hits.Select(h => (string[])
        [
            h.Id, .. extra.Select(e => Text(h.Feature, e.Index)),
            .. withDistance ? new[] { N(h.DistanceM ?? double.NaN) } : [],
            .. withTarget ? new[] { h.TargetId ?? "" } : [],
        ]).ToList());
        ctx.Err.WriteLine($"{hits.Count:N0} features");
    }
}
