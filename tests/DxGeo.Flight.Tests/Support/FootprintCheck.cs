using DxGeo.Flight.Camera;
using DxGeo.Flight.Patterns;
using DxGeo.Flight.Planning;
using NetTopologySuite.Geometries;

namespace DxGeo.Flight.Tests.Support;

/// <summary>
/// Independent overlap check from image footprints: every photo of a nadir line sees a rectangle (side footprint
/// across, frontal along the line) centred on it; a ground point meets the requested front overlap when
/// ⌊1 / (1 − front)⌋ photos of one line see it. Computed here from the camera and overlaps, not from the planner.
/// </summary>
internal static class FootprintCheck
{
    public static int FrontMultiplicity(double frontOverlapPct) => (int)Math.Floor(1 / (1 - frontOverlapPct / 100) + 1e-9);

    public static (double SideM, double FrontalM) Footprint(CameraModel c, double altitudeM) =>
        (altitudeM * c.SensorWidthMm / c.FocalLengthMm, altitudeM * c.SensorHeightMm / c.FocalLengthMm);

    /// <summary>
    /// Whether <paramref name="p"/> meets the requested overlap: some line lies within half the requested line
    /// spacing of it (so the neighbouring passes are as close as the side overlap asks) and at least
    /// <paramref name="k"/> photos of that line have footprints containing it.
    /// </summary>
    public static bool Meets(Coordinate p, IEnumerable<PhotoLine> lines, double sideM, double frontalM, double spacingM, int k)
    {
        foreach (var g in lines.GroupBy(l => l.LineKey))
        {
            var l0 = g.First();
            double ox = p.X - l0.Start.X, oy = p.Y - l0.Start.Y;
            if (Math.Abs(-ox * l0.DirY + oy * l0.DirX) > spacingM / 2 + 1e-3) continue;
            var photos = g.SelectMany(l => l.Photos().Select(c => (c, l.DirX, l.DirY)))
                .DistinctBy(x => (Math.Round(x.c.X, 4), Math.Round(x.c.Y, 4)));
            var n = 0;
            foreach (var (c, ux, uy) in photos)
            {
                double dx = p.X - c.X, dy = p.Y - c.Y;
                var along = Math.Abs(dx * ux + dy * uy);
                var across = Math.Abs(-dx * uy + dy * ux);
                if (along <= frontalM / 2 + 1e-6 && across <= sideM / 2 + 1e-6) n++;
            }
            if (n >= k) return true;
        }
        return false;
    }

    /// <summary>Random points of <paramref name="g"/> (rejection sampling in its envelope).</summary>
    public static List<Coordinate> Sample(Geometry g, int count, Random rnd)
    {
        var env = g.EnvelopeInternal;
        var pts = new List<Coordinate>();
        var prepared = NetTopologySuite.Geometries.Prepared.PreparedGeometryFactory.Prepare(g);
        for (var tries = 0; pts.Count < count && tries < count * 200; tries++)
        {
            var c = new Coordinate(env.MinX + rnd.NextDouble() * env.Width, env.MinY + rnd.NextDouble() * env.Height);
            if (prepared.Contains(g.Factory.CreatePoint(c))) pts.Add(c);
        }
        return pts;
    }

    /// <summary>Largest spacing between a nadir line (all pieces of one line key together) and its nearest parallel
    /// neighbour among lines whose along-track extents overlap it and that lie within one side footprint
    /// (0 when no line has such a neighbour).</summary>
    public static double WorstNeighbourSpacing(IReadOnlyList<PhotoLine> lines, double sideM)
    {
        var keys = lines.GroupBy(l => l.LineKey).Select(g =>
        {
            var l0 = g.First();
            var along = g.SelectMany(l => l.Photos()).Select(p => (p.X - l0.Start.X) * l0.DirX + (p.Y - l0.Start.Y) * l0.DirY).ToList();
            return (Key: g.Key, O: l0.Start, Ux: l0.DirX, Uy: l0.DirY, Min: along.Min(), Max: along.Max());
        }).ToList();
        var worst = 0.0;
        foreach (var a in keys)
        {
            var nearest = double.MaxValue;
            foreach (var b in keys)
            {
                if (b.Key == a.Key || Math.Abs(a.Ux * b.Uy - a.Uy * b.Ux) > 1e-9) continue;
                double dx = b.O.X - a.O.X, dy = b.O.Y - a.O.Y;
                var d = Math.Abs(-dx * a.Uy + dy * a.Ux);
                if (d < 1e-6 || d >= sideM) continue;
                var shift = dx * a.Ux + dy * a.Uy;
                var sign = a.Ux * b.Ux + a.Uy * b.Uy > 0 ? 1 : -1;
                double b0 = shift + sign * b.Min, b1 = shift + sign * b.Max;
                if (Math.Max(a.Min, Math.Min(b0, b1)) > Math.Min(a.Max, Math.Max(b0, b1))) continue;
                nearest = Math.Min(nearest, d);
            }
            if (nearest < double.MaxValue) worst = Math.Max(worst, nearest);
        }
        return worst;
    }
}
