using System.CommandLine;
using System.Globalization;
using DxGeo.Core.Features;
using DxGeo.Core.Mesh;
using DxGeo.Core.Spatial;
using static DxGeo.Cli.Commands.SpatialCli;

namespace DxGeo.Cli.Commands;

/// <summary><c>dxgeo mesh …</c>: JIS X 0410 regional mesh codes (first 80 km … quarter 250 m) and per-mesh aggregation.</summary>
internal static class MeshCommands
{
    public static Command Build(CliContext ctx)
    {
        var cmd = new Command("mesh", "JIS X 0410 regional mesh codes (地域メッシュ): code of a point, bounds of a code, cells of an area, per-mesh totals");
        cmd.Subcommands.Add(Code(ctx));
        cmd.Subcommands.Add(Bounds(ctx));
        cmd.Subcommands.Add(Cover(ctx));
        cmd.Subcommands.Add(Aggregate(ctx));
        return cmd;
    }

    private static Option<string?> LevelOption(string description) => new("--level") { Description = description };

    private static Command Code(CliContext ctx)
    {
        var point = new Option<string>("--point") { Description = "lon,lat (JGD2011/WGS 84 degrees, lon first)", Required = true };
        var level = LevelOption("first, second, third, half or quarter (or 80km … 250m); all levels when omitted");
        var cmd = new Command("code", "The mesh code containing a point") { point, level };
        cmd.SetAction(p =>
        {
            var (lon, lat) = ParsePoint(p.GetValue(point)!);
            if (p.GetValue(level) is { } l)
            {
                ctx.Out.WriteLine(JisMesh.FromLonLat(lon, lat, MeshLevels.Parse(l)));
                return 0;
            }
            Table(ctx.Out, ["level", "size", "code", "dashed"], MeshLevels.All.Select(lv =>
            {
                var c = JisMesh.FromLonLat(lon, lat, lv);
                return new[] { MeshLevels.Name(lv), MeshLevels.NominalSize(lv), c.ToString(), c.ToDashed() };
            }).ToList());
            return 0;
        });
        return cmd;
    }

    private static Command Bounds(CliContext ctx)
    {
        var code = new Argument<string>("code") { Description = "Mesh code of 4, 6, 8, 9 or 10 digits (dashes allowed: 5339-46-11)" };
        var (format, output) = (Format(), Out());
        var cmd = new Command("bounds", "The lon/lat rectangle of a mesh code") { code, format, output };
        cmd.SetAction(p =>
        {
            var c = JisMesh.Parse(p.GetValue(code)!);
            if (p.GetValue(format) == "geojson")
            {
                GeoJson(ctx, CellTable("mesh", [c]), p.GetValue(output));
                return 0;
            }
            var e = JisMesh.Bounds(c);
            string D(double v) => v.ToString("0.#########", CultureInfo.InvariantCulture);
            ctx.Out.WriteLine($"code    {c} ({c.ToDashed()}), {MeshLevels.Name(c.Level)} mesh ({MeshLevels.NominalSize(c.Level)})");
            ctx.Out.WriteLine($"south   {D(e.MinY)}  ({Dms(e.MinY)})");
            ctx.Out.WriteLine($"north   {D(e.MaxY)}  ({Dms(e.MaxY)})");
            ctx.Out.WriteLine($"west    {D(e.MinX)}  ({Dms(e.MinX)})");
            ctx.Out.WriteLine($"east    {D(e.MaxX)}  ({Dms(e.MaxX)})");
            ctx.Out.WriteLine($"bbox    {D(e.MinX)},{D(e.MinY)},{D(e.MaxX)},{D(e.MaxY)}");
            return 0;
        });
        return cmd;
    }

    private static Command Cover(CliContext ctx)
    {
        var bbox = new Option<string>("--bbox") { Description = "minLon,minLat,maxLon,maxLat", Required = true };
        var level = LevelOption("first, second, third, half or quarter (default third)");
        var (format, output) = (Format(), Out());
        var cmd = new Command("cover", "The mesh cells covering a lon/lat box") { bbox, level, format, output };
        cmd.SetAction(p =>
        {
            var lv = MeshLevels.Parse(p.GetValue(level) ?? "third");
            var cells = JisMesh.Covering(ParseBbox(p.GetValue(bbox)!), lv).ToList();
            if (p.GetValue(format) == "geojson") GeoJson(ctx, CellTable($"mesh_{MeshLevels.NominalSize(lv)}", cells), p.GetValue(output));
            else foreach (var c in cells) ctx.Out.WriteLine(c);
            return 0;
        });
        return cmd;
    }

    private static Command Aggregate(CliContext ctx)
    {
        var layer = QueryCommands.Layer("Layer to aggregate (e.g. water_pipes)");
        var level = LevelOption("first, second, third, half or quarter (default quarter, 250 m)");
        var toLayer = new Option<string?>("--to-layer") { Description = "Store the cells as this workspace layer (replacing it)" };
        var output = Out("Also write the cells as a GeoJSON polygon layer to this file");
        var top = new Option<int>("--top") { Description = "Rows of the printed table (default 20, largest length first)", DefaultValueFactory = _ => 20 };
        var cmd = new Command("aggregate", "Per-mesh feature count, length (m) and area (m²) of a layer, as a polygon layer; --out FILE.geojson or --to-layer NAME")
            { layer, level, toLayer, output, top };
        cmd.SetAction(p =>
        {
            using var ws = QueryCommands.Open(ctx, p);
            var lv = MeshLevels.Parse(p.GetValue(level) ?? "quarter");
            var table = MeshAggregateOp.Run(ws, p.GetValue(layer)!, lv, p.GetValue(toLayer));
            if (p.GetValue(toLayer) is { } name)
            {
                table.WriteTo(ws, replace: true);
                ctx.Err.WriteLine($"wrote {table.Records.Count:N0} {MeshLevels.NominalSize(lv)} cells to layer {name}");
            }
            if (p.GetValue(output) is { } file) GeoJson(ctx, table, file);
            var (count, length, area) = (table.Records.Sum(r => (long)r.Values[2]!), table.Records.Sum(r => (double)r.Values[3]!), table.Records.Sum(r => (double)r.Values[4]!));
            // Lengths for lines, areas for polygons: print only the measures the layer has.
            var (lines, areas) = (length > 0, area > 0);
            string[] Row(string code, string n, double lengthM, double areaM2) =>
                [code, n, .. lines ? new[] { N(lengthM / 1000, "F3") } : [], .. areas ? new[] { N(areaM2, "F0") } : []];
            var rows = table.Records.OrderByDescending(r => (double)r.Values[3]!).ThenByDescending(r => (double)r.Values[4]!).ThenByDescending(r => (long)r.Values[2]!)
                .Take(Math.Max(0, p.GetValue(top)))
                .Select(r => Row((string)r.Values[0]!, ((long)r.Values[2]!).ToString(), (double)r.Values[3]!, (double)r.Values[4]!)).ToList();
            rows.Add(Row("total", count + "*", length, area));
            Table(ctx.Out, ["mesh_code", "features>", .. lines ? new[] { "length_km>" } : [], .. areas ? new[] { "area_m2>" } : []], rows);
            ctx.Err.WriteLine($"{table.Records.Count:N0} {MeshLevels.NominalSize(lv)} cells hold features (* a feature crossing cells counts in each)");
            return 0;
        });
        return cmd;
    }

    private static FeatureTable CellTable(string name, IReadOnlyList<MeshCode> cells) => new(
        new LayerSchema
        {
            Name = name, GeometryType = LayerGeometryType.Polygon, IdField = "mesh_code",
            Fields = [new("mesh_code", FieldType.Text, false), new("mesh_level", FieldType.Text, false)],
        },
        cells.Select(c => new FeatureRecord(JisMesh.ToPolygon(c), [c.ToString(), MeshLevels.Name(c.Level)])).ToList());

    private static string Dms(double deg)
    {
        var totalSec = Math.Round(deg * 3600, 3);
        var d = (int)(totalSec / 3600);
        var m = (int)((totalSec - d * 3600) / 60);
        var s = totalSec - d * 3600 - m * 60;
        return $"{d}°{m:00}′{s.ToString("00.###", CultureInfo.InvariantCulture)}″";
    }
}
