using DxGeo.Core.Assets;
using DxGeo.Core.Assets.Layers;
using DxGeo.Core.Spatial;
using static DxGeo.Core.Tests.Spatial.TestLayers;

namespace DxGeo.Core.Tests.Spatial;

public class IntersectsOpTests
{
    // Flood zone Z1 covers local [0, 1000] × [0, 1000] m, Z2 [1000, 2000] × [0, 1000] (adjacent, east of Z1).
    private static InMemoryWorkspace Town() => new InMemoryWorkspace()
        .Add(AssetLayers.FloodZones.Schema, [Flood("Z1", 0, 0, 1000, 1000), Flood("Z2", 1000, 0, 2000, 1000, depthClass: 3)])
        .Add(AssetLayers.Pipes.Schema,
        [
            Pipe("in-ci", (100, 500), (500, 500), PipeMaterial.CastIron),        // 400 m, all inside Z1
            Pipe("half-ci", (-250, 200), (250, 200), PipeMaterial.CastIron),     // 500 m, 250 inside Z1
            Pipe("both-pvc", (800, 800), (1200, 800), PipeMaterial.Pvc),         // 400 m across Z1 and Z2
            Pipe("out-pvc", (-500, -500), (-100, -500), PipeMaterial.Pvc),       // outside
        ]);

    [Fact]
    public void Pipes_in_flood_zones_by_material_with_length_inside()
    {
        var result = IntersectsOp.Run(Town(), "water_pipes", "flood_zones", null);
        Assert.Equal(["both-pvc", "half-ci", "in-ci"], result.Hits.Select(h => h.Id));
        Assert.Equal(["Z1", "Z2"], result.Hits[0].TargetIds.Order());
        var groups = result.GroupBy("material");
        var ci = groups.Single(g => g.Key == "CIP");
        Assert.Equal(2, ci.Count);
        Assert.Equal(900, ci.LengthM, 900 * 3e-4);
        Assert.Equal(650, ci.LengthInsideM, 650 * 3e-4);
        var pvc = groups.Single(g => g.Key == "VP");
        Assert.Equal(1, pvc.Count);
        Assert.Equal(400, pvc.LengthInsideM, 400 * 3e-4); // counted once although it crosses two zones
    }

    [Fact]
    public void Within_keeps_only_pipes_wholly_inside_one_zone()
    {
        var result = IntersectsOp.Run(Town(), "water_pipes", "flood_zones", null, SpatialPredicate.Within);
        Assert.Equal(["in-ci"], result.Hits.Select(h => h.Id));
    }

    [Fact]
    public void One_zone_by_id_or_a_polygon()
    {
        Assert.Equal(["both-pvc"], IntersectsOp.Run(Town(), "water_pipes", "flood_zones", "Z2").Hits.Select(h => h.Id));
        var poly = Ground.F.CreatePolygon([At(0, 0), At(300, 0), At(300, 300), At(0, 300), At(0, 0)]);
        Assert.Equal(["half-ci"], IntersectsOp.Run(Town(), "water_pipes", poly).Hits.Select(h => h.Id));
    }

    [Fact]
    public void Contains_finds_zones_holding_a_feature()
    {
        var ws = Town();
        ws.Add(AssetLayers.Bridges.Schema, [Bridge("B1", (1500, 500))]);
        var result = IntersectsOp.Run(ws, "flood_zones", "bridges", "B1", SpatialPredicate.Contains);
        Assert.Equal(["Z2"], result.Hits.Select(h => h.Id));
    }

    [Fact]
    public void Hits_become_a_layer_with_measures()
    {
        var table = IntersectsOp.Run(Town(), "water_pipes", "flood_zones", null).ToTable("pipes_in_flood");
        Assert.Equal("pipes_in_flood", table.Schema.Name);
        var i = table.Schema.IndexOf("length_inside_m");
        var half = table.Records.Single(r => (string)r.Values[0]! == "half-ci");
        Assert.Equal(250, (double)half.Values[i]!, 0.1);
        Assert.Equal("Z1", half.Values[table.Schema.IndexOf("target_ids")]);
    }
}
