using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using DxGeo.Core.Errors;
using DxGeo.Core.Features;
using DxGeo.Core.Workspace;
using DxGeo.Core.Workspace.GeoPackage;
using NetTopologySuite.Geometries;

namespace DxGeo.Cli.Commands;

/// <summary><c>dxgeo init</c> (create the workspace GeoPackage) and <c>dxgeo layers</c> (list what it holds).</summary>
internal static class WorkspaceCommands
{
    public static Command BuildInit(CliContext ctx)
    {
        var force = new Option<bool>("--force") { Description = "Replace an existing file at the workspace path" };
        var cmd = new Command("init", "Create an empty workspace (a GeoPackage 1.3 file; --workspace chooses where)") { force };
        cmd.SetAction(parse =>
        {
            var path = Path.GetFullPath(parse.GetValue(ctx.Workspace)!);
            if (Directory.Exists(path)) throw new DxGeoException($"{path} is a directory");
            if (File.Exists(path))
            {
                if (!parse.GetValue(force))
                    throw new DxGeoException($"{path} already exists; use --force to replace it");
                foreach (var f in new[] { path, path + "-wal", path + "-shm", path + "-journal" })
                    if (File.Exists(f)) File.Delete(f);
                ctx.Err.WriteLine($"replaced {path}");
            }
            using var ws = GeoPackageWorkspace.Create(path);
            ctx.Out.WriteLine($"created workspace {ws.Location}");
            return 0;
        });
        return cmd;
    }

    public static Command BuildLayers(CliContext ctx)
    {
        var json = new Option<bool>("--json") { Description = "Print JSON instead of a table" };
        var cmd = new Command("layers", "List the workspace's layers: name, geometry type, CRS, feature count and extent") { json };
        cmd.SetAction(parse =>
        {
            using var ws = GeoPackageWorkspace.Open(parse.GetValue(ctx.Workspace)!);
            var layers = ws.ListLayers();
            if (parse.GetValue(json)) ctx.Out.WriteLine(ToJson(layers));
            else WriteTable(ctx.Out, ws.Location, layers);
            return 0;
        });
        return cmd;
    }

    private static void WriteTable(TextWriter o, string location, IReadOnlyList<LayerInfo> layers)
    {
        if (layers.Count == 0)
        {
            o.WriteLine($"{location}: no layers");
            return;
        }
        var rows = layers.Select(l => new[]
        {
            l.Name, l.Schema.GeometryType == LayerGeometryType.None ? "(table)" : l.Schema.GeometryType.ToString(),
            l.Schema.GeometryType == LayerGeometryType.None ? "" : $"EPSG:{l.Schema.Srid}",
            l.FeatureCount.ToString("N0", CultureInfo.InvariantCulture), Extent(l.Extent),
        }).ToList();
        string[] head = ["name", "type", "crs", "features", "extent (minx, miny, maxx, maxy)"];
        var widths = head.Select((h, i) => Math.Max(h.Length, rows.Max(r => r[i].Length))).ToArray();
        string Line(string[] cells) => string.Join("  ", cells.Select((c, i) => i == 3 ? c.PadLeft(widths[i]) : c.PadRight(widths[i]))).TrimEnd();
        o.WriteLine(Line(head));
        foreach (var r in rows) o.WriteLine(Line(r));
    }

    private static string Extent(Envelope? e) => e is null || e.IsNull
        ? ""
        : string.Join(", ", new[] { e.MinX, e.MinY, e.MaxX, e.MaxY }.Select(v => v.ToString("0.######", CultureInfo.InvariantCulture)));

    private static string ToJson(IReadOnlyList<LayerInfo> layers) => JsonSerializer.Serialize(layers.Select(l => new
    {
        name = l.Name,
        title = l.Schema.Title,
        geometry_type = l.Schema.GeometryType.ToString(),
        epsg = l.Schema.GeometryType == LayerGeometryType.None ? (int?)null : l.Schema.Srid,
        feature_count = l.FeatureCount,
        extent = l.Extent is { IsNull: false } e ? new[] { e.MinX, e.MinY, e.MaxX, e.MaxY } : null,
        id_field = l.Schema.IdField,
        time_field = l.Schema.TimeField,
        fields = l.Schema.Fields.Select(f => new { name = f.Name, type = f.Type.ToString(), nullable = f.Nullable, description = f.Description }),
    }), new JsonSerializerOptions { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
}
