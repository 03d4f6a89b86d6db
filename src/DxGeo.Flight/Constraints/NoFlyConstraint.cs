using DxGeo.Flight.Internal;
using DxGeo.Core.Errors;
using NetTopologySuite.Geometries;
using NetTopologySuite.Operation.Buffer;

namespace DxGeo.Flight.Constraints;

/// <summary>A no-fly zone in the site's metric frame.</summary>
public sealed record NoFlyArea(string Id, Geometry GeometryM, string? Name = null, string? Reason = null)
{
    public string Label => Name is null ? $"'{Id}'" : $"'{Id}' ({Name})";
}

/// <summary>
/// No leg may come closer than <see cref="MarginM"/> to a no-fly zone. The forbidden region is the zones buffered by
/// the margin, enlarged so that its polygon (chords of the buffer arcs) still contains the exact margin buffer:
/// anything outside it is provably at least the margin away.
/// </summary>
public sealed class NoFlyConstraint
{
    internal const int QuadrantSegments = 8;

    public NoFlyConstraint(IReadOnlyList<NoFlyArea> zones, double marginM, GeometryFactory factory)
    {
        if (!double.IsFinite(marginM) || marginM < 0) throw new DxGeoException($"no-fly margin must be ≥ 0 m (got {marginM})");
        Zones = zones;
        MarginM = marginM;
        // Chords of the buffer arcs cut inside the exact margin by r·(1 − cos(half their angle)). The buffer builder
        // rounds the number of arc segments to the nearest integer, so one segment can span up to 1.5 quanta of
        // π/2q; allow two quanta, plus 5 cm, so everything outside the polygon is at least the margin away.
        BufferM = marginM / Math.Cos(Math.PI / (2 * QuadrantSegments)) + 0.05;
        // No input simplification: by default the buffer simplifies the zone by 1 % of the distance, which can pull
        // the boundary inside the margin.
        var parameters = new BufferParameters { QuadrantSegments = QuadrantSegments, SimplifyFactor = 0 };
        var parts = zones.Select(z => z.GeometryM.Buffer(BufferM, parameters)).ToList();
        Forbidden = parts.Count == 0 ? factory.CreatePolygon() : Overlay.UnionAll(parts, factory);
    }

    public IReadOnlyList<NoFlyArea> Zones { get; }
    public double MarginM { get; }
    /// <summary>Buffer distance actually used (slightly above the margin, see the class remarks).</summary>
    public double BufferM { get; }
    public Geometry Forbidden { get; }

    /// <summary>The zone nearest to <paramref name="g"/> and its distance.</summary>
    public (NoFlyArea? Zone, double DistanceM) Nearest(Geometry g)
    {
        NoFlyArea? best = null; var d = double.MaxValue;
        foreach (var z in Zones)
        {
            var dz = z.GeometryM.Distance(g);
            if (dz < d) { d = dz; best = z; }
        }
        return (best, d);
    }
}
