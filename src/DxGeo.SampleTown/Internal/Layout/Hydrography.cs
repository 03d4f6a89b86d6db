using DxGeo.SampleTown.Internal.Geo;
using DxGeo.SampleTown.Internal.Numerics;
using NetTopologySuite.Geometries;

namespace DxGeo.SampleTown.Internal.Layout;

/// <summary>
/// Coast, sea and watercourses in local metres. The coast runs NNE as on the Sendai plain; the main river
/// 川湊川 meanders west→east into the sea; a tributary joins from the north through a sluice in the left levee;
/// a canal parallels the coast (like the historic coastal canals of Miyagi) and a drain crosses the southern paddies.
/// </summary>
internal sealed class Hydrography
{
    /// <summary>Distance (m) from the coastline to the crest of the coastal levee.</summary>
    public const double CoastLeveeSetbackM = 60;
    /// <summary>Distance from the coastline inland of which the town is built (behind the coastal levee).</summary>
    public const double BuildSetbackM = 85;

    public required Func<double, double> CoastX { get; init; }
    public required Func<double, double> RiverY { get; init; }
    public required Func<double, double> CanalX { get; init; }
    public required Polygon Bbox { get; init; }
    public required Polygon Sea { get; init; }
    /// <summary>Town box west of the coastline.</summary>
    public required Polygon Land { get; init; }
    /// <summary>Land behind the coastal levee (where streets, pipes and districts go).</summary>
    public required Polygon BuildLand { get; init; }
    public required Waterway River { get; init; }
    public required Waterway Tributary { get; init; }
    public required Waterway Canal { get; init; }
    public required Waterway Drain { get; init; }
    /// <summary>Left (north) and right (south) levee crest lines of the main river, unclipped.</summary>
    public required LineString LeftCrest { get; init; }
    public required LineString RightCrest { get; init; }
    /// <summary>River zone between the outer toes of the levees: no streets except bridges.</summary>
    public required Polygon Corridor { get; init; }
    /// <summary>Polygon north of the river centreline (covers the whole box north of the river).</summary>
    public required Polygon NorthOfRiver { get; init; }
    public required Coordinate Mouth { get; init; }
    /// <summary>Levee crest offset from the centreline (m) as a function of x.</summary>
    public required Func<double, double> CrestOffsetM { get; init; }

    public IReadOnlyList<Waterway> Waterways => [River, Tributary, Canal, Drain];

    public static Hydrography Build(int seed)
    {
        var rng = Prng.For(seed, "hydrography");
        var coastPhase = rng.Uniform(0, 2 * DetMath.Pi);
        double CoastX(double y) => 4680 + 0.10 * (y - 2000) + 25 * DetMath.Sin(2 * DetMath.Pi * y / 1700 + coastPhase);

        var a1 = 230 * rng.Uniform(0.9, 1.1);
        var p1 = 0.9 + rng.Uniform(-0.3, 0.3);
        var a2 = 70 * rng.Uniform(0.85, 1.15);
        var p2 = 1.1 + rng.Uniform(-0.4, 0.4);
        double RiverY(double x) => 1900 + a1 * DetMath.Sin(2 * DetMath.Pi * (x + 300) / 2900 + p1)
                                        + a2 * DetMath.Sin(2 * DetMath.Pi * x / 1300 + p2);

        var canalPhase = rng.Uniform(0, 2 * DetMath.Pi);
        double CanalX(double y) => CoastX(y) - 620 + 12 * DetMath.Sin(2 * DetMath.Pi * y / 900 + canalPhase);

        var bbox = Polyline.Rect(0, 0, TownFrame.WidthM, TownFrame.HeightM);
        var coast = Enumerable.Range(-2, 85).Select(i => new Coordinate(CoastX(i * 50.0), i * 50.0)).ToArray();
        var seaRing = coast.Concat([new Coordinate(5600, coast[^1].Y), new Coordinate(5600, coast[0].Y)]).ToList();
        seaRing.Add(coast[0].Copy());
        var seaFull = Polyline.Factory.CreatePolygon(seaRing.ToArray());
        var sea = (Polygon)Polygons.Parts(seaFull.Intersection(bbox))[0];
        var land = (Polygon)Polygons.Parts(bbox.Difference(seaFull)).OrderByDescending(p => p.Area).First();
        var build = WestOf(y => CoastX(y) - BuildSetbackM).Intersection(bbox);

        // Mouth: where the centreline meets the coast (bisection on x − coast(y(x))).
        double lo = 3500, hi = 5500;
        for (var i = 0; i < 60; i++)
        {
            var mid = 0.5 * (lo + hi);
            if (mid - CoastX(RiverY(mid)) < 0) lo = mid; else hi = mid;
        }
        var mouthX = lo;
        var mouth = new Coordinate(mouthX, RiverY(mouthX));
        double Frac(double x) => Math.Clamp(x / mouthX, 0, 1);
        double WaterHalf(double x) => 32 + 28 * Frac(x);
        double CrestOffset(double x) => 100 + 35 * Frac(x);

        var extended = Enumerable.Range(0, 286).Select(i => new Coordinate(-100 + 20 * i, RiverY(-100 + 20 * i))).ToArray();
        var centre = extended.Where(c => c.X >= 0 && c.X < mouthX).Append(mouth).ToArray();
        Coordinate[] Off(Func<double, double> d, int sign) => Polyline.Offset(extended, i => sign * d(extended[i].X));
        var water = LargestPart(Polyline.Band(Off(WaterHalf, 1), Off(WaterHalf, -1)).Intersection(land));
        var between = Polyline.Band(Off(CrestOffset, 1), Off(CrestOffset, -1));
        var corridor = LargestPart(Polyline.Band(Off(x => CrestOffset(x) + 22, 1), Off(x => CrestOffset(x) + 22, -1)).Intersection(bbox));
        var north = Polyline.Factory.CreatePolygon(extended.Concat([new Coordinate(5600, 4200), new Coordinate(-100, 4200), extended[0]]).ToArray());

        var river = new Waterway
        {
            Id = "WW-01", Name = "川湊川", NameRomaji = "Kawaminato River", Kind = WaterwayKind.River,
            Centreline = centre, WaterArea = water, WidthM = 2 * WaterHalf(mouthX / 2),
            CrossingArea = between.Intersection(bbox),
        };

        var joinX = 1850 + rng.Uniform(-60, 60);
        var tribCtrl = new Coordinate[]
        {
            new(1350 + rng.Uniform(-80, 80), 4040), new(1500 + rng.Uniform(-60, 60), 3500),
            new(1380 + rng.Uniform(-60, 60), 3000), new(1650 + rng.Uniform(-50, 50), RiverY(1650) + 380),
            new(joinX, RiverY(joinX)),
        };
        var tributary = Small("WW-02", "北沢川", "Kitazawa River", WaterwayKind.Tributary, Polyline.CatmullRom(tribCtrl, 15), 7, 10, bbox);

        var canalLine = Enumerable.Range(0, 163).Select(i => new Coordinate(CanalX(-25 + 25.0 * i), -25 + 25.0 * i)).ToArray();
        var canal = Small("WW-03", "新堀運河", "Shinbori Canal", WaterwayKind.Canal, canalLine, 15, 18, bbox);

        var drainEndY = 380 + rng.Uniform(-30, 30);
        var drainCtrl = new Coordinate[]
        {
            new(200, 1150 + rng.Uniform(-40, 40)), new(900, 1080 + rng.Uniform(-40, 40)), new(1700, 800 + rng.Uniform(-40, 40)),
            new(2500, 560 + rng.Uniform(-40, 40)), new(3300, 450 + rng.Uniform(-30, 30)), new(CanalX(drainEndY), drainEndY),
        };
        var drain = Small("WW-04", "南堀", "Minamibori Drain", WaterwayKind.Drain, Polyline.CatmullRom(drainCtrl, 15), 5, 7, bbox);

        return new Hydrography
        {
            CoastX = CoastX, RiverY = RiverY, CanalX = CanalX, Bbox = bbox, Sea = sea, Land = land,
            BuildLand = LargestPart(build), River = river, Tributary = tributary, Canal = canal, Drain = drain,
            LeftCrest = Polyline.Line(Off(CrestOffset, 1)), RightCrest = Polyline.Line(Off(CrestOffset, -1)),
            Corridor = corridor, NorthOfRiver = north, Mouth = mouth, CrestOffsetM = CrestOffset,
        };
    }

    private static Waterway Small(string id, string name, string romaji, WaterwayKind kind, Coordinate[] line,
        double halfWidth, double crossingHalf, Polygon bbox)
    {
        var clipped = Polygons.Lines(Polyline.Line(line).Intersection(bbox)).OrderByDescending(l => l.Length).First();
        return new Waterway
        {
            Id = id, Name = name, NameRomaji = romaji, Kind = kind, Centreline = clipped.Coordinates,
            WaterArea = LargestPart(Polyline.Strip(line, halfWidth).Intersection(bbox)), WidthM = 2 * halfWidth,
            CrossingArea = Polyline.Strip(line, crossingHalf).Intersection(bbox),
        };
    }

    /// <summary>Everything west of x = f(y) within a generous box.</summary>
    public static Polygon WestOf(Func<double, double> f)
    {
        var edge = Enumerable.Range(-2, 85).Select(i => new Coordinate(f(i * 50.0), i * 50.0)).ToList();
        var ring = new List<Coordinate>(edge) { new(-200, edge[^1].Y), new(-200, edge[0].Y), edge[0].Copy() };
        return Polyline.Factory.CreatePolygon(ring.ToArray());
    }

    private static Polygon LargestPart(Geometry g) => Polygons.Parts(g).OrderByDescending(p => p.Area).First();
}
