using DxGeo.SampleTown.Internal.Geo;
using DxGeo.SampleTown.Internal.Layout;
using DxGeo.SampleTown.Internal.Numerics;
using NetTopologySuite.Geometries;

namespace DxGeo.SampleTown.Internal.Context;

internal sealed record FloodPatch(string Id, Polygon Area, int DepthClass);

/// <summary>
/// The river's planned-maximum inundation map (洪水浸水想定区域): shallow water far from the river, 0.5–3 m over most of
/// the low plain, 3–5 m near the lower reach and a 5–10 m pocket in the southern back marsh. Outside the levees only.
/// </summary>
internal static class FloodMap
{
    public static List<FloodPatch> Build(Hydrography h, Prng rng)
    {
        Geometry land = h.Land.Difference(h.Corridor);
        foreach (var w in h.Waterways) land = land.Difference(w.WaterArea);

        var n1 = new SmoothNoise(rng, 220, 1800);
        var n2 = new SmoothNoise(rng, 160, 1400);
        var n3 = new SmoothNoise(rng, 90, 1100);
        var c1 = SoilMap.VerticalBand(h, x => 1850 + n1.At(x));
        var c2 = SoilMap.VerticalBand(h, x => 1250 + n2.At(x) - 250 * Math.Max(0, (900 - x) / 900));
        var c3 = SoilMap.VerticalBand(h, x => Math.Max(160, 520 + n3.At(x) - 400 * Math.Max(0, (1400 - x) / 1400)));
        var px = rng.Uniform(2400, 3200);
        var c4 = Polyline.Ellipse(new Coordinate(px, h.RiverY(px) - 380), rng.Uniform(250, 330), rng.Uniform(120, 170), 1, 0);

        var areas = new (Geometry Area, int Depth)[]
        {
            (c1.Difference(c2), 1), (c2.Difference(c3), 2), (c3.Difference(c4), 3), (c4, 4),
        };
        var result = new List<FloodPatch>();
        foreach (var (area, depth) in areas)
            foreach (var p in Polygons.Parts(area.Intersection(land), 2000))
                result.Add(new FloodPatch("", p, depth));
        return result
            .OrderBy(p => p.DepthClass).ThenBy(p => Math.Round(p.Area.Centroid.X, 1)).ThenBy(p => Math.Round(p.Area.Centroid.Y, 1))
            .Select((p, i) => p with { Id = $"FZ-{i + 1:D3}" }).ToList();
    }
}
