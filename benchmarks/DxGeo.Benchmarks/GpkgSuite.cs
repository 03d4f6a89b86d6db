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

    private static void InsertInto(string path, IEnumerable<FeatureRecord> records)
    {
        using var ws = GeoPackageWorkspace.Create(path);
        using var w = ws.BeginWrite();
        w.CreateLayer(AssetLayers.Pipes.Schema);
        foreach (var r in records) w.Insert("water_pipes", r);
        w.Commit();
    }

    private static void Insert(string dir, int n)
    {
        var rng = new Random(42);
        // Warm-up so the JIT's tiered recompilation is not billed to the measured run (GDAL has no JIT).
        InsertInto(Path.Combine(dir, "warmup.gpkg"), Enumerable.Range(0, 10_000).Select(i => PipeRecord(i, rng, spanDeg: 0.3)));
        var records = Enumerable.Range(0, n).Select(i => PipeRecord(i, rng, spanDeg: 0.3)).ToList();
        var geojson = Path.Combine(dir, "pipes.geojson");
        WriteGeoJson(geojson, records);
        var ours = Path.Combine(dir, "ours.gpkg");

        var oursCost = Measure(() => InsertInto(ours, records));
        var fromJson = ExecTimed("ogr2ogr", "-f", "GPKG", Path.Combine(dir, "gdal.gpkg"), geojson, "-nln", "water_pipes").Cost;
        var fromGpkg = ExecTimed("ogr2ogr", "-f", "GPKG", Path.Combine(dir, "gdal2.gpkg"), ours, "water_pipes").Cost;

        Console.WriteLine($"## Insert {n:N0} LineStrings (14 attributes, 3–6 vertices) into a fresh GeoPackage with R-tree\n");
        Console.WriteLine("| writer | wall s | CPU s | features/CPU s | CPU ratio to ogr2ogr (GeoJSON) | wall ratio |");
        Console.WriteLine("|---|---:|---:|---:|---:|---:|");
        Row("DxGeo GeoPackageWorkspace (validate + insert + commit)", oursCost, n, fromJson);
        Row("ogr2ogr -f GPKG from GeoJSON", fromJson, n, fromJson);
        Row("ogr2ogr -f GPKG from our GPKG (write cost without JSON parsing)", fromGpkg, n, fromJson);
        Console.WriteLine();
    }

    private static void Row(string what, Cost c, int n, Cost reference) =>
        Console.WriteLine($"| {what} | {c.Wall:F2} | {c.Cpu:F2} | {n / c.Cpu:N0} | {c.Cpu / reference.Cpu:F2} | {c.Wall / reference.Wall:F2} |");

    private static void Queries(string dir, int n, int queries)
    {
        var path = Path.Combine(dir, "big.gpkg");
        var rng = new Random(7);
        // Short segments (~20-50 m) over a ~30 x 30 km city: a pipe network's density.
        var load = Measure(() => InsertInto(path, Enumerable.Range(0, n).Select(i => PipeRecord(i, rng, spanDeg: 0.3))));

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
        Cost read, count;
        using (var ws = GeoPackageWorkspace.Open(path))
        {
            foreach (var b in boxes) // warm-up pass (JIT tiers, page cache), as the GDAL script does for its first boxes
            {
                _ = ws.Read("water_pipes", new FeatureQuery { BoundingBox = b }).Count();
                _ = ws.Count("water_pipes", new FeatureQuery { BoundingBox = b });
            }
            read = Measure(() =>
            {
                foreach (var b in boxes)
                    foreach (var f in ws.Read("water_pipes", new FeatureQuery { BoundingBox = b })) readN += f.Geometry!.NumPoints > 0 ? 1 : 0;
            });
            count = Measure(() =>
            {
                foreach (var b in boxes) countN += ws.Count("water_pipes", new FeatureQuery { BoundingBox = b });
            });
        }

        var script = Path.Combine(dir, "query.py");
        File.WriteAllText(script, """
            import sys, time
            from osgeo import ogr
            ds = ogr.Open(sys.argv[1]); lyr = ds.GetLayer(sys.argv[2])
            boxes = [tuple(map(float, l.split())) for l in open(sys.argv[3])]
            n = 0
            for b in boxes:
                lyr.SetSpatialFilterRect(*b)
                for f in lyr: pass
            t = time.perf_counter(); c = time.process_time()
            for b in boxes:
                lyr.SetSpatialFilterRect(*b)
                for f in lyr:
                    g = f.GetGeometryRef(); n += 1
            print(time.perf_counter() - t, time.process_time() - c, n)
            """);
        var gdalOut = ExecTimed("/usr/bin/python3", script, path, "water_pipes", boxFile).Stdout.Trim().Split(' ');
        var gdal = new Cost(double.Parse(gdalOut[0], Inv), double.Parse(gdalOut[1], Inv));
        var gdalN = long.Parse(gdalOut[2], Inv);

        Console.WriteLine($"## Bbox queries over {n:N0} pipe segments\n");
        Console.WriteLine($"Loading them: {load.Wall:F1} s wall, {load.Cpu:F1} s CPU ({n / load.Cpu:N0} features per CPU second). " +
                          $"{queries:N0} random 300 m boxes.\n");
        Console.WriteLine("| reader | queries per CPU s | queries per wall s | features returned | CPU µs per feature |");
        Console.WriteLine("|---|---:|---:|---:|---:|");
        QRow("DxGeo Read (R-tree, features decoded)", read, queries, readN);
        QRow("DxGeo Count (R-tree + exact envelope)", count, queries, countN);
        QRow("GDAL OGR via python3-gdal (SetSpatialFilterRect, iterate)", gdal, queries, gdalN);
        Console.WriteLine("\nGDAL's spatial filter also tests the geometry itself (not just its envelope), so it may return slightly fewer features.");
    }

    private static void QRow(string what, Cost c, int queries, long features) =>
        Console.WriteLine($"| {what} | {queries / c.Cpu:N0} | {queries / c.Wall:N0} | {features:N0} | {c.Cpu * 1e6 / Math.Max(1, features):F1} |");

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

    /// <summary>Wall and CPU seconds. CPU time is reported too because the benchmark machine is shared: wall time
    /// there mostly measures the other tenants.</summary>
    private readonly record struct Cost(double Wall, double Cpu);

    private static Cost Measure(Action a)
    {
        var p = Process.GetCurrentProcess();
        var cpu0 = p.TotalProcessorTime;
        var sw = Stopwatch.StartNew();
        a();
        var wall = sw.Elapsed.TotalSeconds;
        p.Refresh();
        return new Cost(wall, (p.TotalProcessorTime - cpu0).TotalSeconds);
    }

    /// <summary>Runs a peer tool under bash's <c>time</c> to get its own CPU time (user + sys).</summary>
    private static (Cost Cost, string Stdout) ExecTimed(string exe, params string[] args)
    {
        var quoted = string.Join(' ', args.Prepend(exe).Select(a => "'" + a.Replace("'", "'\\''") + "'"));
        var sw = Stopwatch.StartNew();
        var psi = new ProcessStartInfo("/bin/bash") { RedirectStandardOutput = true, RedirectStandardError = true };
        psi.ArgumentList.Add("-c");
        psi.ArgumentList.Add($"TIMEFORMAT='%U %S'; time {quoted}");
        using var p = Process.Start(psi) ?? throw new InvalidOperationException("cannot start bash");
        var err = p.StandardError.ReadToEndAsync();
        var o = p.StandardOutput.ReadToEnd();
        p.WaitForExit();
        var wall = sw.Elapsed.TotalSeconds;
        var lines = err.Result.Trim().Split('\n');
        if (p.ExitCode != 0) throw new InvalidOperationException($"{exe} failed ({p.ExitCode}): {err.Result}");
        var us = lines[^1].Split(' ');
        return (new Cost(wall, double.Parse(us[0], Inv) + double.Parse(us[1], Inv)), o);
    }

    private static int Opt(string[] args, string name, int fallback)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? int.Parse(args[i + 1], Inv) : fallback;
    }
}
