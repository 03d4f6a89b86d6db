using NetTopologySuite.Geometries;

namespace DxGeo.Core.Assets;

/// <summary>A levee section (堤防) along its crest line, EPSG:4326.</summary>
public sealed record Levee
{
    public required string LeveeId { get; init; }
    public required LineString Geometry { get; init; }
    public string? River { get; init; }
    public Bank Bank { get; init; }
    /// <summary>Kilometre post (距離標) at the start of the section (km from the river mouth).</summary>
    public double? KpFromKm { get; init; }
    public double? KpToKm { get; init; }
    public double? CrestElevationM { get; init; }
    /// <summary>Crest width (m), for survey corridor width.</summary>
    public double? CrestWidthM { get; init; }
    /// <summary>Full width at the toe including both slopes (m), for survey corridor width.</summary>
    public double? BaseWidthM { get; init; }
}
