using DxGeo.SampleTown.Internal.Geo;
using DxGeo.SampleTown.Internal.Layout;
using DxGeo.SampleTown.Internal.Numerics;
using NetTopologySuite.Geometries;

namespace DxGeo.SampleTown.Internal.Context;

internal sealed record NoFlyDraft(string Id, Polygon Area, string Name, string Reason);

/// <summary>
/// A few places drones may not fly: the edge of an airport's surroundings in the south-west, a defence facility
/// (with its 300 m surroundings) in the paddies, an oil terminal at the port, and the riverside fireworks venue
/// over the river by the old town (an event zone that covers part of the levees and a bridge or two).
/// </summary>
internal static class NoFlyZones
{
    public static List<NoFlyDraft> Build(Hydrography h, Prng rng)
    {
        var result = new List<NoFlyDraft>();
        var airport = Polyline.Factory.CreatePolygon(
        [
            new(0, 0), new(2600 + rng.Uniform(-200, 200), 0), new(2400, 180), new(0, 420 + rng.Uniform(-60, 60)), new(0, 0),
        ]);
        result.Add(new NoFlyDraft("NFZ-01", airport, "空港周辺空域", "airport"));

        var dx = rng.Uniform(450, 800);
        var defence = Polyline.Ellipse(new Coordinate(dx, h.RiverY(dx) + rng.Uniform(1300, 1600)), 320, 320, 1, 0);
        result.Add(new NoFlyDraft("NFZ-02", (Polygon)defence.Intersection(h.Bbox), "防衛関係施設 川湊分屯地", "facility"));

        var ox = h.Mouth.X - rng.Uniform(250, 450);
        var oil = Polyline.Ellipse(new Coordinate(ox, h.RiverY(ox) + 420), 220, 150, 1, 0);
        result.Add(new NoFlyDraft("NFZ-03", oil, "川湊港 石油基地", "facility"));

        var fx = rng.Uniform(2600, 3000);
        var fireworks = Polyline.Ellipse(new Coordinate(fx, h.RiverY(fx)), 380, 200, 1, 0);
        result.Add(new NoFlyDraft("NFZ-04", fireworks, "川湊みなと花火大会 会場", "event"));
        return result;
    }
}
