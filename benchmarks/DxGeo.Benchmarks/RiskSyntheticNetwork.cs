using DxGeo.Core.Assets;
using DxGeo.Risk.Storage;
using NetTopologySuite.Geometries;

namespace DxGeo.Benchmarks;

/// <summary>
/// A large network with the sample town's feature distributions: the town's pipes, context polygons and break
/// history tiled side by side (each copy shifted 0.12° east/north, ids suffixed, break days jittered), so every
/// stage of the pipeline (snapping, overlays, neighbours, panel, training, scoring) runs at the larger size.
/// </summary>
internal static class RiskSyntheticNetwork
{
    public static RiskInputs Tile(RiskInputs town, int segments, int seed = 7)
    {
        var copies = Math.Max(1, (int)Math.Ceiling(segments / (double)town.Pipes.Count));
        var side = (int)Math.Ceiling(Math.Sqrt(copies));
        var rng = new Random(seed);
        var pipes = new List<WaterPipe>(segments);
        var breaks = new List<PipeBreak>();
        var soil = new List<SoilZone>();
        var flood = new List<FloodZone>();
        var heights = new List<ElevationPoint>();
        var breaksByPipe = town.Breaks.Where(b => b.PipeId is not null).ToLookup(b => b.PipeId!);
        for (var c = 0; c < copies && pipes.Count < segments; c++)
        {
            double dx = c % side * 0.12, dy = c / side * 0.12;
            var suffix = $"-{c:D4}";
            foreach (var p in town.Pipes)
            {
                if (pipes.Count >= segments) break;
                pipes.Add(p with { PipeId = p.PipeId + suffix, Geometry = Shift(p.Geometry, dx, dy) });
                foreach (var b in breaksByPipe[p.PipeId])
                {
                    var date = b.Date.AddDays(rng.Next(-20, 21));
                    if (date.Year != b.Date.Year) date = b.Date;
                    breaks.Add(b with { BreakId = b.BreakId + suffix, PipeId = p.PipeId + suffix, Date = date, Geometry = Shift(b.Geometry, dx, dy) });
                }
            }
            soil.AddRange(town.Soil.Select(z => z with { ZoneId = z.ZoneId + suffix, Geometry = Shift(z.Geometry, dx, dy) }));
            flood.AddRange(town.FloodZones.Select(z => z with { ZoneId = z.ZoneId + suffix, Geometry = Shift(z.Geometry, dx, dy) }));
            heights.AddRange(town.Elevation.Select(e => e with { PointId = e.PointId + suffix, Geometry = Shift(e.Geometry, dx, dy) }));
        }
        return new RiskInputs { Source = $"synthetic ({pipes.Count:N0} segments, {copies} tiles of the sample town)", Pipes = pipes, Breaks = breaks, Soil = soil, FloodZones = flood, Elevation = heights };
    }

    private static T Shift<T>(T g, double dx, double dy) where T : Geometry
    {
        var copy = (T)g.Copy();
        copy.Apply(new ShiftFilter(dx, dy));
        copy.GeometryChanged();
        return copy;
    }

    private sealed class ShiftFilter(double dx, double dy) : IEntireCoordinateSequenceFilter
    {
        public bool Done => false;
        public bool GeometryChanged => true;
        public void Filter(CoordinateSequence seq)
        {
            for (var i = 0; i < seq.Count; i++) { seq.SetX(i, seq.GetX(i) + dx); seq.SetY(i, seq.GetY(i) + dy); }
        }
    }
}
