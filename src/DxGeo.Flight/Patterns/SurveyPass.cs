using DxGeo.Flight.Camera;

namespace DxGeo.Flight.Patterns;

/// <summary>What a pass looks at: the ground from above, a vertical face from the side, or a point from an orbit.</summary>
public enum PassKind { Nadir, Facade, Orbit }

/// <summary>
/// One pass of a pattern (a grid, one corridor offset, one bridge side at one height, an orbit) with the camera
/// geometry it achieves: the GSD stated here is what every photo of the pass gets at <see cref="CameraShot.DistanceM"/>.
/// </summary>
public sealed record SurveyPass
{
    public required string Name { get; init; }
    public required PassKind Kind { get; init; }
    public required CameraShot Shot { get; init; }
    public required double AltitudeM { get; init; }
    public double GimbalPitchDeg { get; init; } = -90;
    /// <summary>Focal length used (differs from the camera's wide end when a zoom is set for a facade).</summary>
    public double FocalLengthMm { get; init; }
    /// <summary>Point the camera is kept on (region of interest: metric x, y and altitude above launch), for orbits.</summary>
    public NetTopologySuite.Geometries.Coordinate? Roi { get; init; }
}
