using DxGeo.Core.Assets.Layers;
using DxGeo.Core.Errors;
using DxGeo.Core.Features;
using DxGeo.Core.Mesh;
using DxGeo.Core.Tests.Spatial;
using NetTopologySuite.Geometries;

namespace DxGeo.Core.Tests.Mesh;

public class MeshAggregateOpTests
{
    private static FeatureRecord Pipe(string id, params Coordinate[] cs) => TestLayers.Pipe(id, Ground.Line(cs));

    private static Dictionary<string, FeatureRecord> ByCode(Core.Spatial.FeatureTable t) =>
        t.Records.ToDictionary(r => (string)r.Values[0]!);

    [Fact]
    public void A_line_along_a_parallel_is_split_at_each_third_mesh_column()
    {
        // lat 35.68: 2140.8′ → p 53, q 4 (rest 0.8′ = 48″ → r 1). Columns of 45″ start at 139°45′45″ = 139.7625,
        // 139.775 and 139.7875, so a line from 139.76 to 139.79 has pieces of 0.0025°, 0.0125°, 0.0125°, 0.0025°
        // in third meshes w = 0, 1, 2, 3 of 533946: 53394610 … 53394613.
        var ws = new InMemoryWorkspace().Add(AssetLayers.Pipes.Schema, [Pipe("EW", new(139.76, 35.68), new(139.79, 35.68))]);
        var table = MeshAggregateOp.Run(ws, "water_pipes", MeshLevel.Third);
        Assert.Equal("water_pipes_mesh_1km", table.Schema.Name);
        var cells = ByCode(table);
        Assert.Equal(["53394610", "53394611", "53394612", "53394613"], cells.Keys);
        var (_, n) = Ground.Radii(35.68);
        double GroundM(double dLon) => dLon * Math.PI / 180 * n * Math.Cos(35.68 * Math.PI / 180);
        double[] pieces = [0.0025, 0.0125, 0.0125, 0.0025];
        var lengthIdx = table.Schema.IndexOf("length_m");
        for (var i = 0; i < 4; i++)
        {
            var r = cells[$"5339461{i}"];
            Assert.Equal(GroundM(pieces[i]), (double)r.Values[lengthIdx]!, GroundM(pieces[i]) * 3e-4);
            Assert.Equal(1L, r.Values[table.Schema.IndexOf("feature_count")]);
            Assert.Equal(JisMesh.Bounds(JisMesh.Parse($"5339461{i}")), r.Geometry!.EnvelopeInternal);
        }
    }

    [Fact]
    public void Diagonal_lines_keep_their_total_length_and_count_once_per_cell()
    {
        var rng = new Random(3);
        var pipes = new List<FeatureRecord>();
        double total = 0;
        for (var i = 0; i < 30; i++)
        {
            var a = TestLayers.At(rng.NextDouble() * 2000, rng.NextDouble() * 2000);
            var b = TestLayers.At(rng.NextDouble() * 2000, rng.NextDouble() * 2000);
            var c = TestLayers.At(rng.NextDouble() * 2000, rng.NextDouble() * 2000);
            var line = Ground.Line(a, b, c);
            total += Ground.LengthM(line);
            pipes.Add(TestLayers.Pipe($"D{i}", line));
        }
        var ws = new InMemoryWorkspace().Add(AssetLayers.Pipes.Schema, pipes);
        var table = MeshAggregateOp.Run(ws, "water_pipes", MeshLevel.Quarter);
        var lengths = table.Records.Sum(r => (double)r.Values[3]!);
        Assert.Equal(total, lengths, total * 3e-4);
        // Each cell's count is the number of pipes whose line really passes through it (checked with NTS in lon/lat
        // on a sample of the cells, to keep the test fast).
        foreach (var r in table.Records.Where((_, i) => i % 10 == 0))
        {
            var cell = r.Geometry!;
            var crossing = pipes.Count(p => p.Geometry!.EnvelopeInternal.Intersects(cell.EnvelopeInternal) && p.Geometry.Intersection(cell).Length > 0);
            Assert.Equal((long)crossing, r.Values[2]);
        }
    }

    [Fact]
    public void Points_are_counted_in_the_cell_holding_them()
    {
        // Tokyo Station → 533946113 (see JisMeshCodeTests), Tokyo Tower → 533935992.
        var ws = new InMemoryWorkspace().Add(AssetLayers.Breaks.Schema,
        [
            TestLayers.Break("a", (0, 0)),
            new FeatureRecord(Ground.Point(new Coordinate(139.767125, 35.681236)), ["b", new DateOnly(2024, 1, 1), "leak", null, null]),
            new FeatureRecord(Ground.Point(new Coordinate(139.745433, 35.658581)), ["c", new DateOnly(2024, 1, 1), "leak", null, null]),
        ]);
        var cells = ByCode(MeshAggregateOp.Run(ws, "pipe_breaks", MeshLevel.Half));
        Assert.Equal(2L, cells["533946113"].Values[2]); // the origin of TestLayers (139.7671, 35.6812) is in the same half mesh
        Assert.Equal(1L, cells["533935992"].Values[2]);
        Assert.Equal(0.0, cells["533935992"].Values[3]);
    }

    [Fact]
    public void Polygon_area_is_split_per_cell()
    {
        // A zone covering exactly the four quarter meshes of half mesh 533946113 plus nothing else.
        var half = JisMesh.Bounds(JisMesh.Parse("533946113"));
        var zone = Ground.F.CreatePolygon([new(half.MinX, half.MinY), new(half.MaxX, half.MinY), new(half.MaxX, half.MaxY), new(half.MinX, half.MaxY), new(half.MinX, half.MinY)]);
        var ws = new InMemoryWorkspace().Add(AssetLayers.FloodZones.Schema, [new FeatureRecord(Ground.F.CreateMultiPolygon([zone]), ["Z", 2L])]);
        var table = MeshAggregateOp.Run(ws, "flood_zones", MeshLevel.Quarter);
        Assert.Equal(["5339461131", "5339461132", "5339461133", "5339461134"], table.Records.Select(r => (string)r.Values[0]!));
        // A quarter cell is 11.25″ × 7.5″: width N·cosφ·Δλ, height M·Δφ.
        var (m, n) = Ground.Radii(half.Centre.Y);
        var sec = Math.PI / 180 / 3600;
        var expected = 11.25 * sec * n * Math.Cos(half.Centre.Y * Math.PI / 180) * 7.5 * sec * m;
        Assert.All(table.Records, r => Assert.Equal(expected, (double)r.Values[4]!, expected * 3e-4));
    }

    [Fact]
    public void Result_writes_to_the_workspace_as_a_polygon_layer()
    {
        var ws = new InMemoryWorkspace().Add(AssetLayers.Pipes.Schema, [Pipe("EW", new(139.76, 35.68), new(139.79, 35.68))]);
        var table = MeshAggregateOp.Run(ws, "water_pipes", MeshLevel.Third, outputName: "mesh_1km");
        table.WriteTo(ws);
        var info = ws.FindLayer("mesh_1km")!;
        Assert.Equal(LayerGeometryType.Polygon, info.Schema.GeometryType);
        Assert.Equal(4, info.FeatureCount);
    }

    [Fact]
    public void A_feature_outside_the_mesh_system_is_named()
    {
        var ws = new InMemoryWorkspace().Add(AssetLayers.Pipes.Schema, [Pipe("far", new(-3.0, 51.0), new(-2.9, 51.0))]);
        var e = Assert.Throws<InputDataException>(() => MeshAggregateOp.Run(ws, "water_pipes", MeshLevel.Quarter));
        Assert.Equal("far", e.FeatureId);
        Assert.Contains("outside the JIS X 0410 mesh system", e.Message);
    }
}
