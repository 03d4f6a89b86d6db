using DxGeo.Core.Assets;
using DxGeo.SampleTown.Internal.Geo;
using DxGeo.SampleTown.Internal.Layout;
using DxGeo.SampleTown.Internal.Numerics;
using NetTopologySuite.Geometries;

namespace DxGeo.SampleTown.Internal.Context;

internal sealed record SoilPatch(string Id, Polygon Area, string SoilClass, Corrosivity Corrosivity);

/// <summary>
/// Soils of a Sendai-plain coast: sandy beach ridges along the shore, silty natural levees along the river,
/// back-marsh clay (more corrosive south of the river) with peat pockets, gravelly fan deposits upstream and
/// reclaimed fill around the port. Later layers override earlier ones, then the map is cut into single polygons.
/// </summary>
internal static class SoilMap
{
    public static List<SoilPatch> Build(Hydrography h, Prng rng)
    {
        Geometry land = h.Land;
        foreach (var w in h.Waterways) land = land.Difference(w.WaterArea);
        var north = h.NorthOfRiver;

        var layers = new List<(Geometry Area, string Class, Corrosivity C)>
        {
            (north, "clay", Corrosivity.Medium),
            (h.Bbox.Difference(north), "clay", Corrosivity.High),
        };
        var gravel = new SmoothNoise(rng, 120, 1500);
        layers.Add((Hydrography.WestOf(y => 650 + gravel.At(y)), "gravel", Corrosivity.Low));
        var levee = new SmoothNoise(rng, 110, 1300);
        layers.Add((VerticalBand(h, x => 430 + levee.At(x)), "silt", Corrosivity.Medium));
        for (var i = 0; i < 4; i++)
        {
            var southSide = i % 2 == 1;
            var x = rng.Uniform(900, 3400);
            var y = southSide ? rng.Uniform(250, Math.Max(300, h.RiverY(x) - 700)) : rng.Uniform(h.RiverY(x) + 800, 3750);
            var dir = rng.Uniform(-0.5, 0.5);
            layers.Add((Polyline.Ellipse(new Coordinate(x, y), rng.Uniform(280, 480), rng.Uniform(150, 260), Math.Sqrt(1 - dir * dir), dir),
                "peat", Corrosivity.High));
        }
        var beach = new SmoothNoise(rng, 70, 1200);
        layers.Add((Polyline.Rect(-200, -200, 5600, 4200).Difference(Hydrography.WestOf(y => h.CoastX(y) - 900 + beach.At(y))),
            "sand", Corrosivity.Low));
        var portX = h.Mouth.X - 700;
        layers.Add((Polyline.Ellipse(new Coordinate(portX, h.RiverY(portX) + 330), 480, 200, 1, 0), "fill", Corrosivity.High));

        // Paint: each layer takes its area from everything painted before it.
        var painted = new List<(Geometry Area, string Class, Corrosivity C)>();
        foreach (var (area, cls, c) in layers)
        {
            var a = area.Intersection(land);
            for (var i = 0; i < painted.Count; i++)
                painted[i] = (painted[i].Area.Difference(a), painted[i].Class, painted[i].C);
            painted.Add((a, cls, c));
        }
        var result = new List<SoilPatch>();
        foreach (var (area, cls, c) in painted)
            // Snap to a 10 cm grid: removes the hair-thin slivers where two painted boundaries nearly coincide.
            foreach (var p in Polygons.Parts(NetTopologySuite.Precision.GeometryPrecisionReducer.Reduce(area, new PrecisionModel(10)), 2000))
                result.Add(new SoilPatch("", p, cls, c));
        return result
            .OrderBy(p => Math.Round(p.Area.Centroid.X, 1)).ThenBy(p => Math.Round(p.Area.Centroid.Y, 1))
            .Select((p, i) => p with { Id = $"SOIL-{i + 1:D3}" }).ToList();
    }

    /// <summary>Everything within a vertical distance d(x) of the river centreline.</summary>
    public static Polygon VerticalBand(Hydrography h, Func<double, double> d)
    {
        var xs = Enumerable.Range(0, 229).Select(i => -100 + 25.0 * i).ToArray();
        var top = xs.Select(x => new Coordinate(x, h.RiverY(x) + d(x))).ToArray();
        var bottom = xs.Select(x => new Coordinate(x, h.RiverY(x) - d(x))).ToArray();
        return Polyline.Band(top, bottom);
    }
}
