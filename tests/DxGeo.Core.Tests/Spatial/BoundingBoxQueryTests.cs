using DxGeo.Core.Assets.Layers;
using DxGeo.Core.Errors;
using DxGeo.Core.Spatial;
using NetTopologySuite.Geometries;
using static DxGeo.Core.Tests.Spatial.TestLayers;

namespace DxGeo.Core.Tests.Spatial;

public class BoundingBoxQueryTests
{
    [Fact]
    public void Returns_features_crossing_the_box_and_drops_envelope_only_matches()
    {
        var ws = new InMemoryWorkspace().Add(AssetLayers.Pipes.Schema,
        [
            Pipe("inside", (20, 20), (80, 80)),
            Pipe("crossing", (-50, 50), (150, 50)),            // no vertex inside, passes through
            Pipe("diagonal-miss", (90, 210), (210, 90)),        // envelope overlaps the box corner, line does not
            Pipe("outside", (300, 300), (400, 300)),
        ]);
        var (sw, ne) = (At(0, 0), At(100, 100));
        var box = new Envelope(sw.X, ne.X, sw.Y, ne.Y);
        var hits = BoundingBoxQuery.Run(ws, "water_pipes", box).Select(h => h.Id).Order().ToList();
        Assert.Equal(["crossing", "inside"], hits);
        var read = Assert.Single(ws.Reads);
        Assert.Equal(box, read.Query!.BoundingBox);
        Assert.Equal(3, read.Returned); // the index hands over the diagonal too; the exact test drops it
    }

    [Fact]
    public void Limit_stops_early()
    {
        var ws = new InMemoryWorkspace().Add(AssetLayers.Pipes.Schema,
            Enumerable.Range(0, 10).Select(i => Pipe($"P{i}", (i * 10.0, 0), (i * 10.0 + 5, 0))));
        var (sw, ne) = (At(-10, -10), At(200, 10));
        Assert.Equal(3, BoundingBoxQuery.Run(ws, "water_pipes", new Envelope(sw.X, ne.X, sw.Y, ne.Y), limit: 3).Count());
    }

    [Fact]
    public void A_box_that_is_not_lon_lat_is_refused()
    {
        var ws = new InMemoryWorkspace().Add(AssetLayers.Pipes.Schema, []);
        var e = Assert.Throws<DxGeoException>(() => BoundingBoxQuery.Run(ws, "water_pipes", new Envelope(-40000, 30000, 10000, 20000)).ToList());
        Assert.Contains("lon/lat", e.Message);
    }
}
