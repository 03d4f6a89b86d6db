using System.Diagnostics;
using System.Globalization;
using System.Text;
using DxGeo.Core.Assets.Layers;
using DxGeo.Core.Features;
using DxGeo.Core.Workspace;
using DxGeo.Core.Workspace.GeoPackage;
using NetTopologySuite.Geometries;

namespace DxGeo.Benchmarks;

/// <summary>
/// GeoPackage store against GDAL: bulk insert of LineStrings (vs ogr2ogr of the same features as GeoJSON, and
/// GPKG→GPKG), and bbox queries per second over 1M pipe segments (vs GDAL's OGR through python3-gdal).
/// Options: --features N (100000), --big N (1000000), --queries N (2000).
/// </summary>
public sealed class GpkgSuite : ISuite
{
    public string Name => "gpkg";
    public string Description => "GeoPackage workspace: insert vs ogr2ogr, bbox queries/s vs GDAL (python3-gdal)";

    private static readonly GeometryFactory Gf = new(new PrecisionModel(), 4326);
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    public int Run(string[] args)
    {
        var features = Opt(args, "--features", 100_000);
        var big = Opt(args, "--big", 1_000_000);
        var queries = Opt(args, "--queries", 2000);
        var dir = Directory.CreateTempSubdirectory("dxgeo-bench-gpkg-").FullName;
        try
        {
            Console.WriteLine($"# gpkg suite ({DateTime.UtcNow:yyyy-MM-dd}, {Environment.ProcessorCount} cores)\n");
            Insert(dir, features);
            Queries(dir, big, queries);
            return 0;
        }
        finally { Directory.Delete(dir, recursive: true); }
    }

    private static void Insert(string dir, int n)
    {
        var rng = new Random(42);
        var records = Enumerable.Range(0, n).Select(i => PipeRecord(i, rng, spanDeg: 0.3)).ToList();
        var geojson = Path.Combine(dir, "pipes.geojson");
        WriteGeoJson(geojson, records);
        var ours = Path.Combine(dir, "ours.gpkg");

        var sw = Stopwatch.StartNew();
        using (var ws = GeoPackageWorkspace.Create(ours))
        using (var w = ws.BeginWrite())
        {
            w.CreateLayer(AssetLayers.Pipes.Schema);
            foreach (var r in records) w.Insert("water_pipes", r);
            w.Commit();
        }
        var oursS = sw.Elapsed.TotalSeconds;

        var gdalFromJson = Time(() => Exec("ogr2ogr", "-f", "GPKG", Path.Combine(dir, "gdal.gpkg"), geojson, "-nln", "water_pipes"));
        var gdalFromGpkg = Time(() => Exec("ogr2ogr", "-f", "GPKG", Path.Combine(dir, "gdal2.gpkg"), ours, "water_pipes"));

        Console.WriteLine($"## Insert {n:N0} LineStrings (14 attributes, 3–6 vertices) into a fresh GeoPackage with R-tree\n");
        Console.WriteLine("| writer | seconds | features/s | ratio to ogr2ogr (GeoJSON) |");
        Console.WriteLine("|---|---:|---:|---:|");
        Row("DxGeo GeoPackageWorkspace (validate + insert + commit)", oursS, n, gdalFromJson);
        Row("ogr2ogr -f GPKG from GeoJSON", gdalFromJson, n, gdalFromJson);
        Row("ogr2ogr -f GPKG from our GPKG", gdalFromGpkg, n, gdalFromJson);
        Console.WriteLine();
    }

    private static void Queries(string dir, int n, int queries)
    {
        var path = Path.Combine(dir, "big.gpkg");
        var rng = new Random(7);
        // 1M segments of ~50 m over a ~30 x 30 km city: a pipe network's density.
        var sw = Stopwatch.StartNew();
        using (var ws = GeoPackageWorkspace.Create(path))
        using (var w = ws.BeginWrite())
        {
            w.CreateLayer(AssetLayers.Pipes.Schema);
            for (var i = 0; i < n; i++) w.Insert("water_pipes", PipeRecord(i, rng, spanDeg: 0.3));
            w.Commit();
        }
        var loadS = sw.Elapsed.TotalSeconds;

        // ~300 x 300 m boxes: a map view or a selection around a break.
        var boxes = Enumerable.Range(0, queries).Select(_ =>
        {
            var x = 139.6 + rng.NextDouble() * 0.3;
            var y = 35.6 + rng.NextDouble() * 0.3;
            return new Envelope(x, x + 0.003, y, y + 0.003);
        }).ToList();
        var boxFile = Path.Combine(dir, "boxes.txt");
        File.WriteAllLines(boxFile, boxes.Select(b => string.Join(' ', new[] { b.MinX, b.MinY, b.MaxX, b.MaxY }.Select(v => v.ToString("R", Inv)))));

        long readN = 0, countN = 0;
        double readS, countS;
        using (var ws = GeoPackageWorkspace.Open(path))
        {
            foreach (var b in boxes.Take(50)) readN += ws.Read("water_pipes", new FeatureQuery { BoundingBox = b }).Count(); // warm-up
            readN = 0;
            sw.Restart();
            foreach (var b in boxes)
                foreach (var f in ws.Read("water_pipes", new FeatureQuery { BoundingBox = b })) readN += f.Geometry!.NumPoints > 0 ? 1 : 0;
            readS = sw.Elapsed.TotalSeconds;
            sw.Restart();
            foreach (var b in boxes) countN += ws.Count("water_pipes", new FeatureQuery { BoundingBox = b });
            countS = sw.Elapsed.TotalSeconds;
        }

        var script = Path.Combine(dir, "query.py");
        File.WriteAllText(script, """
            import sys, time
            from osgeo import ogr
            ds = ogr.Open(sys.argv[1]); lyr = ds.GetLayer(sys.argv[2])
            boxes = [tuple(map(float, l.split())) for l in open(sys.argv[3])]
            n = 0
            for b in boxes[:50]:
                lyr.SetSpatialFilterRect(*b)
                for f in lyr: pass
            t = time.perf_counter()
            for b in boxes:
                lyr.SetSpatialFilterRect(*b)
                for f in lyr:
                    g = f.GetGeometryRef(); n += 1
            print(time.perf_counter() - t, n)
            """);
        var gdal = Exec("/usr/bin/python3", script, path, "water_pipes", boxFile).Trim().Split(' ');
        var gdalS = double.Parse(gdal[0], Inv);
        var gdalN = long.Parse(gdal[1], Inv);

        Console.WriteLine($"## Bbox queries over {n:N0} pipe segments (loaded in {loadS:F1} s, {n / loadS:N0} features/s)\n");
        Console.WriteLine($"{queries:N0} random 300 m boxes.\n");
        Console.WriteLine("| reader | queries/s | features returned | µs per feature |");
        Console.WriteLine("|---|---:|---:|---:|");
        Console.WriteLine($"| DxGeo Read (R-tree, features decoded) | {queries / readS:N0} | {readN:N0} | {readS * 1e6 / Math.Max(1, readN):F1} |");
        Console.WriteLine($"| DxGeo Count (R-tree + exact envelope) | {queries / countS:N0} | {countN:N0} | |");
        Console.WriteLine($"| GDAL OGR via python3-gdal (SetSpatialFilterRect) | {queries / gdalS:N0} | {gdalN:N0} | {gdalS * 1e6 / Math.Max(1, gdalN):F1} |");
        Console.WriteLine("\nGDAL's spatial filter also tests the geometry itself (not just its envelope), so it may return slightly fewer features.");
    }

    private static FeatureRecord PipeRecord(int i, Random rng, double spanDeg)
    {
        var x = 139.6 + rng.NextDouble() * spanDeg;
        var y = 35.6 + rng.NextDouble() * spanDeg;
        var n = 3 + rng.Next(4);
        var coords = new Coordinate[n];
        for (var k = 0; k < n; k++)
        {
            coords[k] = new Coordinate(x, y);
            x += (rng.NextDouble() - 0.3) * 0.0002;
            y += (rng.NextDouble() - 0.3) * 0.0002;
        }
        string[] materials = ["DCIP", "CIP", "SP", "VP", "PE"];
        return new FeatureRecord(Gf.CreateLineString(coords),
        [
            $"P-{i:D7}", materials[i % 5], (long)(75 + 25 * (i % 12)), (long)(1960 + i % 60), 40.0 + rng.NextDouble() * 20,
            "第" + (i % 9) + "配水区", "中央", "in_service", i % 3 == 0 ? "arterial" : "local", false, i % 7 == 0,
            i % 2 == 0 ? rng.NextDouble() * 0.1 : null, null, null,
        ]);
    }

    private static void WriteGeoJson(string path, List<FeatureRecord> records)
    {
        var fields = AssetLayers.Pipes.Schema.Fields;
        using var w = new StreamWriter(path, false, new UTF8Encoding(false), 1 << 16);
        w.Write("{\"type\":\"FeatureCollection\",\"features\":[\n");
        for (var i = 0; i < records.Count; i++)
        {
            var r = records[i];
            if (i > 0) w.Write(",\n");
            w.Write("{\"type\":\"Feature\",\"properties\":{");
            for (var k = 0; k < fields.Count; k++)
            {
                if (k > 0) w.Write(',');
                w.Write('"'); w.Write(fields[k].Name); w.Write("\":");
                w.Write(r.Values[k] switch
                {
                    null => "null",
                    string s => "\"" + s + "\"",
                    bool b => b ? "true" : "false",
                    double d => d.ToString("R", Inv),
                    long l => l.ToString(Inv),
                    var o => Convert.ToString(o, Inv),
                });
            }
            w.Write("},\"geometry\":{\"type\":\"LineString\",\"coordinates\":[");
            var cs = r.Geometry!.Coordinates;
            for (var k = 0; k < cs.Length; k++)
            {
                if (k > 0) w.Write(',');
                w.Write('['); w.Write(cs[k].X.ToString("R", Inv)); w.Write(','); w.Write(cs[k].Y.ToString("R", Inv)); w.Write(']');
            }
            w.Write("]}}");
        }
        w.Write("\n]}\n");
    }

    private static void Row(string what, double s, int n, double reference) =>
        Console.WriteLine($"| {what} | {s:F2} | {n / s:N0} | {s / reference:F2} |");

    private static double Time(Action a)
    {
        var sw = Stopwatch.StartNew();
        a();
        return sw.Elapsed.TotalSeconds;
    }

    private static string Exec(string exe, params string[] args)
    {
        var psi = new ProcessStartInfo(exe) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in args) psi.ArgumentList.Add(a);
        using var p = Process.Start(psi) ?? throw new InvalidOperationException($"cannot start {exe}");
        var err = p.StandardError.ReadToEndAsync();
        var o = p.StandardOutput.ReadToEnd();
        p.WaitForExit();
        if (p.ExitCode != 0) throw new InvalidOperationException($"{exe} failed ({p.ExitCode}): {err.Result}");
        return o;
    }

    private static int Opt(string[] args, string name, int fallback)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? int.Parse(args[i + 1], Inv) : fallback;
    }
}
