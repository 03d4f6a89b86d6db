using DxGeo.Core.Assets.Layers;
using DxGeo.Core.Errors;
using DxGeo.Core.Spatial;
using static DxGeo.Core.Tests.Spatial.TestLayers;

namespace DxGeo.Core.Tests.Spatial;

public class BreakSnapOpTests
{
    private static InMemoryWorkspace Town() => new InMemoryWorkspace()
        .Add(AssetLayers.Pipes.Schema, [Pipe("P-1", (0, 0), (200, 0)), Pipe("P-2", (0, 20), (200, 20)), Pipe("P-3", (500, -100), (500, 100))])
        .Add(AssetLayers.Breaks.Schema,
        [
            Break("K-1", (100, 3)),     // 3 m from P-1, 17 m from P-2
            Break("K-2", (100, 12)),    // 8 m from P-2
            Break("K-3", (300, 50)),    // ~54 m from P-2's end: nothing within 10 m
            Break("K-4", (507, 40)),    // 7 m from P-3
        ]);

    [Theory]
    [InlineData(SnapStrategy.Snapshot)]
    [InlineData(SnapStrategy.WorkspaceIndex)]
    public void Snaps_to_the_nearest_pipe_within_tolerance_or_reports_none(SnapStrategy strategy)
    {
        var snaps = BreakSnapOp.Run(Town(), 10, strategy);
        Assert.Equal(["K-1", "K-2", "K-3", "K-4"], snaps.Select(s => s.BreakId));
        Assert.Equal(["P-1", "P-2", null, "P-3"], snaps.Select(s => s.PipeId));
        Assert.Equal(3, snaps[0].DistanceM!.Value, 0.01);
        Assert.Equal(8, snaps[1].DistanceM!.Value, 0.01);
        Assert.False(snaps[2].Snapped);
        Assert.Null(snaps[2].DistanceM);
        Assert.Equal(7, snaps[3].DistanceM!.Value, 0.01);
    }

    [Fact]
    public void Apply_writes_pipe_ids_into_the_breaks_layer()
    {
        var ws = Town();
        var snaps = BreakSnapOp.Run(ws, 10);
        Assert.Equal(4, BreakSnapOp.Apply(ws, snaps));
        var breaks = ws.Read("pipe_breaks").Select(AssetLayers.Breaks.FromRecord).ToList();
        Assert.Equal(["P-1", "P-2", null, "P-3"], breaks.Select(b => b.PipeId));
        Assert.Equal(8, breaks[1].SnapDistanceM!.Value, 0.01);
        Assert.Null(breaks[2].SnapDistanceM);
    }

    [Fact]
    public void Apply_writes_nothing_when_a_break_is_missing()
    {
        var ws = Town();
        var snaps = BreakSnapOp.Run(ws, 10).Append(new BreakSnap("K-9", 999, "P-1", 1)).ToList();
        Assert.Throws<DxGeoException>(() => BreakSnapOp.Apply(ws, snaps));
        Assert.All(ws.Read("pipe_breaks").Select(AssetLayers.Breaks.FromRecord), b => Assert.Null(b.PipeId));
    }

    [Fact]
    public void A_non_point_break_is_reported_with_its_id()
    {
        var ws = Town();
        ws.Add(AssetLayers.Breaks.Schema, [new Features.FeatureRecord(Ground.Line(At(0, 0), At(1, 1)), ["K-bad", new DateOnly(2024, 1, 1), "leak", null, null])]);
        var e = Assert.Throws<InputDataException>(() => BreakSnapOp.Run(ws, 10));
        Assert.Equal("K-bad", e.FeatureId);
        Assert.Equal("geometry", e.Field);
    }
}
