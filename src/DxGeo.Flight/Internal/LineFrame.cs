using NetTopologySuite.Geometries;

namespace DxGeo.Flight.Internal;

/// <summary>
/// A rotated frame for parallel-line work: x runs along the lines (direction <see cref="AngleRad"/>, counter-clockwise
/// from east), y across them. Origin and angle are fixed so every pattern can compute in "lines are horizontal" space.
/// </summary>
internal readonly struct LineFrame(Coordinate origin, double angleRad)
{
    public Coordinate Origin { get; } = origin;
    public double AngleRad { get; } = angleRad;
    private readonly double _cos = Math.Cos(angleRad), _sin = Math.Sin(angleRad);

    public (double X, double Y) ToFrame(double x, double y)
    {
        double dx = x - Origin.X, dy = y - Origin.Y;
        return (dx * _cos + dy * _sin, -dx * _sin + dy * _cos);
    }

    public Coordinate FromFrame(double fx, double fy) =>
        new(Origin.X + fx * _cos - fy * _sin, Origin.Y + fx * _sin + fy * _cos);

    /// <summary>Unit vector along the lines in world coordinates.</summary>
    public (double X, double Y) Along => (_cos, _sin);

    /// <summary>Rings of every polygon in <paramref name="g"/>, in frame coordinates.</summary>
    public List<(double X, double Y)[]> Rings(Geometry g)
    {
        var rings = new List<(double X, double Y)[]>();
        for (var i = 0; i < g.NumGeometries; i++)
        {
            if (g.GetGeometryN(i) is not Polygon p || p.IsEmpty) continue;
            rings.Add(Ring(p.ExteriorRing));
            foreach (var h in p.InteriorRings) rings.Add(Ring(h));
        }
        return rings;
    }

    private (double X, double Y)[] Ring(LineString ring)
    {
        var cs = ring.CoordinateSequence;
        var r = new (double X, double Y)[cs.Count];
        for (var i = 0; i < cs.Count; i++) r[i] = ToFrame(cs.GetX(i), cs.GetY(i));
        return r;
    }
}
