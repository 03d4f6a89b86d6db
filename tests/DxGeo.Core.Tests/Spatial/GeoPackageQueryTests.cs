using DxGeo.Core.Assets;
using DxGeo.Core.Assets.Layers;
using DxGeo.Core.Crs;
using DxGeo.Core.Features;
using DxGeo.Core.Mesh;
using DxGeo.Core.Spatial;
using DxGeo.Core.Tests.Workspace;
using DxGeo.Core.Workspace.GeoPackage;
using NetTopologySuite.Geometries;
using static DxGeo.Core.Tests.Spatial.TestLayers;

namespace DxGeo.Core.Tests.Spatial;

/// <summary>A small town in a GeoPackage, built once for the class: 800 pipes, 60 bridges, 2 levees, 2 flood zones.</summary>
public sealed class GeoPackageTown : IDisposable
{
    private readonly TempDir _dir = new();
    private readonly List<FeatureRecord> _pipes = [];
    private int _copies;

    public string Path { get; }

    /// <summary>A private copy of the town for a test that writes.</summary>
    public string Copy()
    {
        var copy = _dir.File($"copy{Interlocked.Increment(ref _copies)}.gpkg");
        File.Copy(Path, copy);
        return copy;
    }

    public GeoPackageTown()
    {
        Path = _dir.File("town.gpkg");
        var rng = new Random(11);
        var materials = new[] { PipeMaterial.CastIron, PipeMaterial.DuctileIron, PipeMaterial.Pvc };
        for (var i = 0; i < 800; i++)
        {
            var (e, n) = (rng.NextDouble() * 3000, rng.NextDouble() * 3000);
            var (e2, n2) = (e + rng.NextDouble() * 300 - 150, n + rng.NextDouble() * 300 - 150);
            _pipes.Add(Pipe($"P{i:D4}", Ground.Line(At(e, n), At((e + e2) / 2, n + 20), At(e2, n2)), materials[i % 3]));
        }
        using var ws = GeoPackageWorkspace.Create(Path);
        using var w = ws.BeginWrite();
        foreach (var s in new[] { AssetLayers.Pipes.Schema, AssetLayers.Bridges.Schema, AssetLayers.Levees.Schema, AssetLayers.FloodZones.Schema })
            w.CreateLayer(s);
        foreach (var p in _pipes) w.Insert("water_pipes", p);
        for (var i = 0; i < 60; i++) w.Insert("bridges", Bridge($"B{i:D2}", (rng.NextDouble() * 3000, rng.NextDouble() * 3000)));
        w.Insert("levees", Levee("L-1", (0, 1500), (1500, 1700)));
        w.Insert("levees", Levee("L-3", (1500, 1700), (3000, 1400)));
        w.Insert("flood_zones", Flood("Z1", 200, 200, 1400, 1100));
        w.Insert("flood_zones", Flood("Z2", 1800, 1800, 2900, 2600, 4));
        w.Commit();
    }

    public void Dispose() => _dir.Dispose();
}

/// <summary>The questions over a real GeoPackage workspace, checked against GDAL/SpatiaLite on the same file.</summary>
public sealed class GeoPackageQueryTests(GeoPackageTown town) : IClassFixture<GeoPackageTown>
{
    private readonly string _path = town.Path;

    private static int Epsg => MetricFrame.For(Lon0, Lat0).Epsg;

    [Fact]
    public void Bounding_box_matches_ogrinfo_spat()
    {
        using var ws = GeoPackageWorkspace.Open(_path);
        foreach (var (a, b) in new[] { ((500.0, 500.0), (900.0, 800.0)), ((0.0, 0.0), (3000.0, 200.0)), ((1490.0, 1490.0), (1510.0, 1510.0)) })
        {
            var (sw, ne) = (At(a.Item1, a.Item2), At(b.Item1, b.Item2));
            var ours = BoundingBoxQuery.Run(ws, "water_pipes", new Envelope(sw.X, ne.X, sw.Y, ne.Y)).Select(h => h.Id).Order().ToList();
            var gdal = OgrSql.Spat(_path, "water_pipes", sw.X, sw.Y, ne.X, ne.Y).Select(r => r["pipe_id"]).Order().ToList();
            Assert.Equal(gdal, ours);
        }
    }

    [Fact]
    public void Nearest_matches_spatialite_distances_in_the_same_metric_crs()
    {
        using var ws = GeoPackageWorkspace.Open(_path);
        var snapshot = SpatialIndexSnapshot.Load(ws, "water_pipes");
        foreach (var (e, n) in new[] { (1000.0, 1000.0), (2900.0, 100.0), (-400.0, 3300.0) })
        {
            var q = At(e, n);
            var sql = $"SELECT pipe_id, ST_Distance(ST_Transform(geom, {Epsg}), ST_Transform(MakePoint({OgrSql.F(q.X)}, {OgrSql.F(q.Y)}, 4326), {Epsg})) AS d " +
                      "FROM water_pipes ORDER BY d LIMIT 5";
            var peer = OgrSql.Query(_path, sql);
            var ours = NearestOp.Run(ws, "water_pipes", q.X, q.Y, 5);
            var snap = snapshot.Nearest(q.X, q.Y, 5);
            Assert.Equal(peer.Select(r => r["pipe_id"]), ours.Select(h => h.Id));
            Assert.Equal(peer.Select(r => r["pipe_id"]), snap.Select(h => h.Id));
            for (var i = 0; i < 5; i++)
            {
                Assert.Equal(OgrSql.D(peer[i]["d"]), ours[i].DistanceM!.Value, 1e-3);
                Assert.Equal(OgrSql.D(peer[i]["d"]), snap[i].DistanceM, 1e-3);
            }
        }
    }

    [Fact]
    public void Bridges_within_300_m_of_a_levee_match_spatialite()
    {
        using var ws = GeoPackageWorkspace.Open(_path);
        var ours = WithinDistanceOp.Run(ws, "bridges", "levees", "L-3", 300);
        var peer = OgrSql.Query(_path,
            $"SELECT b.bridge_id AS id, ST_Distance(ST_Transform(b.geom, {Epsg}), ST_Transform(l.geom, {Epsg})) AS d " +
            "FROM bridges b, levees l WHERE l.levee_id = 'L-3' AND d <= 300 ORDER BY d");
        Assert.NotEmpty(peer);
        Assert.Equal(peer.Select(r => r["id"]), ours.Select(h => h.Id));
        for (var i = 0; i < peer.Count; i++) Assert.Equal(OgrSql.D(peer[i]["d"]), ours[i].DistanceM!.Value, 1e-3);
    }

    [Fact]
    public void Pipe_length_inside_flood_zones_by_material_matches_spatialite()
    {
        using var ws = GeoPackageWorkspace.Open(_path);
        var groups = IntersectsOp.Run(ws, "water_pipes", "flood_zones", null).GroupBy("material");
        var peer = OgrSql.Query(_path,
            $"SELECT p.material AS m, COUNT(DISTINCT p.pipe_id) AS n, SUM(ST_Length(ST_Intersection(ST_Transform(p.geom, {Epsg}), ST_Transform(z.geom, {Epsg})))) AS inside " +
            "FROM water_pipes p, flood_zones z WHERE ST_Intersects(p.geom, z.geom) GROUP BY p.material ORDER BY m");
        Assert.Equal(3, peer.Count);
        foreach (var row in peer)
        {
            var g = groups.Single(x => x.Key == row["m"]);
            Assert.Equal(long.Parse(row["n"]), g.Count);
            Assert.Equal(OgrSql.D(row["inside"]), g.LengthInsideM, 1e-3 * g.Count);
        }
    }

    [Fact]
    public void Mesh_lengths_match_spatialite_clipping_per_cell()
    {
        using var ws = GeoPackageWorkspace.Open(_path);
        var table = MeshAggregateOp.Run(ws, "water_pipes", MeshLevel.Quarter);
        // Check a spread of cells: SpatiaLite clips each pipe with the cell rectangle (lon/lat) and measures the
        // pieces after transforming to the same metric CRS.
        var sample = table.Records.Where((_, i) => i % 25 == 0).Take(8).ToList();
        var sql = string.Join(" UNION ALL ", sample.Select(r =>
        {
            var e = r.Geometry!.EnvelopeInternal;
            var box = $"BuildMbr({OgrSql.F(e.MinX)}, {OgrSql.F(e.MinY)}, {OgrSql.F(e.MaxX)}, {OgrSql.F(e.MaxY)}, 4326)";
            return $"SELECT '{r.Values[0]}' AS code, COUNT(*) AS n, SUM(ST_Length(ST_Transform(ST_Intersection(geom, {box}), {Epsg}))) AS len " +
                   $"FROM water_pipes WHERE ST_Length(ST_Intersection(geom, {box})) > 0";
        }));
        var peer = OgrSql.Query(_path, sql).ToDictionary(p => p["code"]);
        Assert.Equal(sample.Count, peer.Count);
        foreach (var r in sample)
        {
            var p = peer[(string)r.Values[0]!];
            Assert.Equal(long.Parse(p["n"]), r.Values[2]);
            Assert.Equal(OgrSql.D(p["len"]), (double)r.Values[3]!, 0.01);
        }
    }

    [Fact]
    public void Mesh_layer_is_written_to_the_workspace_and_gdal_reads_it()
    {
        var path = town.Copy();
        using (var ws = GeoPackageWorkspace.Open(path))
            MeshAggregateOp.Run(ws, "water_pipes", MeshLevel.Half, outputName: "pipes_500m").WriteTo(ws);
        var rows = OgrSql.Query(path, "SELECT mesh_code, length_m FROM pipes_500m ORDER BY mesh_code");
        Assert.NotEmpty(rows);
        Assert.All(rows, r => Assert.Equal(9, r["mesh_code"].Length));
        var total = rows.Sum(r => OgrSql.D(r["length_m"]));
        var peer = OgrSql.Query(path, $"SELECT SUM(ST_Length(ST_Transform(geom, {Epsg}))) AS len FROM water_pipes").Single();
        Assert.Equal(OgrSql.D(peer["len"]), total, 0.01);
    }

    [Fact]
    public void Snapping_breaks_matches_spatialite_nearest_pipe()
    {
        var path = town.Copy();
        IReadOnlyList<BreakSnap> snaps;
        using (var ws = GeoPackageWorkspace.Open(path))
        {
            using (var w = ws.BeginWrite())
            {
                w.CreateLayer(AssetLayers.Breaks.Schema);
                var rng = new Random(5);
                for (var i = 0; i < 40; i++) w.Insert("pipe_breaks", Break($"K{i:D2}", (rng.NextDouble() * 3000, rng.NextDouble() * 3000)));
                w.Commit();
            }
            snaps = BreakSnapOp.Run(ws, 25, SnapStrategy.Snapshot);
            Assert.Equal(snaps, BreakSnapOp.Run(ws, 25, SnapStrategy.WorkspaceIndex));
        }
        // SQLite returns the bare column (pipe_id) of the row holding MIN(); breaks with no pipe within 25 m have no row.
        var peer = OgrSql.Query(path,
            $"SELECT k.break_id AS k, p.pipe_id AS p, MIN(ST_Distance(ST_Transform(p.geom, {Epsg}), ST_Transform(k.geom, {Epsg}))) AS d " +
            "FROM pipe_breaks k, water_pipes p GROUP BY k.break_id HAVING d <= 25").ToDictionary(r => r["k"]);
        foreach (var s in snaps)
        {
            Assert.Equal(peer.GetValueOrDefault(s.BreakId)?["p"], s.PipeId);
            if (s.Snapped) Assert.Equal(OgrSql.D(peer[s.BreakId]["d"]), s.DistanceM!.Value, 1e-3);
        }
        Assert.Contains(snaps, s => s.Snapped);
        Assert.Contains(snaps, s => !s.Snapped);
    }
}
