using DxGeo.SampleTown.Internal.Geo;
using DxGeo.SampleTown.Internal.Numerics;
using NetTopologySuite.Geometries;
using NetTopologySuite.Geometries.Prepared;
using NetTopologySuite.Index.Quadtree;
using NetTopologySuite.LinearReferencing;

namespace DxGeo.SampleTown.Internal.Layout;

/// <summary>
/// District boundary streets and each district's own street grid (its block size and angle), clipped to the
/// district, cut at small waterways unless a bridge is drawn, and skipping grid lines that would run alongside an
/// existing road.
/// </summary>
internal static class StreetGrid
{
    public static List<StreetLine> Build(Hydrography h, IReadOnlyList<District> districts, List<StreetLine> major, Prng rng)
    {
        var placed = new List<StreetLine>(major);
        var index = new Quadtree<StreetLine>(); // accepts inserts after queries
        foreach (var r in major) index.Insert(r.Line.EnvelopeInternal, r);

        // Boundaries between neighbouring districts become collector streets.
        var boundaries = Polyline.Factory.BuildGeometry(districts.Select(d => (Geometry)d.Area.Boundary)).Union();
        var outer = Polyline.Factory.BuildGeometry([h.BuildLand.Boundary, h.Corridor.Boundary, Polyline.Line(h.Canal.Centreline)]);
        var k = 0;
        foreach (var piece in Polygons.Lines(boundaries, 60))
        {
            var mid = Polyline.PointAt(piece.Coordinates, piece.Length / 2);
            if (outer.Distance(Polyline.Factory.CreatePoint(mid)) < 40) continue;
            foreach (var part in CutAtWater(piece, h, 0.8, rng))
                TryPlace(new StreetLine { Key = $"B{k++}", Line = part, Class = RoadClassKind.Collector, WidthM = 9 }, 45, placed, index);
        }

        foreach (var d in districts)
        {
            var s = d.Spec.BlockM;
            var rad = d.Spec.GridAngleDeg * DetMath.Pi / 180;
            var (ux, uy) = (DetMath.Cos(rad), DetMath.Sin(rad));
            var rural = d.Spec.Kind == DistrictKind.Rural;
            var n = 0;
            foreach (var (dx, dy) in new[] { (ux, uy), (-uy, ux) })
                foreach (var line in GridLines(d.Area.EnvelopeInternal, dx, dy, s, rng))
                    foreach (var clipped in Polygons.Lines(line.Intersection(d.Area), 30))
                        foreach (var part in CutAtWater(clipped, h, rural ? 0.35 : 0.5, rng))
                            TryPlace(new StreetLine
                            {
                                Key = $"{d.Id}-{n++}", Line = part, Class = RoadClassKind.Local, DistrictId = d.Id,
                                WidthM = rural ? 4 : rng.Uniform(4.5, 7), Rural = rural,
                            }, 0.45 * s, placed, index);
        }
        return placed;
    }

    /// <summary>Parallel lines in direction (dx, dy) every ~<paramref name="spacing"/> m (jittered) covering the envelope.</summary>
    private static IEnumerable<LineString> GridLines(Envelope env, double dx, double dy, double spacing, Prng rng)
    {
        Coordinate[] corners = [new(env.MinX, env.MinY), new(env.MaxX, env.MinY), new(env.MaxX, env.MaxY), new(env.MinX, env.MaxY)];
        var along = corners.Select(c => c.X * dx + c.Y * dy).ToArray();
        var across = corners.Select(c => -c.X * dy + c.Y * dx).ToArray();
        var (t0, t1) = (along.Min() - 10, along.Max() + 10);
        for (var o = across.Min() + rng.Uniform(0.2, 0.8) * spacing; o < across.Max(); o += spacing * rng.Uniform(0.85, 1.15))
        {
            var oo = o + rng.Uniform(-0.1, 0.1) * spacing;
            yield return Polyline.Factory.CreateLineString([
                new Coordinate(t0 * dx - oo * dy, t0 * dy + oo * dx), new Coordinate(t1 * dx - oo * dy, t1 * dy + oo * dx)]);
        }
    }

    /// <summary>Keeps a crossing of a small waterway (a bridge) with probability <paramref name="pBridge"/>, else cuts the street
    /// there; a street that would run along the water instead of across it is always cut.</summary>
    public static IEnumerable<LineString> CutAtWater(LineString line, Hydrography h, double pBridge, Prng rng)
    {
        Geometry g = line;
        foreach (var (w, area) in SmallWaters(h))
        {
            if (!area.Intersects(g)) continue;
            var wet = g.Intersection(w.CrossingArea);
            // A crossing leaves the water on both sides and is short; a street ending in or running along the water is cut.
            var crossing = Polygons.Lines(wet).All(l => l.Length < 3 * w.WidthM + 10)
                           && Polygons.Lines(g).All(l => !area.Contains(l.StartPoint) && !area.Contains(l.EndPoint));
            if (!crossing || !rng.Chance(pBridge)) g = g.Difference(w.CrossingArea);
        }
        return Polygons.Lines(g, 30);
    }

    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<Hydrography, List<(Waterway, IPreparedGeometry)>> Prepared = new();

    private static List<(Waterway, IPreparedGeometry)> SmallWaters(Hydrography h) => Prepared.GetValue(h, x =>
        [.. new[] { x.Tributary, x.Canal, x.Drain }.Select(w => (w, PreparedGeometryFactory.Prepare(w.CrossingArea)))]);

    /// <summary>Places the street unless it runs within <paramref name="parallelM"/> of, and parallel to, a street already placed.</summary>
    private static void TryPlace(StreetLine s, double parallelM, List<StreetLine> placed, Quadtree<StreetLine> index)
    {
        var pts = s.Line.Coordinates;
        var (sx, sy) = (pts[^1].X - pts[0].X, pts[^1].Y - pts[0].Y);
        var sl = Math.Sqrt(sx * sx + sy * sy);
        var env = s.Line.EnvelopeInternal.Copy();
        env.ExpandBy(parallelM);
        foreach (var other in index.Query(env))
        {
            var near = 0;
            foreach (var f in new[] { 0.2, 0.5, 0.8 })
            {
                var p = Polyline.PointAt(pts, f * s.Line.Length);
                if (other.Line.Distance(Polyline.Factory.CreatePoint(p)) > parallelM) continue;
                var lil = new LengthIndexedLine(other.Line);
                var at = lil.Project(p);
                var a = lil.ExtractPoint(Math.Max(0, at - 3));
                var b = lil.ExtractPoint(Math.Min(other.Line.Length, at + 3));
                var (ox, oy) = (b.X - a.X, b.Y - a.Y);
                var ol = Math.Sqrt(ox * ox + oy * oy);
                if (ol > 0 && Math.Abs(sx * ox + sy * oy) / (sl * ol) > 0.93) near++;
            }
            if (near >= 2) return;
        }
        placed.Add(s);
        index.Insert(s.Line.EnvelopeInternal, s);
    }
}
