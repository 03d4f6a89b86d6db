using System.Diagnostics;
using System.Globalization;
using System.Text;
using DxGeo.Core.Crs;
using DxGeo.Core.Formats;
using DxGeo.Core.Formats.GeoJson;
using DxGeo.Core.Import;
using DxGeo.Core.Workspace.GeoPackage;

namespace DxGeo.Benchmarks;

/// <summary>
/// Import of a large file into a fresh workspace against <c>ogr2ogr -f GPKG</c> of the same file, in the same run:
/// a 100k-feature GeoJSON (lon/lat, new user layer: both tools infer the schema), the same ledger in JGD2011 zone IX
/// into water_pipes with field and value mapping (our full pipeline: map, convert, reproject, validate, compute
/// length), and a CP932 shapefile. Also the streaming read alone and the process's peak memory.
/// Options: --features N (100000).
/// </summary>
public sealed class ImportSuite : ISuite
{
    public string Name => "import";
    public string Description => "dxgeo import of a 100k-feature GeoJSON / Shapefile vs ogr2ogr -f GPKG";

    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    public int Run(string[] args)
    {
        var n = args.SkipWhile(a => a != "--features").Skip(1).Select(int.Parse).FirstOrDefault(100_000);
        var dir = Directory.CreateTempSubdirectory("dxgeo-bench-import-").FullName;
        try
        {
            var lonLat = Path.Combine(dir, "ledger-4326.geojson");
            var zone = Path.Combine(dir, "ledger-6677.geojson");
            WriteLedger(lonLat, n, projected: false);
            WriteLedger(zone, n, projected: true);
            var shp = Path.Combine(dir, "ledger.shp");
            Exec("ogr2ogr", "-f", "ESRI Shapefile", shp, lonLat, "-lco", "ENCODING=CP932");
            Console.WriteLine($"# import suite ({DateTime.UtcNow:yyyy-MM-dd}, {Environment.ProcessorCount} cores, {Exec("ogrinfo", "--version").Trim()})\n");
            Console.WriteLine($"{n:N0} LineStrings (3–6 vertices, 6 attributes incl. Japanese text); GeoJSON {new FileInfo(lonLat).Length / 1e6:F0} MB.\n");

            var readS = Time(() =>
            {
                using var src = new GeoJsonSource(lonLat);
                long c = 0;
                foreach (var f in src.Read()) c += f.Geometry!.NumPoints;
            });

            var rows = new List<(string What, double S, double Ref)>();
            var gdalJson = Time(() => Exec("ogr2ogr", "-f", "GPKG", Path.Combine(dir, "gdal-json.gpkg"), lonLat, "-nln", "ledger"));
            var oursJson = Time(() => ImportInto(Path.Combine(dir, "ours-json.gpkg"), lonLat, new ImportOptions { Layer = "ledger" }));
            rows.Add(("DxGeo import → new user layer (schema inferred: 2 passes)", oursJson, gdalJson));
            rows.Add(("ogr2ogr -f GPKG", gdalJson, gdalJson));

            var gdalZone = Time(() => Exec("ogr2ogr", "-f", "GPKG", Path.Combine(dir, "gdal-zone.gpkg"), zone, "-nln", "ledger", "-t_srs", "EPSG:4326"));
            var oursZone = Time(() => ImportInto(Path.Combine(dir, "ours-zone.gpkg"), zone, new ImportOptions
            {
                Layer = "water_pipes",
                Fields = FieldMapping.Parse("pipe_id=KANRO_ID,material=KANSHU,diameter=KOKEI,install_year=布設年度,district=地区"),
                Values = ValueMapping.Parse("material:ダクタイル鋳鉄=DCIP;鋳鉄=CIP;硬質塩化ビニル=VP;*=UNK"),
            }));
            rows.Add(("DxGeo import EPSG:6677 → water_pipes (map, 和暦, reproject, validate, length_m)", oursZone, gdalZone));
            rows.Add(("ogr2ogr -f GPKG -t_srs EPSG:4326", gdalZone, gdalZone));

            var gdalShp = Time(() => Exec("ogr2ogr", "-f", "GPKG", Path.Combine(dir, "gdal-shp.gpkg"), shp, "-nln", "ledger"));
            var oursShp = Time(() => ImportInto(Path.Combine(dir, "ours-shp.gpkg"), shp, new ImportOptions { Layer = "ledger" }));
            rows.Add(("DxGeo import CP932 shapefile → new user layer", oursShp, gdalShp));
            rows.Add(("ogr2ogr -f GPKG (shapefile)", gdalShp, gdalShp));

            Console.WriteLine("| run | seconds | features/s | time vs ogr2ogr |");
            Console.WriteLine("|---|---:|---:|---:|");
            foreach (var (what, s, reference) in rows)
                Console.WriteLine($"| {what} | {s:F2} | {n / s:N0} | {s / reference:F2}× |");
            Console.WriteLine($"\nStreaming GeoJSON read alone (GeoJsonSource, parse + geometry): {readS:F2} s ({n / readS:N0} features/s).");
            Console.WriteLine($"Peak working set of this process over the whole run: {Process.GetCurrentProcess().PeakWorkingSet64 / 1e6:F0} MB (file {new FileInfo(zone).Length / 1e6:F0} MB).");
            return 0;
        }
        finally { Directory.Delete(dir, recursive: true); }
    }

    private static void ImportInto(string gpkg, string file, ImportOptions o)
    {
        using var ws = GeoPackageWorkspace.Create(gpkg);
        LayerImporter.Import(ws, file, o);
    }

    /// <summary>A utility ledger in its own column names, streamed to disk (never held in memory).</summary>
    private static void WriteLedger(string path, int n, bool projected)
    {
        var rng = new Random(42);
        string[] materials = ["ダクタイル鋳鉄", "鋳鉄", "硬質塩化ビニル", "鋼"];
        string[] districts = ["本町", "川湊", "新田", "港南"];
        var toZone = CrsRegistry.Default.CreateTransform(Epsg.Wgs84, 6677);
        using var w = new StreamWriter(path, false, new UTF8Encoding(false), 1 << 16);
        w.Write("{\"type\":\"FeatureCollection\",");
        if (projected) w.Write("\"crs\":{\"type\":\"name\",\"properties\":{\"name\":\"urn:ogc:def:crs:EPSG::6677\"}},");
        w.Write("\"features\":[\n");
        for (var i = 0; i < n; i++)
        {
            if (i > 0) w.Write(",\n");
            var x = 139.6 + rng.NextDouble() * 0.3;
            var y = 35.6 + rng.NextDouble() * 0.3;
            var k = 3 + rng.Next(4);
            var sb = new StringBuilder();
            for (var j = 0; j < k; j++)
            {
                var (cx, cy) = projected ? toZone.Transform(x, y) : (x, y);
                sb.Append(j == 0 ? "" : ",").Append(Inv, $"[{Math.Round(cx, projected ? 3 : 7)},{Math.Round(cy, projected ? 3 : 7)}]");
                x += (rng.NextDouble() - 0.5) * 0.001;
                y += (rng.NextDouble() - 0.5) * 0.001;
            }
            var year = rng.Next(1, 64);
            w.Write(string.Create(Inv, $"{{\"type\":\"Feature\",\"properties\":{{\"KANRO_ID\":\"P-{i:D6}\",\"KANSHU\":\"{materials[rng.Next(4)]}\",\"KOKEI\":{new[] { 75, 100, 150, 200, 300 }[rng.Next(5)]},\"布設年度\":\"S{year}\",\"地区\":\"{districts[rng.Next(4)]}\",\"BIKO\":\"\"}},\"geometry\":{{\"type\":\"LineString\",\"coordinates\":[{sb}]}}}}"));
        }
        w.Write("\n]}\n");
    }

    private static double Time(Action a)
    {
        var sw = Stopwatch.StartNew();
        a();
        return sw.Elapsed.TotalSeconds;
    }

    private static string Exec(string exe, params string[] args)
    {
        var psi = new ProcessStartInfo(exe) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in args) psi.ArgumentList.Add(a);
        using var p = Process.Start(psi) ?? throw new InvalidOperationException($"cannot start {exe}");
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEnd();
        p.WaitForExit();
        if (p.ExitCode != 0) throw new InvalidOperationException($"{exe} failed: {stderr}");
        return stdout.Result;
    }
}
