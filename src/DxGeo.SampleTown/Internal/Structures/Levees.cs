using DxGeo.Core.Assets;
using DxGeo.SampleTown.Internal.Geo;
using DxGeo.SampleTown.Internal.Layout;
using DxGeo.SampleTown.Internal.Numerics;
using NetTopologySuite.Geometries;
using NetTopologySuite.LinearReferencing;

namespace DxGeo.SampleTown.Internal.Structures;

internal sealed record LeveeDraft(string Id, LineString Crest, string River, Bank Bank, double? KpFrom, double? KpTo,
    double CrestElevationM, double CrestWidthM, double BaseWidthM);

/// <summary>
/// River levees on both banks in 0.5 km sections by kilometre post (KP 0 at the mouth), and the coastal levee
/// (海岸堤防, crest T.P. +7.2 m as rebuilt along Miyagi's coast after 2011) north and south of the mouth in ~1 km sections.
/// Base width = crest width + both slopes (1:2, 1:2.5 in the reinforced lower reach) × height above the land.
/// </summary>
internal static class Levees
{
    public const string RiverName = "川湊川";
    public const string CoastName = "川湊海岸";

    public static List<LeveeDraft> Build(Hydrography h, Prng rng)
    {
        var zone = (Polygon)Polyline.Rect(0, -100, 6000, 4100).Intersection(Hydrography.WestOf(y => h.CoastX(y) - Hydrography.CoastLeveeSetbackM));
        var centre = new LengthIndexedLine(Polyline.Line(h.River.Centreline));
        var riverLength = Polyline.Length(h.River.Centreline);
        var result = new List<LeveeDraft>();
        foreach (var (crest, bank, tag) in new[] { (h.LeftCrest, Bank.Left, "L"), (h.RightCrest, Bank.Right, "R") })
        {
            var line = Polygons.Lines(crest.Intersection(zone)).OrderByDescending(l => l.Length).First();
            var pts = line.Coordinates;
            var kp = pts.Select(p => (riverLength - centre.Project(p)) / 1000).ToArray();
            var maxKp = kp.Max();
            var n = 0;
            for (var b = 0.0; b < maxKp; b += 0.5)
            {
                var section = Cut(pts, kp, b, Math.Min(b + 0.5, maxKp));
                if (section.Length < 2) continue;
                var kpMid = b + 0.25;
                var lower = kpMid < 2.0;
                var crestElev = Math.Round(7.2 + 0.3 * kpMid + rng.Uniform(-0.1, 0.1), 2);
                var crestW = lower ? 6.0 : 5.0;
                var slope = lower ? 2.5 : 2.0;
                var height = crestElev - (1.0 + 0.4 * kpMid);
                result.Add(new LeveeDraft($"LV-{tag}-{++n:D2}", Polyline.Line(section), RiverName, bank,
                    Math.Round(b, 3), Math.Round(Math.Min(b + 0.5, maxKp), 3), crestElev, crestW,
                    Math.Round(crestW + 2 * slope * height + rng.Uniform(-1, 1), 1)));
            }
        }

        // Coastal levee: the line 60 m inland of the shore, interrupted at the mouth between the river levees.
        var coastLine = Polyline.Line(Enumerable.Range(0, 81).Select(i => new Coordinate(h.CoastX(i * 50.0) - Hydrography.CoastLeveeSetbackM, i * 50.0)));
        var mouthGap = h.River.CrossingArea;
        var parts = Polygons.Lines(coastLine.Difference(mouthGap), 100).OrderBy(l => l.Centroid.Y).ToList();
        var c = 0;
        foreach (var part in parts)
        {
            var bank = part.Centroid.Y > h.Mouth.Y ? Bank.Left : Bank.Right;
            var count = Math.Max(1, (int)Math.Round(part.Length / 1000));
            for (var k = 0; k < count; k++)
            {
                var seg = Polyline.Substring(part.Coordinates, part.Length * k / count, part.Length * (k + 1) / count);
                result.Add(new LeveeDraft($"LV-C-{++c:D2}", Polyline.Line(seg), CoastName, bank, null, null,
                    7.2, 4.0, Math.Round(4.0 + 2 * 2.0 * (7.2 - 1.0) + rng.Uniform(-1, 1), 1)));
            }
        }
        return result;
    }

    /// <summary>The part of the polyline whose KP (per vertex, monotonic) lies between <paramref name="from"/> and <paramref name="to"/>.</summary>
    private static Coordinate[] Cut(Coordinate[] pts, double[] kp, double from, double to)
    {
        var result = new List<Coordinate>();
        for (var i = 0; i < pts.Length; i++)
        {
            if (i > 0)
                foreach (var b in new[] { from, to })
                    if ((kp[i - 1] - b) * (kp[i] - b) < 0)
                    {
                        var t = (b - kp[i - 1]) / (kp[i] - kp[i - 1]);
                        result.Add(new Coordinate(pts[i - 1].X + t * (pts[i].X - pts[i - 1].X), pts[i - 1].Y + t * (pts[i].Y - pts[i - 1].Y)));
                    }
            if (kp[i] >= from && kp[i] <= to) result.Add(pts[i].Copy());
        }
        return Polyline.Dedup(result);
    }
}
