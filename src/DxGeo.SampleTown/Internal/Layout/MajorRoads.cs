using DxGeo.SampleTown.Internal.Geo;
using DxGeo.SampleTown.Internal.Numerics;
using NetTopologySuite.Geometries;

namespace DxGeo.SampleTown.Internal.Layout;

/// <summary>
/// Town-wide roads laid before the district grids: two prefectural roads along the river (north and south),
/// the central road and the eastern bypass crossing it, the coast road behind the coastal levee, the collectors that
/// cross the river on their own bridges, and the side roads along the levees and the canal.
/// </summary>
internal static class MajorRoads
{
    public static List<StreetLine> Build(Hydrography h, Prng rng)
    {
        var roads = new List<StreetLine>();
        double J(double m) => rng.Uniform(-m, m);

        var a1 = Polyline.CatmullRom([new(2350 + J(30), -30), new(2380 + J(30), 1200), new(2330 + J(30), 2900), new(2420 + J(30), 4030)], 20);
        Add(roads, h, "A1", a1, RoadClassKind.Arterial, "県道 川湊中央線", 22, crossesRiver: true, pipeOnBridge: true);

        var a2 = Enumerable.Range(0, 83).Select(i => new Coordinate(h.CoastX(-30 + 50.0 * i) - 1000, -30 + 50.0 * i)).ToArray();
        Add(roads, h, "A2", a2, RoadClassKind.Arterial, "国道 川湊バイパス", 20, crossesRiver: true, pipeOnBridge: true);

        var a3 = Polyline.CatmullRom(
        [
            new(-30, 3050 + J(40)), new(900, 3000 + J(40)), new(1800, 2850 + J(40)), new(2900, 2760 + J(30)),
            new(h.CanalX(2700), 2700), new(h.CoastX(2650) - 150, 2650),
        ], 20);
        Add(roads, h, "A3", a3, RoadClassKind.Arterial, "県道 仙台川湊線", 16, crossesRiver: false, pipeOnBridge: false);

        var a4End = 1080 + J(30);
        var a4 = Polyline.CatmullRom(
        [
            new(-30, 900 + J(40)), new(1200, 950 + J(40)), new(2400, 1000 + J(30)), new(3400, 1050 + J(30)),
            new(h.CoastX(a4End) - 1000, a4End),
        ], 20);
        Add(roads, h, "A4", a4, RoadClassKind.Arterial, "県道 岩沼川湊線", 16, crossesRiver: false, pipeOnBridge: false);

        var coast = Enumerable.Range(0, 83).Select(i => new Coordinate(h.CoastX(-30 + 50.0 * i) - 150, -30 + 50.0 * i)).ToArray();
        Add(roads, h, "C0", coast, RoadClassKind.Collector, "町道 浜街道", 10, crossesRiver: true, pipeOnBridge: true);

        // Collectors crossing the river, each on its own bridge, perpendicular-ish to the flow.
        double[] crossings = [450, 1050, 1550, 2050, 2750, 3150, 4250];
        string[] names = ["町道 新田上町線", "町道 上町南線", "町道 北沢線", "町道 川端南町線", "町道 本町八幡線", "町道 港町八幡線", "町道 浜町汐見線"];
        for (var i = 0; i < crossings.Length; i++)
        {
            var x = crossings[i] + J(50);
            var y = h.RiverY(x);
            var line = new[] { new Coordinate(x + J(40), y - rng.Uniform(500, 900)), new Coordinate(x + J(40), y + rng.Uniform(500, 900)) };
            Add(roads, h, $"C{i + 1}", line, RoadClassKind.Collector, names[i], rng.Uniform(8, 11), crossesRiver: true,
                pipeOnBridge: rng.Chance(0.5));
        }

        // Side roads at the land-side toe of both levees and along both banks of the canal.
        var ext = Enumerable.Range(0, 286).Select(i => new Coordinate(-100 + 20 * i, h.RiverY(-100 + 20 * i))).ToArray();
        Add(roads, h, "L1", Polyline.Offset(ext, i => h.CrestOffsetM(ext[i].X) + 26), RoadClassKind.Local, "町道 左岸堤防側道", 6, false, false);
        Add(roads, h, "L2", Polyline.Offset(ext, i => -h.CrestOffsetM(ext[i].X) - 26), RoadClassKind.Local, "町道 右岸堤防側道", 6, false, false);
        var canalW = Enumerable.Range(0, 83).Select(i => new Coordinate(h.CanalX(-30 + 50.0 * i) - 30, -30 + 50.0 * i)).ToArray();
        var canalE = Enumerable.Range(0, 83).Select(i => new Coordinate(h.CanalX(-30 + 50.0 * i) + 30, -30 + 50.0 * i)).ToArray();
        Add(roads, h, "L3", canalW, RoadClassKind.Local, "町道 運河西通り", 6, false, false);
        Add(roads, h, "L4", canalE, RoadClassKind.Local, "町道 運河東通り", 6, false, false);
        // Local streets bridging the canal every few hundred metres (the district grids stop at its banks).
        var n = 0;
        for (var y = rng.Uniform(200, 350); y < 3850; y += rng.Uniform(330, 460))
        {
            if (Math.Abs(y - h.RiverY(h.CanalX(y))) < h.CrestOffsetM(h.CanalX(y)) + 80) continue;
            var dy = J(25);
            Add(roads, h, $"K{++n}", [new(h.CanalX(y) - rng.Uniform(150, 260), y - dy), new(h.CanalX(y) + rng.Uniform(150, 260), y + dy)],
                RoadClassKind.Local, null, 6, false, false);
        }
        return roads;
    }

    private static void Add(List<StreetLine> roads, Hydrography h, string key, IReadOnlyList<Coordinate> pts, RoadClassKind cls,
        string? name, double widthM, bool crossesRiver, bool pipeOnBridge)
    {
        Geometry g = Polyline.Line(pts).Intersection(h.BuildLand);
        if (!crossesRiver) g = g.Difference(h.Corridor);
        var parts = Polygons.Lines(g, 40);
        for (var i = 0; i < parts.Count; i++)
            roads.Add(new StreetLine
            {
                Key = parts.Count == 1 ? key : $"{key}.{i}", Line = parts[i], Class = cls, Name = name, WidthM = widthM,
                PipeOnMainBridge = pipeOnBridge,
            });
    }
}
