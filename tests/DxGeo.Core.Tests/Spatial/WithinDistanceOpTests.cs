using DxGeo.Core.Assets.Layers;
using DxGeo.Core.Errors;
using DxGeo.Core.Spatial;
using static DxGeo.Core.Tests.Spatial.TestLayers;

namespace DxGeo.Core.Tests.Spatial;

public class WithinDistanceOpTests
{
    // Levee L-3 runs 2 km east along N = 0; L-9 runs along N = 3000. Bridges sit at known perpendicular offsets.
    private static InMemoryWorkspace Town() => new InMemoryWorkspace()
        .Add(AssetLayers.Levees.Schema, [Levee("L-3", (0, 0), (2000, 0)), Levee("L-9", (0, 3000), (2000, 3000))])
        .Add(AssetLayers.Bridges.Schema,
        [
            Bridge("B-near", (500, 250)),    // 250 m north of L-3
            Bridge("B-far", (1500, -350)),   // 350 m south of L-3
            Bridge("B-end", (2200, 0)),      // 200 m past L-3's east end
            Bridge("B-nine", (1000, 2900)),  // 100 m south of L-9
        ]);

    [Fact]
    public void Bridges_within_300_m_of_one_levee()
    {
        var hits = WithinDistanceOp.Run(Town(), "bridges", "levees", "L-3", 300);
        Assert.Equal(["B-end", "B-near"], hits.Select(h => h.Id));
        Assert.Equal(200, hits[0].DistanceM!.Value, 0.1);
        Assert.Equal(250, hits[1].DistanceM!.Value, 0.1);
        Assert.All(hits, h => Assert.Equal("L-3", h.TargetId));
    }

    [Fact]
    public void Bridges_within_300_m_of_any_levee_name_the_nearest_one()
    {
        var hits = WithinDistanceOp.Run(Town(), "bridges", "levees", null, 300);
        Assert.Equal(["B-nine", "B-end", "B-near"], hits.Select(h => h.Id));
        Assert.Equal("L-9", hits[0].TargetId);
    }

    [Fact]
    public void Distance_is_ground_metres_not_degrees()
    {
        // 350 m is outside 300 m but inside 400 m; east–west offsets would be 1.23× too long if measured in
        // degrees of latitude, so test an east offset too.
        var ws = Town();
        Assert.Contains(WithinDistanceOp.Run(ws, "bridges", "levees", "L-3", 400), h => h.Id == "B-far");
        var end = WithinDistanceOp.Run(ws, "bridges", "levees", "L-3", 210).Single(h => h.Id == "B-end");
        Assert.Equal(200, end.DistanceM!.Value, 0.1);
        Assert.DoesNotContain(WithinDistanceOp.Run(ws, "bridges", "levees", "L-3", 190), h => h.Id == "B-end");
    }

    [Fact]
    public void Works_against_a_single_geometry()
    {
        var p = Ground.Point(At(500, 0));
        var hits = WithinDistanceOp.Run(Town(), "bridges", p, 260);
        Assert.Equal("B-near", Assert.Single(hits).Id);
    }

    [Fact]
    public void An_unknown_target_id_is_a_clear_error()
    {
        var e = Assert.Throws<DxGeoException>(() => WithinDistanceOp.Run(Town(), "bridges", "levees", "L-99", 300));
        Assert.Contains("levee_id 'L-99'", e.Message);
    }

    [Fact]
    public void Negative_distance_is_refused() =>
        Assert.Throws<DxGeoException>(() => WithinDistanceOp.Run(Town(), "bridges", "levees", null, -1));
}
