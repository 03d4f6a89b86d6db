using DxGeo.Core.Assets.Layers;
using DxGeo.Core.Errors;
using DxGeo.Core.Features;
using DxGeo.Core.Workspace;
using DxGeo.Core.Workspace.GeoPackage;
using DxGeo.Core.Workspace.GeoPackage.Internal;
using NetTopologySuite.Geometries;

namespace DxGeo.Core.Tests.Workspace;

public class GeoPackageQueryTests
{
    private static readonly GeometryFactory Gf = new(new PrecisionModel(), 4326);

    private static List<FeatureRecord> RandomLines(int n, Random rng) => Enumerable.Range(0, n).Select(i =>
    {
        var x = 139.5 + rng.NextDouble() * 0.5;
        var y = 35.5 + rng.NextDouble() * 0.5;
        var line = Gf.CreateLineString([new(x, y), new(x + rng.NextDouble() * 0.01, y + (rng.NextDouble() - 0.5) * 0.01)]);
        return new FeatureRecord(line, [$"R-{i}", i % 7 == 0 ? "国道1号" : null, (i % 3) switch { 0 => "arterial", 1 => "local", _ => null }]);
    }).ToList();

    [Fact]
    public void Bbox_query_equals_a_brute_force_envelope_filter_on_random_data()
    {
        var rng = new Random(11);
        var lines = RandomLines(3000, rng);
        using var dir = new TempDir();
        using var ws = GeoPackageWorkspace.Create(dir.File("ws.gpkg"));
        var fids = new List<long>();
        using (var w = ws.BeginWrite())
        {
            w.CreateLayer(AssetLayers.Roads.Schema);
            fids.AddRange(lines.Select(l => w.Insert("roads", l)));
            w.Commit();
        }
        for (var q = 0; q < 40; q++)
        {
            var x = 139.5 + rng.NextDouble() * 0.5;
            var y = 35.5 + rng.NextDouble() * 0.5;
            var box = new Envelope(x, x + rng.NextDouble() * 0.08, y, y + rng.NextDouble() * 0.08);
            var expected = fids.Where((_, i) => lines[i].Geometry!.EnvelopeInternal.Intersects(box)).ToList();
            var query = new FeatureQuery { BoundingBox = box };
            Assert.Equal(expected, ws.Read("roads", query).Select(f => f.Fid!.Value));
            Assert.Equal(expected.Count, ws.Count("roads", query));
        }
    }

    [Fact]
    public void Bbox_query_plan_uses_the_rtree_not_a_table_scan()
    {
        using var dir = new TempDir();
        var path = dir.File("ws.gpkg");
        using (var ws = GeoPackageWorkspace.Create(path))
        using (var w = ws.BeginWrite())
        {
            w.CreateLayer(AssetLayers.Roads.Schema);
            foreach (var l in RandomLines(200, new Random(1))) w.Insert("roads", l);
            w.Commit();
        }
        using var c = Connections.Open(path);
        var meta = CatalogReader.Load(c)["roads"];
        var sql = QuerySql.Select(meta, new FeatureQuery { BoundingBox = new Envelope(139.6, 139.7, 35.6, 35.7), Limit = 10 }).Sql;
        using var cmd = c.CreateCommand();
        cmd.CommandText = "EXPLAIN QUERY PLAN " + sql;
        foreach (var p in new[] { "@minx", "@maxx", "@miny", "@maxy", "@lim", "@off" }) cmd.Parameters.AddWithValue(p, 0);
        var plan = new List<string>();
        using (var r = cmd.ExecuteReader()) while (r.Read()) plan.Add(r.GetString(3));
        var text = string.Join("\n", plan);
        Assert.Contains(plan, l => l.Contains("rtree_roads_geom VIRTUAL TABLE INDEX"));
        Assert.Contains(plan, l => l.StartsWith("SEARCH roads USING INTEGER PRIMARY KEY"));
        Assert.DoesNotContain(plan, l => l.StartsWith("SCAN roads"));
        Assert.DoesNotContain("TEMP B-TREE", text); // fid order comes from the primary key, no sort
    }

    [Fact]
    public void Lookup_by_the_id_field_uses_an_index()
    {
        using var dir = new TempDir();
        var path = dir.File("ws.gpkg");
        using (var ws = GeoPackageWorkspace.Create(path))
        using (var w = ws.BeginWrite())
        {
            w.CreateLayer(AssetLayers.Roads.Schema);
            foreach (var l in RandomLines(200, new Random(1))) w.Insert("roads", l);
            w.Commit();
            var hit = Assert.Single(ws.Read("roads", new() { AttributeEquals = new Dictionary<string, object?> { ["road_id"] = "R-17" } }));
            Assert.Equal(18, hit.Fid);
        }
        Assert.Contains("USING COVERING INDEX idx_roads_road_id", EqualityLookupPlan(path, "roads", "road_id", "R-17"));
    }

    /// <summary>SQLite's plan for the store's own count query with one attribute-equality filter.</summary>
    private static string EqualityLookupPlan(string path, string layer, string field, string value)
    {
        using var c = Connections.Open(path);
        var meta = CatalogReader.Load(c)[layer];
        var sql = QuerySql.Count(meta, new FeatureQuery { AttributeEquals = new Dictionary<string, object?> { [field] = value } }).Sql;
        using var cmd = c.CreateCommand();
        cmd.CommandText = "EXPLAIN QUERY PLAN " + sql;
        cmd.Parameters.AddWithValue("@a0", value);
        using var r = cmd.ExecuteReader();
        Assert.True(r.Read());
        return r.GetString(3);
    }

    [Fact]
    public void Lookup_fields_get_an_index_and_an_unknown_one_is_refused_naming_the_layer()
    {
        using var dir = new TempDir();
        var path = dir.File("ws.gpkg");
        var schema = AssetLayers.Roads.Schema with { Name = "roads_by_class", LookupFields = ["road_class"] };
        using (var ws = GeoPackageWorkspace.Create(path))
        {
            using (var w = ws.BeginWrite())
            {
                w.CreateLayer(schema);
                foreach (var l in RandomLines(300, new Random(2))) w.Insert(schema.Name, l);
                w.Commit();
            }
            var local = ws.Read(schema.Name, new() { AttributeEquals = new Dictionary<string, object?> { ["road_class"] = "local" } }).Count();
            Assert.Equal(100, local);
            using var bad = ws.BeginWrite();
            var e = Assert.Throws<DxGeoException>(() => bad.CreateLayer(schema with { Name = "roads_bad", LookupFields = ["no_such_field"] }));
            Assert.Contains("roads_bad", e.Message);
            Assert.Contains("no_such_field", e.Message);
        }
        Assert.Contains("INDEX idx_roads_by_class_road_class", EqualityLookupPlan(path, schema.Name, "road_class", "local"));
    }

    [Fact]
    public void Attribute_time_and_paging_filters_match_linq_over_the_written_features()
    {
        var schema = AssetLayers.Breaks.Schema;
        var rng = new Random(12);
        var types = new[] { "leak", "burst", "joint" };
        var written = Enumerable.Range(0, 400).Select(i => new FeatureRecord(
            Gf.CreatePoint(new Coordinate(139.6 + rng.NextDouble() * 0.1, 35.6 + rng.NextDouble() * 0.1)),
            [$"B-{i}", new DateOnly(2015, 1, 1).AddDays(rng.Next(3650)), types[rng.Next(3)], i % 4 == 0 ? null : $"P-{i % 50}", 0.5])).ToList();
        using var dir = new TempDir();
        using var ws = GeoPackageWorkspace.Create(dir.File("ws.gpkg"));
        using (var w = ws.BeginWrite())
        {
            w.CreateLayer(schema);
            foreach (var f in written) w.Insert("pipe_breaks", f);
            w.Commit();
        }
        var from = new DateTimeOffset(2018, 4, 1, 0, 0, 0, TimeSpan.Zero);
        var to = new DateTimeOffset(2020, 3, 31, 23, 0, 0, TimeSpan.Zero);
        var expected = written.Select((f, i) => (f, fid: i + 1L))
            .Where(x => (string)x.f.Values[2]! == "burst" && x.f.Values[3] is null
                        && (DateOnly)x.f.Values[1]! >= DateOnly.FromDateTime(from.UtcDateTime) && (DateOnly)x.f.Values[1]! <= DateOnly.FromDateTime(to.UtcDateTime))
            .Select(x => x.fid).ToList();
        Assert.NotEmpty(expected);
        var q = new FeatureQuery { AttributeEquals = new Dictionary<string, object?> { ["type"] = "burst", ["pipe_id"] = null }, TimeFrom = from, TimeTo = to };
        Assert.Equal(expected, ws.Read("pipe_breaks", q).Select(f => f.Fid!.Value));
        Assert.Equal(expected.Count, ws.Count("pipe_breaks", q with { Limit = 1 }));

        var paged = new List<long>();
        for (long off = 0; off < expected.Count; off += 3)
            paged.AddRange(ws.Read("pipe_breaks", q with { Offset = off, Limit = 3 }).Select(f => f.Fid!.Value));
        Assert.Equal(expected, paged);

        var one = ws.Get("pipe_breaks", expected[0])!;
        Assert.Equal(written[(int)expected[0] - 1].Values, one.Values);
        Assert.Null(ws.Get("pipe_breaks", 100_000));
    }

    [Fact]
    public void Bad_queries_are_reported_with_the_layer_and_field()
    {
        using var dir = new TempDir();
        using var ws = GeoPackageWorkspace.Create(dir.File("ws.gpkg"));
        using (var w = ws.BeginWrite()) { w.CreateLayer(AssetLayers.Roads.Schema); w.Commit(); }
        Assert.Contains("layers: roads", Assert.Throws<DxGeoException>(() => ws.Read("pipes")).Message);
        Assert.Contains("no field 'colour'", Assert.Throws<DxGeoException>(() =>
            ws.Read("roads", new() { AttributeEquals = new Dictionary<string, object?> { ["colour"] = "red" } })).Message);
        Assert.Contains("no time field", Assert.Throws<DxGeoException>(() => ws.Count("roads", new() { TimeFrom = DateTimeOffset.UnixEpoch })).Message);
        Assert.Contains("field 'name'", Assert.Throws<DxGeoException>(() =>
            ws.Read("roads", new() { AttributeEquals = new Dictionary<string, object?> { ["name"] = 3.5 } })).Message);
    }

    [Fact]
    public void Several_readers_stream_at_once_from_different_threads()
    {
        using var dir = new TempDir();
        using var ws = GeoPackageWorkspace.Create(dir.File("ws.gpkg"));
        using (var w = ws.BeginWrite())
        {
            w.CreateLayer(AssetLayers.Roads.Schema);
            foreach (var l in RandomLines(500, new Random(2))) w.Insert("roads", l);
            w.Commit();
        }
        using var outer = ws.Read("roads").GetEnumerator();
        Assert.True(outer.MoveNext());
        var counts = Enumerable.Range(0, 4).AsParallel().Select(_ => ws.Read("roads").Count()).ToList();
        Assert.All(counts, c => Assert.Equal(500, c));
        var rest = 1;
        while (outer.MoveNext()) rest++;
        Assert.Equal(500, rest);
    }
}
