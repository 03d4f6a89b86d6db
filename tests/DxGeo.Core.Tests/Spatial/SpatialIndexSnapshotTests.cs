using DxGeo.Core.Assets.Layers;
using DxGeo.Core.Features;
using DxGeo.Core.Spatial;
using NetTopologySuite.Geometries;
using static DxGeo.Core.Tests.Spatial.TestLayers;

namespace DxGeo.Core.Tests.Spatial;

public class SpatialIndexSnapshotTests
{
    private static List<FeatureRecord> Pipes() =>
        [Pipe("A", (0, 0), (100, 0)), Pipe("B", (0, 50), (100, 50)), Pipe("C", (300, 0), (300, 200))];

    [Fact]
    public void Building_from_records_in_hand_leaves_their_geometry_in_lon_lat()
    {
        var records = Pipes();
        var before = records.Select(r => r.Geometry!.Copy()).ToList();
        var snapshot = SpatialIndexSnapshot.Build(AssetLayers.Pipes.Schema, records, keepFeatures: false);
        Assert.Equal(3, snapshot.Count);
        for (var i = 0; i < records.Count; i++) Assert.True(before[i].EqualsExact(records[i].Geometry!));
    }

    [Fact]
    public void Loading_without_features_keeps_ids_and_answers_in_metres()
    {
        var ws = new InMemoryWorkspace().Add(AssetLayers.Pipes.Schema, Pipes());
        var snapshot = SpatialIndexSnapshot.Load(ws, "water_pipes", keepFeatures: false);
        Assert.Null(snapshot.Feature(0));
        var q = At(50, 20); // 20 m from A, 30 m from B
        var hits = snapshot.Nearest(q.X, q.Y, 2);
        Assert.Equal(["A", "B"], hits.Select(h => h.Id));
        Assert.Equal(20, hits[0].DistanceM, 0.01);
        Assert.Equal("B", snapshot.NearestWithin(At(50, 45).X, At(50, 45).Y, 10)!.Value.Id);
        Assert.Null(snapshot.NearestWithin(At(200, 100).X, At(200, 100).Y, 10));
    }

    [Fact]
    public void Box_query_tests_geometry_exactly_and_returns_lon_lat_features()
    {
        var ws = new InMemoryWorkspace().Add(AssetLayers.Pipes.Schema, [.. Pipes(), Pipe("D", (150, 160), (260, 50))]);
        var snapshot = SpatialIndexSnapshot.Load(ws, "water_pipes");
        var (sw, ne) = (At(-10, -10), At(200, 60));
        var hits = snapshot.Query(new Envelope(sw.X, ne.X, sw.Y, ne.Y)).Select(snapshot.Id).Order();
        Assert.Equal(["A", "B"], hits); // D's envelope meets the box corner, its line does not
        Assert.InRange(snapshot.Feature(0)!.Geometry!.Coordinate.X, 139, 141);
    }
}
