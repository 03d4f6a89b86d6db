using DxGeo.Core.Errors;
using DxGeo.Flight.Camera;
using DxGeo.Flight.Internal;
using NetTopologySuite.Geometries;
using NetTopologySuite.Operation.Buffer;
using NetTopologySuite.Simplify;

namespace DxGeo.Flight.Patterns;

/// <summary>Settings of a corridor scan along a polyline (metres, seconds).</summary>
public sealed record CorridorOptions
{
    public required CameraShot Shot { get; init; }
    public required double AltitudeM { get; init; }
    /// <summary>Full corridor width, centred on the line (for a levee: toe to toe, so crest and both slopes are covered).</summary>
    public required double WidthM { get; init; }
    public double TurnaroundM { get; init; } = 10;
    public required double SpeedMps { get; init; }
    /// <summary>Length of corridor one sortie should fly (all passes); null = no chunks.</summary>
    public double? ChunkLengthM { get; init; }
}

/// <summary>
/// Corridor scan (a levee, a pipe route): ⌈width / line spacing⌉ parallel passes (QGC's corridor count) that follow
/// the bends. The line is simplified within the slack the pass count leaves, each straight piece covers the part of
/// the corridor nearest to it (cells split at the bend bisectors), and passes are flown back and forth chunk by chunk
/// so that a sortie finishes one stretch of the corridor before moving on.
/// </summary>
public static class CorridorPattern
{
    public static SurveyPattern Plan(LineString centrelineM, IReadOnlyList<Geometry> noFlyZonesM, CorridorOptions o)
    {
        GeometryChecks.UsableLine(centrelineM, "corridor line");
        if (!double.IsFinite(o.WidthM) || o.WidthM <= 0)
            throw new DxGeoException($"corridor width must be positive (got {o.WidthM} m)");
        var f = centrelineM.Factory;
        var s = o.Shot.LineSpacingM;
        var half = o.WidthM / 2;
        var target = centrelineM.Buffer(half, new BufferParameters { EndCapStyle = EndCapStyle.Flat, QuadrantSegments = 8 });
        foreach (var z in noFlyZonesM)
            if (z.Intersects(target)) target = GeometryChecks.Polygonal(Overlay.Difference(target, z), f);
        if (target.IsEmpty) throw new DxGeoException("the corridor lies entirely inside no-fly zones: nothing can be covered");

        var n0 = Math.Max(1, (int)Math.Ceiling(o.WidthM / s - 1e-9));
        var tol = Math.Max((n0 * s - o.WidthM) / 2, 0.1 * s);
        var halfEff = half + tol;
        var n = Math.Max(1, (int)Math.Ceiling(2 * halfEff / s - 1e-9));
        var offsets = Enumerable.Range(0, n).Select(j => -(n - 1) * s / 2 + j * s).ToArray();
        var simple = (LineString)DouglasPeuckerSimplifier.Simplify(centrelineM, tol);
        var pts = DistinctPoints(simple.Coordinates);
        if (pts.Count < 2) pts = DistinctPoints(centrelineM.Coordinates);
        var cells = Cells(pts, target, halfEff, f);

        // Lines per cell and strip, tagged with the along-corridor distance of their start for chunking.
        var perPass = new List<(double Along, PhotoLine Line)>[n];
        for (var j = 0; j < n; j++) perPass[j] = [];
        var key = 0;
        var along = 0.0;
        for (var i = 0; i + 1 < pts.Count; i++)
        {
            var a = pts[i]; var b = pts[i + 1];
            var segLen = a.Distance(b);
            var frame = new LineFrame(a, Math.Atan2(b.Y - a.Y, b.X - a.X));
            if (!cells[i].IsEmpty)
            {
                var region = new StripProjection(frame.Rings(cells[i]));
                var (ux, uy) = frame.Along;
                foreach (var fl in ParallelLineCover.Cover(region, offsets, o.Shot.FootprintFrontalM, o.Shot.TriggerDistanceM, 2 * o.TurnaroundM))
                {
                    var line = new PhotoLine
                    {
                        Start = frame.FromFrame(fl.X0, fl.Y), DirX = ux, DirY = uy, PhotoCount = fl.Count,
                        TriggerDistanceM = o.Shot.TriggerDistanceM, AltitudeM = o.AltitudeM, PassIndex = fl.Strip,
                        LineKey = key++, GimbalPitchDeg = -90,
                    };
                    foreach (var piece in Chunk(line, along + fl.X0, o.ChunkLengthM))
                        perPass[fl.Strip].Add(piece);
                }
            }
            along += segLen;
        }
        var ordered = Order(perPass, o);
        var passes = Enumerable.Range(0, n).Select(j => new SurveyPass
        {
            Name = $"corridor pass {j + 1}/{n} (offset {offsets[j]:+0.0;-0.0;0.0} m)", Kind = PassKind.Nadir,
            Shot = o.Shot, AltitudeM = o.AltitudeM, GimbalPitchDeg = -90,
        }).ToList();
        return new SurveyPattern
        {
            Kind = "corridor", Passes = passes, Lines = ordered, Target = target, TransitAltitudeM = o.AltitudeM,
            LineSpeedMps = o.SpeedMps,
        };
    }

    private static List<Coordinate> DistinctPoints(Coordinate[] cs)
    {
        var r = new List<Coordinate>();
        foreach (var c in cs)
            if (r.Count == 0 || r[^1].Distance(c) > 1e-6) r.Add(c);
        return r;
    }

    /// <summary>Part of the target nearest each straight piece: bisector slabs, then leftovers given to a piece within reach.</summary>
    private static Geometry[] Cells(List<Coordinate> pts, Geometry target, double halfEff, GeometryFactory f)
    {
        var m = pts.Count - 1;
        var env = target.EnvelopeInternal.Copy();
        env.ExpandBy(Math.Max(env.Width, env.Height) + 10 * halfEff);
        var big = Math.Max(env.Width, env.Height) * 2;
        var cells = new Geometry[m];
        var reach = new Geometry[m];
        for (var i = 0; i < m; i++)
        {
            var seg = f.CreateLineString([pts[i], pts[i + 1]]);
            reach[i] = seg.Buffer(halfEff + 1e-6, new BufferParameters { EndCapStyle = EndCapStyle.Round, QuadrantSegments = 8 });
            Geometry cell = reach[i];
            if (i > 0) cell = Overlay.Intersection(cell, HalfPlane(pts[i], Bisector(pts[i - 1], pts[i], pts[i + 1]), big, f));
            if (i < m - 1)
            {
                var (nx, ny) = Bisector(pts[i], pts[i + 1], pts[i + 2]);
                cell = Overlay.Intersection(cell, HalfPlane(pts[i + 1], (-nx, -ny), big, f));
            }
            cells[i] = GeometryChecks.Polygonal(Overlay.Intersection(cell, target), f);
        }
        var covered = Overlay.UnionAll(cells.Where(c => !c.IsEmpty).ToList(), f);
        var leftover = GeometryChecks.Polygonal(Overlay.Difference(target, covered), f);
        for (var i = 0; i < m && !leftover.IsEmpty; i++)
        {
            var part = GeometryChecks.Polygonal(Overlay.Intersection(leftover, reach[i]), f);
            if (part.IsEmpty) continue;
            cells[i] = GeometryChecks.Polygonal(Overlay.Union(cells[i], part), f);
            leftover = GeometryChecks.Polygonal(Overlay.Difference(leftover, reach[i]), f);
        }
        return cells;
    }

    /// <summary>Normal of the boundary between the pieces meeting at <paramref name="v"/>, pointing along the outgoing piece.</summary>
    private static (double X, double Y) Bisector(Coordinate a, Coordinate v, Coordinate b)
    {
        double ix = v.X - a.X, iy = v.Y - a.Y, ox = b.X - v.X, oy = b.Y - v.Y;
        double li = Math.Sqrt(ix * ix + iy * iy), lo = Math.Sqrt(ox * ox + oy * oy);
        double nx = ix / li + ox / lo, ny = iy / li + oy / lo;
        var ln = Math.Sqrt(nx * nx + ny * ny);
        return ln < 1e-9 ? (ox / lo, oy / lo) : (nx / ln, ny / ln);
    }

    /// <summary>Square of side 2·<paramref name="size"/> on the side of the line through <paramref name="p"/> that <paramref name="n"/> points to.</summary>
    private static Polygon HalfPlane(Coordinate p, (double X, double Y) n, double size, GeometryFactory f)
    {
        double tx = -n.Y, ty = n.X;
        Coordinate C(double a, double b) => new(p.X + tx * a + n.X * b, p.Y + ty * a + n.Y * b);
        return f.CreatePolygon([C(-size, 0), C(size, 0), C(size, size), C(-size, size), C(-size, 0)]);
    }

    private static IEnumerable<(double Along, PhotoLine Line)> Chunk(PhotoLine line, double alongStart, double? chunk)
    {
        if (chunk is not { } c || c <= 0) { yield return (alongStart, line); yield break; }
        var rest = line;
        var at = alongStart;
        while (true)
        {
            var chunkEnd = (Math.Floor(at / c + 1e-9) + 1) * c;
            var inChunk = (int)Math.Floor((chunkEnd - at) / rest.TriggerDistanceM - 1e-9) + 1;
            if (inChunk >= rest.PhotoCount || inChunk < 1) { yield return (at, rest); yield break; }
            var (head, tail) = rest.SplitAfter(inChunk, 0);
            yield return (at, head);
            rest = tail;
            at += inChunk * rest.TriggerDistanceM;
        }
    }

    /// <summary>Chunk by chunk along the corridor; within a chunk the passes back and forth (serpentine).</summary>
    private static List<PhotoLine> Order(List<(double Along, PhotoLine Line)>[] perPass, CorridorOptions o)
    {
        var n = perPass.Length;
        var chunkOf = (double along) => o.ChunkLengthM is { } c and > 0 ? (int)Math.Floor(along / c + 1e-9) : 0;
        var chunks = perPass.SelectMany(p => p).Select(p => chunkOf(p.Along)).Distinct().Order().ToList();
        var ordered = new List<PhotoLine>();
        var forward = true;
        foreach (var chunk in chunks)
        {
            for (var jj = 0; jj < n; jj++)
            {
                var j = chunks.IndexOf(chunk) % 2 == 0 ? jj : n - 1 - jj;
                var run = perPass[j].Where(p => chunkOf(p.Along) == chunk).OrderBy(p => p.Along).Select(p => p.Line).ToList();
                if (run.Count == 0) continue;
                if (!forward) { run.Reverse(); run = run.Select(l => l.Reversed()).ToList(); }
                run[0] = run[0] with { LeadInM = o.TurnaroundM };
                run[^1] = run[^1] with { LeadOutM = o.TurnaroundM };
                ordered.AddRange(run);
                forward = !forward;
            }
        }
        return ordered;
    }
}
