using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using DxGeo.Core.Errors;
using DxGeo.Core.Export;
using DxGeo.Core.Formats;
using DxGeo.Core.Formats.Csv;
using DxGeo.Core.Import;
using DxGeo.Core.Workspace.GeoPackage;

namespace DxGeo.Cli.Commands;

/// <summary><c>dxgeo import</c> (a GeoJSON/Shapefile/CSV/GeoPackage file into a workspace layer, all or nothing) and
/// <c>dxgeo export</c> (a layer to GeoJSON/Shapefile/CSV/GeoPackage). Syntax of --map/--values: docs/formats.md.</summary>
internal static class ImportExportCommands
{
    public static Command BuildImport(CliContext ctx)
    {
        var file = new Argument<string>("file") { Description = "File to import: .geojson/.json, .shp, .csv/.tsv/.txt or .gpkg" };
        var layer = new Option<string>("--layer", "-l") { Description = "Target layer: water_pipes, pipe_breaks, bridges, levees, soil, flood_zones, … or a new user layer", Required = true };
        var map = new Option<string[]>("--map") { Description = "Field mapping field=COLUMN,… (ours=theirs), e.g. material=KANSHU,diameter_mm=KOKEI; repeatable" };
        var values = new Option<string[]>("--values") { Description = "Value mapping field:THEIRS=OURS;THEIRS=OURS,… e.g. material:ダクタイル鋳鉄=DCIP;鋳鉄=CIP;*=UNK; repeatable" };
        var encoding = new Option<string?>("--encoding") { Description = "Attribute text encoding (utf-8, cp932/shift_jis), overriding .cpg and detection" };
        var srid = new Option<int?>("--srid") { Description = "EPSG code of the file's coordinates, overriding or supplying its CRS (e.g. 6677 for JGD2011 zone IX)" };
        var append = new Option<bool>("--append") { Description = "Add to the layer instead of replacing it" };
        var lenient = new Option<bool>("--invalid-as-null") { Description = "Store null (and report) for values that cannot be converted, instead of failing the import" };
        var sourceLayer = new Option<string?>("--source-layer") { Description = "Layer to read from a GeoPackage that has several" };
        var xCol = new Option<string?>("--x-column") { Description = "CSV column of x / longitude / easting (default: lon, lng, 経度, x…)" };
        var yCol = new Option<string?>("--y-column") { Description = "CSV column of y / latitude / northing (default: lat, 緯度, y…)" };
        var wktCol = new Option<string?>("--wkt-column") { Description = "CSV column holding WKT geometry (default: WKT, geometry, geom…)" };
        var delimiter = new Option<string?>("--delimiter") { Description = "CSV delimiter: , ; tab (default: detected)" };
        var snap = new Option<double>("--snap-tolerance") { Description = "pipe_breaks: snap breaks to the nearest water pipe within this many metres", DefaultValueFactory = _ => 10.0 };
        var json = new Option<bool>("--json") { Description = "Print the import report as JSON" };
        var cmd = new Command("import", "Import a file into a workspace layer (all or nothing: a problem anywhere imports nothing and names file, feature and field)")
        {
            file, layer, map, values, encoding, srid, append, lenient, sourceLayer, xCol, yCol, wktCol, delimiter, snap, json,
        };
        cmd.SetAction(parse =>
        {
            var enc = parse.GetValue(encoding) is { } e ? TextEncodings.Resolve(e) : null;
            var snapper = new BreakSnapEnricher(parse.GetValue(snap));
            var options = new ImportOptions
            {
                Layer = parse.GetValue(layer)!,
                Fields = FieldMapping.Parse(parse.GetValue(map) ?? []),
                Values = ValueMapping.Parse(parse.GetValue(values) ?? []),
                Encoding = enc,
                Srid = parse.GetValue(srid),
                Append = parse.GetValue(append),
                InvalidValuesAsNull = parse.GetValue(lenient),
                SourceLayer = parse.GetValue(sourceLayer),
                Csv = new CsvOptions
                {
                    XColumn = parse.GetValue(xCol), YColumn = parse.GetValue(yCol), WktColumn = parse.GetValue(wktCol),
                    Delimiter = Delimiter(parse.GetValue(delimiter)),
                },
                Enrichers = [snapper],
                Progress = ctx.Progress("import"),
            };
            var wsPath = Path.GetFullPath(parse.GetValue(ctx.Workspace)!);
            var existed = File.Exists(wsPath);
            ImportReport report;
            try
            {
                using var ws = GeoPackageWorkspace.OpenOrCreate(wsPath);
                report = LayerImporter.Import(ws, parse.GetValue(file)!, options);
            }
            catch when (!existed && File.Exists(wsPath))
            {
                File.Delete(wsPath); // the failed import created it: leave no trace
                throw;
            }
            if (parse.GetValue(json)) ctx.Out.WriteLine(JsonSerializer.Serialize(report, new JsonSerializerOptions { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }));
            else Print(ctx.Out, report, snapper);
            return 0;
        });
        return cmd;
    }

    public static Command BuildExport(CliContext ctx)
    {
        var file = new Argument<string>("out-file") { Description = "Output file; the format follows its extension: .geojson, .shp, .csv or .gpkg" };
        var layer = new Option<string>("--layer", "-l") { Description = "Layer to export", Required = true };
        var encoding = new Option<string?>("--encoding") { Description = "Text encoding of .shp/.csv attributes: utf-8 (default) or cp932 (Shift_JIS)" };
        var srid = new Option<int?>("--srid") { Description = "EPSG code to write coordinates in (default 4326; GeoJSON is always 4326)" };
        var precision = new Option<int?>("--precision") { Description = "GeoJSON: decimals of coordinates (7 ≈ 1 cm; default full precision)" };
        var csvGeom = new Option<string?>("--csv-geometry") { Description = "CSV geometry as 'wkt' or 'xy' columns (default: xy for points, wkt otherwise)" };
        var cmd = new Command("export", "Export a workspace layer to GeoJSON (RFC 7946), Shapefile, CSV or GeoPackage") { file, layer, encoding, srid, precision, csvGeom };
        cmd.SetAction(parse =>
        {
            var options = new ExportOptions
            {
                Srid = parse.GetValue(srid),
                Encoding = parse.GetValue(encoding) is { } e ? TextEncodings.Resolve(e) : null,
                CoordinateDecimals = parse.GetValue(precision),
                CsvGeometry = parse.GetValue(csvGeom)?.ToLowerInvariant() switch
                {
                    null => null, "wkt" => CsvGeometryMode.Wkt, "xy" => CsvGeometryMode.XY,
                    var other => throw new DxGeoException($"--csv-geometry: '{other}' is not wkt or xy"),
                },
                Progress = ctx.Progress("export"),
            };
            using var ws = GeoPackageWorkspace.Open(parse.GetValue(ctx.Workspace)!);
            var r = LayerExporter.Export(ws, parse.GetValue(layer)!, parse.GetValue(file)!, options);
            ctx.Out.WriteLine($"exported {r.Count:N0} features of {r.Layer} to {r.Path} ({r.Format}, EPSG:{r.Epsg})");
            if (r.RenamedFields.Count > 0)
                ctx.Out.WriteLine($"  field names shortened for .dbf: {string.Join(", ", r.RenamedFields.Select(kv => $"{kv.Key} → {kv.Value}"))}");
            foreach (var w in r.Warnings) ctx.Out.WriteLine($"  warning: {w}");
            return 0;
        });
        return cmd;
    }

    private static char? Delimiter(string? s) => s switch
    {
        null => null,
        "tab" or "\\t" or "\t" => '\t',
        { Length: 1 } => s[0],
        _ => throw new DxGeoException($"--delimiter: '{s}' is not one character (or 'tab')"),
    };

    private static void Print(TextWriter o, ImportReport r, BreakSnapEnricher snapper)
    {
        o.WriteLine($"imported {r.FeaturesImported.ToString("N0", CultureInfo.InvariantCulture)} features from {r.File} ({r.Format}, EPSG:{r.SourceEpsg}) into {r.Layer} ({r.Mode})");
        if (r.FieldSources.Count > 0)
            o.WriteLine($"  fields: {string.Join(", ", r.FieldSources.Select(kv => kv.Key == kv.Value ? kv.Key : $"{kv.Key} ← {kv.Value}"))}");
        if (r.UnmappedColumns.Count > 0) o.WriteLine($"  columns not imported: {string.Join(", ", r.UnmappedColumns)}");
        if (r.ValuesMapped > 0) o.WriteLine($"  values translated by --values: {r.ValuesMapped:N0}");
        if (r.UnparseableCount > 0)
        {
            o.WriteLine($"  values that could not be read, stored as null: {r.UnparseableCount:N0}");
            foreach (var p in r.UnparseableExamples) o.WriteLine($"    {p}");
        }
        if (r.Layer == snapper.Layer)
            o.WriteLine(snapper.HasPipes
                ? $"  snapped to water_pipes within {snapper.ToleranceM} m: {snapper.Snapped:N0}; no pipe that close: {snapper.Unsnapped:N0}"
                : "  not snapped: the workspace has no water_pipes yet");
        foreach (var w in r.Warnings) o.WriteLine($"  warning: {w}");
    }
}
