using DxGeo.Core.Assets;
using DxGeo.Core.Assets.Layers;
using DxGeo.Core.Spatial;
using NetTopologySuite.Geometries;
using static DxGeo.Core.Tests.Spatial.TestLayers;

namespace DxGeo.Core.Tests.Spatial;

public class BufferAndSummaryTests
{
    [Fact]
    public void Buffer_is_round_in_metres_not_in_degrees()
    {
        var p = Ground.Point(At(0, 0));
        var b = (Polygon)BufferOp.Buffer(p, 100);
        Assert.Equal(4326, b.SRID);
        // Ground extent: 200 m east–west and north–south (in degrees these differ by cos φ).
        var e = b.EnvelopeInternal;
        var (w, _) = Ground.Local(e.MinX, p.Y, e.MaxX, p.Y);
        var (_, h) = Ground.Local(p.X, e.MinY, p.X, e.MaxY);
        Assert.Equal(200, w, 0.2);
        Assert.Equal(200, h, 0.2);
        // NTS approximates the circle with 4 × 8 segments: a regular 32-gon of circumradius 100 m.
        var expected = 0.5 * 32 * 100 * 100 * Math.Sin(2 * Math.PI / 32);
        Assert.Equal(expected, Ground.AreaM2(b), expected * 1e-3);
    }

    [Fact]
    public void Buffer_of_a_layer_per_feature_or_dissolved()
    {
        var ws = new InMemoryWorkspace().Add(AssetLayers.Levees.Schema,
            [Levee("L-1", (0, 0), (1000, 0)), Levee("L-2", (0, 30), (1000, 30)), Levee("L-3", (0, 500), (1000, 500))]);
        var each = BufferOp.Run(ws, "levees", null, 20);
        Assert.Equal(["L-1", "L-2", "L-3"], each.Records.Select(r => (string)r.Values[0]!));
        var dissolved = BufferOp.Run(ws, "levees", null, 20, dissolve: true);
        var mp = (MultiPolygon)Assert.Single(dissolved.Records).Geometry!;
        Assert.Equal(2, mp.NumGeometries); // L-1 and L-2 buffers overlap (30 m apart < 40 m); L-3 stands alone
        Assert.Equal(3L, dissolved.Records[0].Values[2]);
    }

    [Fact]
    public void Summary_totals_ground_length_by_material()
    {
        var ws = new InMemoryWorkspace().Add(AssetLayers.Pipes.Schema,
        [
            Pipe("a", (0, 0), (300, 0), PipeMaterial.CastIron),
            Pipe("b", (0, 0), (0, 400), PipeMaterial.CastIron),
            Pipe("c", (0, 0), (300, 400), PipeMaterial.Pvc),       // 500 m diagonal
        ]);
        var s = LayerSummaryOp.Run(ws, "water_pipes", "material");
        Assert.Equal(3, s.Total.Count);
        Assert.Equal(1200, s.Total.LengthM, 1200 * 3e-4);
        Assert.Equal(["CIP", "VP"], s.Groups.Select(g => g.Key));
        Assert.Equal(700, s.Groups[0].LengthM, 700 * 3e-4);
        Assert.Equal(0.5, s.Groups[1].LengthKm, 0.5 * 3e-4);
    }

    [Fact]
    public void Summary_respects_a_bbox_filter_and_names_unknown_fields()
    {
        var ws = new InMemoryWorkspace().Add(AssetLayers.Pipes.Schema, [Pipe("a", (0, 0), (100, 0)), Pipe("b", (5000, 0), (5100, 0))]);
        var (sw, ne) = (At(-10, -10), At(200, 10));
        var s = LayerSummaryOp.Run(ws, "water_pipes", null, new DxGeo.Core.Workspace.FeatureQuery { BoundingBox = new Envelope(sw.X, ne.X, sw.Y, ne.Y) });
        Assert.Equal(1, s.Total.Count);
        var e = Assert.Throws<DxGeo.Core.Errors.DxGeoException>(() => LayerSummaryOp.Run(ws, "water_pipes", "colour"));
        Assert.Contains("no field 'colour'", e.Message);
    }
}
