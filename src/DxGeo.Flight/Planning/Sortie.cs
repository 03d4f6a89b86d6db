using DxGeo.Flight.Patterns;
using NetTopologySuite.Geometries;

namespace DxGeo.Flight.Planning;

/// <summary>A place the vehicle takes off from and lands at (metric position in the site frame).</summary>
public sealed record LaunchPoint(string Id, Coordinate PositionM);

/// <summary>One piece of a sortie.</summary>
public abstract record SortieLeg;

/// <summary>A transit (no photos): the path in metres, z = altitude above launch, first and last point included.</summary>
public sealed record TransitLeg(IReadOnlyList<CoordinateZ> PathM) : SortieLeg;

/// <summary>A photo line with its turnarounds.</summary>
public sealed record LineLeg(PhotoLine Line) : SortieLeg;

/// <summary>
/// One battery's flight: take off at the launch point (climb to the transit altitude), the legs, return and land at
/// the same point. Distances and times include the vertical legs.
/// </summary>
public sealed record Sortie
{
    public required int Index { get; init; }
    public required LaunchPoint Launch { get; init; }
    public required double TransitAltitudeM { get; init; }
    public required IReadOnlyList<SortieLeg> Legs { get; init; }
    public required double DistanceM { get; init; }
    public required double TimeS { get; init; }
    public required int PhotoCount { get; init; }
    /// <summary>Largest horizontal distance of any waypoint from the launch point.</summary>
    public required double MaxDistanceFromLaunchM { get; init; }
    public required double MaxAltitudeM { get; init; }

    public IEnumerable<PhotoLine> Lines => Legs.OfType<LineLeg>().Select(l => l.Line);

    /// <summary>Every waypoint the vehicle flies through, in order (x, y metres; z altitude above launch).</summary>
    public IEnumerable<CoordinateZ> Waypoints()
    {
        var l = Launch.PositionM;
        yield return new CoordinateZ(l.X, l.Y, 0);
        yield return new CoordinateZ(l.X, l.Y, TransitAltitudeM);
        foreach (var leg in Legs)
        {
            if (leg is TransitLeg t) foreach (var p in t.PathM) yield return p;
            else if (leg is LineLeg { Line: var line })
            {
                yield return Z(line.LeadStart, line.AltitudeM);
                yield return Z(line.Start, line.AltitudeM);
                yield return Z(line.End, line.AltitudeM);
                yield return Z(line.LeadEnd, line.AltitudeM);
            }
        }
        yield return new CoordinateZ(l.X, l.Y, 0);
    }

    private static CoordinateZ Z(Coordinate c, double z) => new(c.X, c.Y, z);
}
