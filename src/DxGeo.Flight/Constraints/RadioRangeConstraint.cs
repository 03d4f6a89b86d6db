using DxGeo.Core.Errors;
using NetTopologySuite.Geometries;

namespace DxGeo.Flight.Constraints;

/// <summary>
/// Every waypoint of a sortie within <see cref="RangeM"/> (horizontal) of its launch point. Legs are straight, and
/// the distance to a fixed point along a segment is convex, so checking waypoints checks every point of every leg.
/// </summary>
public sealed class RadioRangeConstraint
{
    public RadioRangeConstraint(double rangeM)
    {
        if (!double.IsFinite(rangeM) || rangeM <= 0) throw new DxGeoException($"radio range must be positive (got {rangeM} m)");
        RangeM = rangeM;
    }

    public double RangeM { get; }

    public bool Reaches(Coordinate launch, Coordinate p) => launch.Distance(p) <= RangeM + 1e-6;
}
