using DxGeo.Flight.Internal;
using DxGeo.Flight.Patterns;
using NetTopologySuite.Geometries;
using NetTopologySuite.Geometries.Prepared;
using NetTopologySuite.Index.Strtree;

namespace DxGeo.Flight.Constraints;

/// <summary>
/// Where the vehicle may be: inside the geofence inset (when there is a fence) and outside the no-fly zones grown by
/// their margin. Answers "is this leg clear" and clips photo lines to the clear space.
/// </summary>
public sealed class Airspace
{
    private readonly STRtree<IPreparedGeometry> _forbiddenParts = new();
    private readonly bool _anyForbidden;
    private readonly IPreparedGeometry? _inner;
    private readonly GeometryFactory _f;

    public Airspace(NoFlyConstraint noFly, GeofenceConstraint? fence, GeometryFactory factory)
    {
        NoFly = noFly;
        Fence = fence;
        _f = factory;
        // One prepared polygon per forbidden part behind an envelope index: most legs are far from most zones.
        for (var i = 0; i < noFly.Forbidden.NumGeometries; i++)
        {
            var part = noFly.Forbidden.GetGeometryN(i);
            if (part.IsEmpty) continue;
            _forbiddenParts.Insert(part.EnvelopeInternal, PreparedGeometryFactory.Prepare(part));
            _anyForbidden = true;
        }
        _forbiddenParts.Build();
        if (fence is not null) _inner = PreparedGeometryFactory.Prepare(fence.Inner);
    }

    public NoFlyConstraint NoFly { get; }
    public GeofenceConstraint? Fence { get; }
    public GeometryFactory Factory => _f;

    public bool PointClear(Coordinate c)
    {
        var p = _f.CreatePoint(c);
        return (_inner is null || _inner.Covers(p)) && !HitsForbidden(p);
    }

    public bool SegmentClear(Coordinate a, Coordinate b)
    {
        if (a.Equals2D(b)) return PointClear(a);
        var seg = _f.CreateLineString([new Coordinate(a.X, a.Y), new Coordinate(b.X, b.Y)]);
        return !HitsForbidden(seg) && (_inner is null || _inner.Covers(seg));
    }

    private bool HitsForbidden(Geometry g)
    {
        if (!_anyForbidden) return false;
        foreach (var part in _forbiddenParts.Query(g.EnvelopeInternal))
            if (part.Intersects(g)) return true;
        return false;
    }

    /// <summary>
    /// The parts of a photo line (with its turnarounds) that lie in clear space, each keeping the photos that fall in
    /// it; part ends are pulled 1 cm back from the boundary so transits can start there. Turnarounds are cut to
    /// what is clear (at most <paramref name="turnaroundM"/> at a new end).
    /// </summary>
    public List<PhotoLine> Clip(PhotoLine line, double turnaroundM)
    {
        var a = line.LeadStart; var b = line.LeadEnd;
        if (SegmentClear(a, b)) return [line];
        var total = line.FlownLengthM;
        var intervals = ClearIntervals(a, b, total);
        var result = new List<PhotoLine>();
        const double eps = 0.01;
        foreach (var (u0, v0) in intervals)
        {
            var u = u0 > 1e-9 ? u0 + eps : u0;
            var v = v0 < total - 1e-9 ? v0 - eps : v0;
            if (v < u) continue;
            // photo i sits at LeadInM + i·t from the lead start
            var i0 = Math.Max(0, (int)Math.Ceiling((u - line.LeadInM) / line.TriggerDistanceM - 1e-9));
            var i1 = Math.Min(line.PhotoCount - 1, (int)Math.Floor((v - line.LeadInM) / line.TriggerDistanceM + 1e-9));
            if (i1 < i0) continue;
            var first = line.LeadInM + i0 * line.TriggerDistanceM;
            var last = line.LeadInM + i1 * line.TriggerDistanceM;
            var leadIn = u0 <= 1e-9 ? line.LeadInM : Math.Min(turnaroundM, Math.Max(0, first - u));
            var leadOut = v0 >= total - 1e-9 ? line.LeadOutM : Math.Min(turnaroundM, Math.Max(0, v - last));
            result.Add(line with { Start = line.Photo(i0), PhotoCount = i1 - i0 + 1, LeadInM = leadIn, LeadOutM = leadOut });
        }
        return result;
    }

    /// <summary>Clear stretches of the segment a→b as distances from a.</summary>
    private List<(double U, double V)> ClearIntervals(Coordinate a, Coordinate b, double total)
    {
        Geometry seg = _f.CreateLineString([new Coordinate(a.X, a.Y), new Coordinate(b.X, b.Y)]);
        if (Fence is not null) seg = Overlay.Intersection(seg, Fence.Inner);
        if (!NoFly.Forbidden.IsEmpty) seg = Overlay.Difference(seg, NoFly.Forbidden);
        var list = new List<(double, double)>();
        double ux = (b.X - a.X) / total, uy = (b.Y - a.Y) / total;
        for (var i = 0; i < seg.NumGeometries; i++)
        {
            if (seg.GetGeometryN(i) is not LineString ls || ls.IsEmpty) continue;
            var d0 = (ls.StartPoint.X - a.X) * ux + (ls.StartPoint.Y - a.Y) * uy;
            var d1 = (ls.EndPoint.X - a.X) * ux + (ls.EndPoint.Y - a.Y) * uy;
            list.Add((Math.Clamp(Math.Min(d0, d1), 0, total), Math.Clamp(Math.Max(d0, d1), 0, total)));
        }
        list.Sort();
        return list;
    }
}
