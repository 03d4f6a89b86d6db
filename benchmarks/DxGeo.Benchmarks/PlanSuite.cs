using System.Diagnostics;
using System.Globalization;
using DxGeo.Core.Assets;
using DxGeo.Core.Crs;
using DxGeo.Flight.Planning;
using NetTopologySuite.Geometries;
using NetTopologySuite.Geometries.Utilities;

namespace DxGeo.Benchmarks;

/// <summary>
/// Survey planning: time to plan a 1 km² area at 2 cm/px, a 10 km levee corridor and a 300 m bridge (full plans:
/// pattern, constraints, sorties, missions), and route length / photo count of our angle-optimised grid against a
/// naive fixed-angle grid (north–south lines, the same coverage rules) on the same polygons, in the same run.
/// No external planner runs on this machine (QGroundControl is a GUI application not packaged for it), so the naive
/// grid is the baseline. Usage: plan [--runs N]
/// </summary>
public sealed class PlanSuite : ISuite
{
    public string Name => "plan";
    public string Description => "plan a 1 km² area, a 10 km levee, a 300 m bridge; optimised vs fixed-angle grid";

    private static readonly CultureInfo C = CultureInfo.InvariantCulture;
    private static readonly GeometryFactory Wgs = new(new PrecisionModel(), 4326);
    private const double Lon0 = 139.70, Lat0 = 35.60;

    public int Run(string[] args)
    {
        var runs = 5;
        for (var i = 0; i < args.Length - 1; i++)
            if (args[i] == "--runs") runs = int.Parse(args[i + 1], C);
        var frame = MetricFrame.For(Lon0, Lat0);
        var origin = frame.ToMetric.Transform(Lon0, Lat0);
        Geometry ToLonLat(Geometry m) => frame.Unproject(AffineTransformation.TranslationInstance(origin.X, origin.Y).Transform(m));

        var km2 = (Polygon)ToLonLat(Rotate(Rect(1000, 1000), 25));
        var levee = new Levee { LeveeId = "L-10K", BaseWidthM = 40, CrestWidthM = 6, Geometry = (LineString)ToLonLat(Wander(10_000, 7)) };
        var bridge = new Bridge { BridgeId = "B-300", WidthM = 12, DeckHeightM = 9, Geometry = (LineString)ToLonLat(Wgs.CreateLineString([new(0, 0), new(300, 40)])) };
        var request = new PlanRequest { GsdCmPerPx = 2 };

        Console.WriteLine($"## Planning time (median of {runs} after a warm-up; full plan incl. sorties and missions)");
        Console.WriteLine();
        Console.WriteLine("| case | time (ms) | sorties | distance (km) | photos | mission items |");
        Console.WriteLine("|---|---:|---:|---:|---:|---:|");
        Row("1 km² area, 2 cm/px (M3E, 80/70 %)", runs, () => FlightPlanner.PlanArea(km2, request));
        Row("10 km levee corridor (50 m wide)", runs, () => FlightPlanner.PlanLevee(levee, request));
        Row("300 m bridge, both sides, 2 mm/px", runs, () => FlightPlanner.PlanBridge(bridge, new PlanRequest(), new BridgeRequest()));

        Console.WriteLine();
        Console.WriteLine("## Optimised line angle vs naive fixed north–south grid (same polygons, same coverage rules)");
        Console.WriteLine();
        Console.WriteLine("| polygon | chosen bearing | route km (opt / naive) | ratio | photos (opt / naive) | ratio | flight min (opt / naive) |");
        Console.WriteLine("|---|---:|---:|---:|---:|---:|---:|");
        var shapes = new (string Name, Geometry M)[]
        {
            ("1 km² square turned 25°", Rotate(Rect(1000, 1000), 25)),
            ("field 1200 × 250 m turned 35°", Rotate(Rect(1200, 250), 35)),
            ("field 800 × 300 m turned 70°", Rotate(Rect(800, 300), 70)),
            ("L-shaped block 600 m", Rotate(LShape(600), 15)),
            ("irregular 9-gon, r ≈ 450 m", Star(450, 9, 11)),
            ("east–west strip 1500 × 200 m", Rect(1500, 200)),
        };
        double sumD = 0, sumP = 0;
        foreach (var (name, m) in shapes)
        {
            var area = ToLonLat(m);
            var generous = request with { RadioRangeM = 3000, EnduranceMin = 60 };
            var opt = FlightPlanner.PlanArea(area, generous);
            var naive = FlightPlanner.PlanArea(area, generous with { LineBearingDeg = 0 });
            var dRatio = opt.TotalDistanceM / naive.TotalDistanceM;
            var pRatio = (double)opt.TotalPhotos / naive.TotalPhotos;
            sumD += dRatio; sumP += pRatio;
            var bearing = opt.Warnings.FirstOrDefault(w => w.StartsWith("line bearing"))?.Split(' ')[2] ?? "?";
            Console.WriteLine(string.Create(C, $"| {name} | {bearing} | {opt.TotalDistanceM / 1000:0.00} / {naive.TotalDistanceM / 1000:0.00} | {dRatio:0.00} | {opt.TotalPhotos} / {naive.TotalPhotos} | {pRatio:0.00} | {opt.TotalTimeS / 60:0.0} / {naive.TotalTimeS / 60:0.0} |"));
        }
        Console.WriteLine(string.Create(C, $"| **mean ratio** | | | **{sumD / shapes.Length:0.00}** | | **{sumP / shapes.Length:0.00}** | |"));
        return 0;
    }

    private static void Row(string name, int runs, Func<FlightPlan> plan)
    {
        var p = plan();
        var times = new List<double>();
        for (var i = 0; i < runs; i++)
        {
            var sw = Stopwatch.StartNew();
            plan();
            times.Add(sw.Elapsed.TotalMilliseconds);
        }
        times.Sort();
        Console.WriteLine(string.Create(C, $"| {name} | {times[times.Count / 2]:0} | {p.Sorties.Count} | {p.TotalDistanceM / 1000:0.00} | {p.TotalPhotos} | {p.Sorties.Sum(s => s.Mission.Count)} |"));
    }

    private static Polygon Rect(double w, double h) =>
        Wgs.CreatePolygon([new(-w / 2, -h / 2), new(w / 2, -h / 2), new(w / 2, h / 2), new(-w / 2, h / 2), new(-w / 2, -h / 2)]);

    private static Polygon LShape(double s) =>
        Wgs.CreatePolygon([new(0, 0), new(s, 0), new(s, s / 3), new(s / 3, s / 3), new(s / 3, s), new(0, s), new(0, 0)]);

    private static Geometry Rotate(Geometry g, double deg) => AffineTransformation.RotationInstance(deg * Math.PI / 180).Transform(g);

    private static Polygon Star(double r, int n, int seed)
    {
        var rnd = new Random(seed);
        var pts = Enumerable.Range(0, n).Select(i =>
        {
            var a = 2 * Math.PI * i / n;
            var rr = r * (0.55 + 0.45 * rnd.NextDouble());
            return new Coordinate(rr * Math.Cos(a), rr * Math.Sin(a));
        }).ToList();
        pts.Add(pts[0]);
        return Wgs.CreatePolygon(pts.ToArray());
    }

    /// <summary>A river-like line of the given length: 250 m steps with gentle random bends.</summary>
    private static LineString Wander(double length, int seed)
    {
        var rnd = new Random(seed);
        var pts = new List<Coordinate> { new(0, 0) };
        var heading = 0.3;
        for (var d = 0.0; d < length; d += 250)
        {
            heading += (rnd.NextDouble() - 0.5) * 0.5;
            var last = pts[^1];
            pts.Add(new Coordinate(last.X + 250 * Math.Cos(heading), last.Y + 250 * Math.Sin(heading)));
        }
        return Wgs.CreateLineString(pts.ToArray());
    }
}
