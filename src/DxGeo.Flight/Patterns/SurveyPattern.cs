using NetTopologySuite.Geometries;

namespace DxGeo.Flight.Patterns;

/// <summary>A structure the vehicle must not fly beside or under below <see cref="TopM"/> (metres above launch):
/// transits that cross <see cref="Footprint"/> climb over it first.</summary>
public sealed record StructureObstacle(Geometry Footprint, double TopM, string Name);

/// <summary>
/// The output of a pattern, in metres: the passes with their camera geometry, the photo lines in flying order,
/// the target that must be covered with the requested overlap (nadir patterns), structure obstacles and notes.
/// </summary>
public sealed record SurveyPattern
{
    public required string Kind { get; init; }
    public required IReadOnlyList<SurveyPass> Passes { get; init; }
    public required IReadOnlyList<PhotoLine> Lines { get; init; }
    /// <summary>Region every point of which must be seen with the requested overlap; null for structure passes.</summary>
    public Geometry? Target { get; init; }
    public IReadOnlyList<StructureObstacle> Obstacles { get; init; } = [];
    /// <summary>Lowest altitude for transits between lines and to/from launch.</summary>
    public required double TransitAltitudeM { get; init; }
    public IReadOnlyList<string> Warnings { get; init; } = [];
    /// <summary>Camera ground speed on photo lines.</summary>
    public required double LineSpeedMps { get; init; }
}
