using System.Diagnostics;
using System.Globalization;
using DxGeo.Core.Assets.Layers;
using DxGeo.Core.Crs;
using DxGeo.Core.Features;
using DxGeo.Core.Spatial;
using DxGeo.Core.Workspace;
using DxGeo.Core.Workspace.GeoPackage;
using NetTopologySuite.Geometries;

namespace DxGeo.Benchmarks;

/// <summary>
/// Spatial questions over 1M pipe segments in a GeoPackage: bbox (small 300 m and medium 2 km boxes) through the
/// R-tree vs a full scan vs GDAL (ogrinfo -spat per query, and OGR in-process via python3-gdal); k-nearest through
/// the workspace index vs an in-memory snapshot vs a full scan; snapping 10k breaks both ways.
/// Options: --pipes N (1000000), --small N (500), --medium N (100), --knn N (500), --breaks N (10000),
/// --ogrinfo N (20), --file PATH (reuse/keep the generated GeoPackage).
/// </summary>
public sealed class QuerySuite : ISuite
{
    public string Name => "query";
    public string Description => "Spatial queries over 1M pipes: bbox and k-NN queries/s via the R-tree vs full scan vs ogrinfo -spat / OGR";

    private static readonly GeometryFactory Gf = new(new PrecisionModel(), 4326);
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;
    private const double Lon0 = 139.6, Lat0 = 35.6, SpanDeg = 0.3; // ~27 × 33 km

    public int Run(string[] args)
    {
        var pipes = Opt(args, "--pipes", 1_000_000);
        var small = Opt(args, "--small", 500);
        var medium = Opt(args, "--medium", 100);
        var knn = Opt(args, "--knn", 500);
        var breaks = Opt(args, "--breaks", 10_000);
        var ogrQueries = Opt(args, "--ogrinfo", 20);
        var keep = Array.IndexOf(args, "--file") is var fi and >= 0 ? args[fi + 1] : null;
        var dir = Directory.CreateTempSubdirectory("dxgeo-bench-query-").FullName;
        var path = keep ?? Path.Combine(dir, "pipes.gpkg");
        try
        {
            Console.WriteLine($"# query suite ({DateTime.UtcNow:yyyy-MM-dd}, {Environment.ProcessorCount} cores)\n");
            EnsureData(path, pipes);
            var rng = new Random(99);
            var smallBoxes = Boxes(rng, small, 300);
            var mediumBoxes = Boxes(rng, medium, 2000);
            Console.WriteLine("## Bounding-box queries (features whose geometry meets the box, exact test)\n");
            Console.WriteLine("| method | box | queries | queries/s (wall) | queries per CPU-s | features/query | alloc/query |");
            Console.WriteLine("|---|---|---:|---:|---:|---:|---:|");
            using (var ws = GeoPackageWorkspace.Open(path))
            {
                Bbox(ws, smallBoxes, "300 m");
                Bbox(ws, mediumBoxes, "2 km");
                FullScanBbox(ws, smallBoxes.Take(1).ToList(), "300 m");
            }
            OgrInfo(path, smallBoxes.Take(ogrQueries).ToList(), "300 m");
            OgrInfo(path, mediumBoxes.Take(ogrQueries / 2).ToList(), "2 km");
            OgrPython(dir, path, smallBoxes, "300 m");
            OgrPython(dir, path, mediumBoxes, "2 km");

            Console.WriteLine("\n## k-nearest (k = 5) pipes to random points\n");
            Console.WriteLine("| method | queries | queries/s (wall) | queries per CPU-s | alloc/query | note |");
            Console.WriteLine("|---|---:|---:|---:|---:|---|");
            var points = Enumerable.Range(0, knn).Select(_ => (Lon0 + rng.NextDouble() * SpanDeg, Lat0 + rng.NextDouble() * SpanDeg)).ToList();
            using (var ws = GeoPackageWorkspace.Open(path))
            {
                Knn(ws, points);
                var snapshot = SnapshotKnn(ws, points);
                FullScanKnn(ws, points.Take(1).ToList());
                Console.WriteLine($"\n## Snapping {breaks:N0} pipe breaks (tolerance 10 m)\n");
                Snap(ws, snapshot, rng, breaks);
            }
            return 0;
        }
        finally
        {
            SqliteCleanup();
            Directory.Delete(dir, recursive: true);
        }
    }

    private static void EnsureData(string path, int n)
    {
        if (File.Exists(path))
        {
            using var existing = GeoPackageWorkspace.Open(path);
            if (existing.FindLayer("water_pipes")?.FeatureCount == n)
            {
                Console.WriteLine($"Reusing {path} ({n:N0} pipes).\n");
                return;
            }
            throw new InvalidOperationException($"{path} exists but does not hold {n:N0} pipes");
        }
        var rng = new Random(7);
        var sw = Stopwatch.StartNew();
        using var ws = GeoPackageWorkspace.Create(path);
        using var w = ws.BeginWrite();
        w.CreateLayer(AssetLayers.Pipes.Schema);
        for (var i = 0; i < n; i++) w.Insert("water_pipes", Pipe(i, rng));
        w.Commit();
        Console.WriteLine($"Generated {n:N0} pipe segments (2–4 vertices, ~40 m) over {SpanDeg}° × {SpanDeg}° in {sw.Elapsed.TotalSeconds:F0} s.\n");
    }

    private static FeatureRecord Pipe(int i, Random rng)
    {
        var x = Lon0 + rng.NextDouble() * SpanDeg;
        var y = Lat0 + rng.NextDouble() * SpanDeg;
        var n = 2 + rng.Next(3);
        var coords = new Coordinate[n];
        for (var k = 0; k < n; k++)
        {
            coords[k] = new Coordinate(x, y);
            x += (rng.NextDouble() - 0.5) * 0.0004;
            y += (rng.NextDouble() - 0.5) * 0.0004;
        }
        string[] materials = ["DCIP", "CIP", "SP", "VP", "PE"];
        return new FeatureRecord(Gf.CreateLineString(coords),
        [
            $"P-{i:D7}", materials[i % 5], (long)(75 + 25 * (i % 12)), (long)(1960 + i % 60), 40.0, "第1配水区", "中央", "in_service",
            "local", false, false, null, null, null,
        ]);
    }

    private static List<Envelope> Boxes(Random rng, int n, double sizeM) => Enumerable.Range(0, n).Select(_ =>
    {
        var x = Lon0 + rng.NextDouble() * (SpanDeg - 0.03);
        var y = Lat0 + rng.NextDouble() * (SpanDeg - 0.03);
        // Ground size: 1° of latitude ≈ 110.95 km, of longitude ≈ 111.32 km × cos φ.
        var dLat = sizeM / 110_950;
        var dLon = sizeM / (111_320 * Math.Cos(y * Math.PI / 180));
        return new Envelope(x, x + dLon, y, y + dLat);
    }).ToList();

    private static void Bbox(IWorkspace ws, List<Envelope> boxes, string label)
    {
        var query = new BoundingBoxQuery(ws, "water_pipes");
        foreach (var b in boxes.Take(20)) query.Run(b).Count(); // warm-up
        var (s, cpu, alloc, found) = Measure(() => boxes.Sum(b => (long)query.Run(b).Count()));
        Row("DxGeo BoundingBoxQuery (R-tree + exact)", label, boxes.Count, s, cpu, found, KiB(alloc, boxes.Count));
        var (s2, cpu2, alloc2, found2) = Measure(() => boxes.Sum(b => (long)ws.Read("water_pipes", new FeatureQuery { BoundingBox = b }).Count()));
        Row("IWorkspace.Read with the bbox only (R-tree candidates, no exact test)", label, boxes.Count, s2, cpu2, found2, KiB(alloc2, boxes.Count));
    }

    private static void FullScanBbox(IWorkspace ws, List<Envelope> boxes, string label)
    {
        var (s, cpu, alloc, found) = Measure(() => boxes.Sum(b =>
        {
            var rect = Gf.ToGeometry(b);
            return (long)ws.Read("water_pipes").Count(r => r.Geometry!.EnvelopeInternal.Intersects(b) && rect.Intersects(r.Geometry));
        }));
        Row("Full scan (read every feature, same exact test)", label, boxes.Count, s, cpu, found, $"{alloc / boxes.Count / 1048576.0:N0} MiB");
    }

    private static void OgrInfo(string path, List<Envelope> boxes, string label)
    {
        var sw = Stopwatch.StartNew();
        long found = 0;
        double cpu = 0;
        foreach (var b in boxes)
        {
            var (o, err) = ExecFull("/usr/bin/time", "-f", "cpu %U %S", "ogrinfo", "-ro", "-q", "-geom=NO", "-spat", F(b.MinX), F(b.MinY), F(b.MaxX), F(b.MaxY), path, "water_pipes");
            found += o.Split('\n').Count(l => l.StartsWith("OGRFeature(", StringComparison.Ordinal));
            var t = err.Split('\n').Last(l => l.StartsWith("cpu ", StringComparison.Ordinal)).Split(' ');
            cpu += double.Parse(t[1], Inv) + double.Parse(t[2], Inv);
        }
        Row("ogrinfo -spat (one process per query, prints features)", label, boxes.Count, sw.Elapsed.TotalSeconds, cpu, found, "");
    }

    private static void OgrPython(string dir, string path, List<Envelope> boxes, string label)
    {
        var boxFile = Path.Combine(dir, $"boxes-{boxes.Count}.txt");
        File.WriteAllLines(boxFile, boxes.Select(b => $"{F(b.MinX)} {F(b.MinY)} {F(b.MaxX)} {F(b.MaxY)}"));
        var script = Path.Combine(dir, "ogr_bbox.py");
        File.WriteAllText(script, """
            import sys, time
            from osgeo import ogr
            ds = ogr.Open(sys.argv[1]); lyr = ds.GetLayer("water_pipes")
            boxes = [tuple(map(float, l.split())) for l in open(sys.argv[2])]
            for b in boxes[:20]:
                lyr.SetSpatialFilterRect(*b)
                for f in lyr: pass
            t = time.perf_counter(); c = time.process_time(); n = 0
            for b in boxes:
                lyr.SetSpatialFilterRect(*b)
                for f in lyr:
                    f.GetGeometryRef(); n += 1
            print(time.perf_counter() - t, time.process_time() - c, n)
            """);
        var r = Exec("/usr/bin/python3", script, path, boxFile).Trim().Split(' ');
        Row("GDAL OGR in-process (python3-gdal SetSpatialFilterRect)", label, boxes.Count, double.Parse(r[0], Inv), double.Parse(r[1], Inv), long.Parse(r[2], Inv), "");
    }

    private static void Knn(IWorkspace ws, List<(double Lon, double Lat)> points)
    {
        var nearest = new NearestOp(ws, "water_pipes");
        foreach (var (lon, lat) in points.Take(20)) nearest.Run(lon, lat, 5);
        var (s, cpu, alloc, _) = Measure(() => points.Sum(p => (long)nearest.Run(p.Lon, p.Lat, 5).Count));
        Console.WriteLine($"| DxGeo NearestOp (expanding R-tree boxes) | {points.Count} | {Qps(points.Count / s)} | {Qps(points.Count / cpu)} | {KiB(alloc, points.Count)} | |");
    }

    private static SpatialIndexSnapshot SnapshotKnn(IWorkspace ws, List<(double Lon, double Lat)> points)
    {
        SpatialIndexSnapshot? snapshot = null;
        var (loadS, loadCpu, _, _) = Measure(() => (snapshot = SpatialIndexSnapshot.Load(ws, "water_pipes", keepFeatures: false)).Count);
        foreach (var (lon, lat) in points.Take(20)) snapshot!.Nearest(lon, lat, 5);
        var (s, cpu, alloc, _) = Measure(() => points.Sum(p => (long)snapshot!.Nearest(p.Lon, p.Lat, 5).Count));
        Console.WriteLine($"| DxGeo SpatialIndexSnapshot.Nearest (in-memory STR-tree) | {points.Count} | {Qps(points.Count / s)} | {Qps(points.Count / cpu)} | {KiB(alloc, points.Count)} | load {loadS:F1} s wall, {loadCpu:F1} s CPU ({snapshot!.Count:N0} pipes, ids + metric geometry) |");
        return snapshot;
    }

    private static void FullScanKnn(IWorkspace ws, List<(double Lon, double Lat)> points)
    {
        var frame = MetricFrame.For(Lon0 + SpanDeg / 2, Lat0 + SpanDeg / 2);
        var (s, cpu, alloc, _) = Measure(() => points.Sum(p =>
        {
            var q = frame.Project(Gf.CreatePoint(new Coordinate(p.Lon, p.Lat)));
            return (long)ws.Read("water_pipes").Select(r => frame.Project(r.Geometry!).Distance(q)).Order().Take(5).Count();
        }));
        Console.WriteLine($"| Full scan (project and measure every pipe) | {points.Count} | {Qps(points.Count / s)} | {Qps(points.Count / cpu)} | {alloc / points.Count / 1048576.0:N0} MiB | |");
    }

    private static void Snap(IWorkspace ws, SpatialIndexSnapshot snapshot, Random rng, int n)
    {
        // Breaks near real pipes: a random pipe's first vertex nudged by up to ~15 m, so some fall outside 10 m.
        var count = ws.FindLayer("water_pipes")!.FeatureCount;
        var breaks = new List<(string, long?, Point)>(n);
        for (var i = 0; i < n; i++)
        {
            var near = ws.Get("water_pipes", 1 + rng.NextInt64(count))!.Geometry!.Coordinate;
            breaks.Add(($"K{i}", null, Gf.CreatePoint(new Coordinate(near.X + (rng.NextDouble() - 0.5) * 0.0003, near.Y + (rng.NextDouble() - 0.5) * 0.0003))));
        }
        Console.WriteLine("| method | breaks | seconds (wall) | CPU seconds | breaks per CPU-s | snapped |");
        Console.WriteLine("|---|---:|---:|---:|---:|---:|");
        IReadOnlyList<BreakSnap> viaSnapshot = [], reuse = [], viaIndex = [];
        var (s1, c1, _, _) = Measure(() => (viaSnapshot = BreakSnapOp.Run(breaks, SpatialIndexSnapshot.Load(ws, "water_pipes", keepFeatures: false), 10)).Count);
        Console.WriteLine($"| SnapStrategy.Snapshot (load {count:N0} pipes + STR-tree, then snap) | {n:N0} | {s1:F1} | {c1:F2} | {Qps(n / c1)} | {viaSnapshot.Count(x => x.Snapped):N0} |");
        var (s2, c2, _, _) = Measure(() => (reuse = BreakSnapOp.Run(breaks, snapshot, 10)).Count);
        Console.WriteLine($"| Snapshot already loaded (snap only) | {n:N0} | {s2:F2} | {c2:F2} | {Qps(n / c2)} | {reuse.Count(x => x.Snapped):N0} |");
        var (s3, c3, _, _) = Measure(() => (viaIndex = BreakSnapOp.RunViaIndex(breaks, ws, 10)).Count);
        Console.WriteLine($"| SnapStrategy.WorkspaceIndex (one R-tree query per break) | {n:N0} | {s3:F1} | {c3:F2} | {Qps(n / c3)} | {viaIndex.Count(x => x.Snapped):N0} |");
        var differ = viaIndex.Zip(viaSnapshot).Count(p => p.First.PipeId != p.Second.PipeId);
        Console.WriteLine($"\nBoth strategies agree on {n - differ:N0} of {n:N0} breaks.");
    }

    // Wall time and this process's CPU time: the machine is shared, so CPU time is the steadier measure.
    private static (double Seconds, double CpuSeconds, long AllocBytes, long Result) Measure(Func<long> run)
    {
        GC.Collect();
        var a0 = GC.GetAllocatedBytesForCurrentThread();
        var cpu0 = Process.GetCurrentProcess().TotalProcessorTime;
        var sw = Stopwatch.StartNew();
        var result = run();
        var s = sw.Elapsed.TotalSeconds;
        var cpu = (Process.GetCurrentProcess().TotalProcessorTime - cpu0).TotalSeconds;
        return (s, cpu, GC.GetAllocatedBytesForCurrentThread() - a0, result);
    }

    private static void Row(string what, string box, int queries, double s, double cpu, long found, string alloc) =>
        Console.WriteLine($"| {what} | {box} | {queries} | {Qps(queries / s)} | {Qps(queries / cpu)} | {(double)found / queries:N1} | {alloc} |");

    private static string KiB(long bytes, int queries) => $"{bytes / queries / 1024.0:N1} KiB";

    private static string Qps(double v) => v.ToString(v < 10 ? "N3" : "N0", Inv);

    private static string F(double v) => v.ToString("R", Inv);

    private static void SqliteCleanup() => Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();

    private static string Exec(string exe, params string[] args) => ExecFull(exe, args).Stdout;

    private static (string Stdout, string Stderr) ExecFull(string exe, params string[] args)
    {
        var psi = new ProcessStartInfo(exe) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in args) psi.ArgumentList.Add(a);
        using var p = Process.Start(psi) ?? throw new InvalidOperationException($"cannot start {exe}");
        var err = p.StandardError.ReadToEndAsync();
        var o = p.StandardOutput.ReadToEnd();
        p.WaitForExit();
        if (p.ExitCode != 0 || err.Result.Contains("ERROR", StringComparison.Ordinal))
            throw new InvalidOperationException($"{exe} failed ({p.ExitCode}): {err.Result}");
        return (o, err.Result);
    }

    private static int Opt(string[] args, string name, int fallback)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? int.Parse(args[i + 1], Inv) : fallback;
    }
}
