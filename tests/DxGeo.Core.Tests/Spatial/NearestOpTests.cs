using DxGeo.Core.Assets.Layers;
using DxGeo.Core.Errors;
using DxGeo.Core.Features;
using DxGeo.Core.Spatial;
using static DxGeo.Core.Tests.Spatial.TestLayers;

namespace DxGeo.Core.Tests.Spatial;

public class NearestOpTests
{
    // A 40 × 40 grid of 80 m east–west pipes, one every 200 m east and 50 m north (1600 pipes over ~8 × 2 km).
    private static InMemoryWorkspace Grid()
    {
        var pipes = new List<FeatureRecord>();
        for (var i = 0; i < 40; i++)
            for (var j = 0; j < 40; j++)
                pipes.Add(Pipe($"P{i:D2}{j:D2}", (i * 200.0, j * 50.0), (i * 200.0 + 80, j * 50.0)));
        return new InMemoryWorkspace().Add(AssetLayers.Pipes.Schema, pipes);
    }

    [Fact]
    public void Finds_the_k_nearest_pipes_with_ground_distances()
    {
        var ws = Grid();
        // 20 m north of the middle of pipe P1010 (2000–2080 E, 500 N): P1010 at 20 m, P1011 at 30 m,
        // P1009 at 70 m, P1012 at 80 m (perpendicular: the point is inside their east–west span);
        // the columns east and west are at least 120 m away.
        var q = At(2040, 520);
        var hits = NearestOp.Run(ws, "water_pipes", q.X, q.Y, 4);
        Assert.Equal(["P1010", "P1011", "P1009", "P1012"], hits.Select(h => h.Id));
        double[] expected = [20, 30, 70, 80];
        for (var i = 0; i < 4; i++) Assert.Equal(expected[i], hits[i].DistanceM!.Value, expected[i] * 3e-4 + 0.01);
    }

    [Fact]
    public void Reads_only_a_neighbourhood_through_the_index()
    {
        var ws = Grid();
        var q = At(2040, 520);
        NearestOp.Run(ws, "water_pipes", q.X, q.Y, 4);
        Assert.All(ws.Reads.Where(r => r.Layer == "water_pipes"), r => Assert.NotNull(r.Query?.BoundingBox));
        Assert.True(ws.ReturnedFrom("water_pipes") < 160, $"read {ws.ReturnedFrom("water_pipes")} of 1600 pipes");
    }

    [Fact]
    public void Agrees_with_a_brute_force_scan_on_random_lines()
    {
        var rng = new Random(42);
        var pipes = new List<FeatureRecord>();
        for (var i = 0; i < 500; i++)
        {
            var (e, n) = (rng.NextDouble() * 3000, rng.NextDouble() * 3000);
            pipes.Add(Pipe($"R{i:D3}", (e, n), (e + rng.NextDouble() * 200 - 100, n + rng.NextDouble() * 200 - 100)));
        }
        var ws = new InMemoryWorkspace().Add(AssetLayers.Pipes.Schema, pipes);
        var snapshot = SpatialIndexSnapshot.Load(ws, "water_pipes");
        for (var t = 0; t < 30; t++)
        {
            var q = At(rng.NextDouble() * 3400 - 200, rng.NextDouble() * 3400 - 200);
            var brute = pipes.Select(p => (Id: (string)p.Values[0]!, D: Ground.PointToLineM(q, (NetTopologySuite.Geometries.LineString)p.Geometry!)))
                .OrderBy(x => x.D).Take(5).ToList();
            foreach (var hits in new[] { NearestOp.Run(ws, "water_pipes", q.X, q.Y, 5).Select(h => (h.Id, D: h.DistanceM!.Value)).ToList(),
                                         snapshot.Nearest(q.X, q.Y, 5).Select(h => (h.Id, D: h.DistanceM)).ToList() })
            {
                Assert.Equal(5, hits.Count);
                for (var i = 0; i < 5; i++)
                {
                    Assert.Equal(brute[i].D, hits[i].D, brute[i].D * 5e-4 + 0.02);
                    // Ids match unless two candidates are within the measuring tolerance of each other.
                    if (i == 4 || Math.Abs(brute[i].D - brute[i + 1].D) > 0.5) Assert.Equal(brute[i].Id, hits[i].Id);
                }
            }
        }
    }

    [Fact]
    public void Max_distance_limits_the_answer()
    {
        var ws = Grid();
        var q = At(2040, 520);
        var hits = NearestOp.Run(ws, "water_pipes", q.X, q.Y, 10, maxDistanceM: 50);
        Assert.Equal(["P1010", "P1011"], hits.Select(h => h.Id));
    }

    [Fact]
    public void A_point_far_outside_the_layer_still_finds_the_nearest()
    {
        var ws = Grid();
        var q = At(-5000, -5000);
        var hit = Assert.Single(NearestOp.Run(ws, "water_pipes", q.X, q.Y, 1));
        Assert.Equal("P0000", hit.Id);
        Assert.Equal(Math.Sqrt(2) * 5000, hit.DistanceM!.Value, Math.Sqrt(2) * 5000 * 3e-4);
    }

    [Fact]
    public void Asking_for_more_than_exist_returns_them_all()
    {
        var ws = new InMemoryWorkspace().Add(AssetLayers.Pipes.Schema, [Pipe("A", (0, 0), (10, 0)), Pipe("B", (0, 100), (10, 100))]);
        var q = At(0, 0);
        Assert.Equal(["A", "B"], NearestOp.Run(ws, "water_pipes", q.X, q.Y, 5).Select(h => h.Id));
        Assert.Empty(NearestOp.Run(new InMemoryWorkspace().Add(AssetLayers.Pipes.Schema, []), "water_pipes", q.X, q.Y, 5));
    }

    [Fact]
    public void Bad_arguments_are_user_errors()
    {
        var ws = Grid();
        Assert.Throws<DxGeoException>(() => NearestOp.Run(ws, "water_pipes", 139.7, 35.6, 0));
        Assert.Throws<DxGeoException>(() => NearestOp.Run(ws, "water_pipes", 35.6, 139.7, 1)); // lat/lon swapped
        var e = Assert.Throws<DxGeoException>(() => NearestOp.Run(ws, "pipes", 139.7, 35.6, 1));
        Assert.Contains("no layer 'pipes'", e.Message);
        Assert.Contains("water_pipes", e.Message);
    }
}
