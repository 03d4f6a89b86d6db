using NetTopologySuite.Geometries;

namespace DxGeo.Core.Assets;

/// <summary>A recorded pipe break (漏水・破損事故), EPSG:4326 point, snapped to the nearest pipe within a tolerance.</summary>
public sealed record PipeBreak
{
    public required string BreakId { get; init; }
    public required Point Geometry { get; init; }
    public DateOnly Date { get; init; }
    public BreakType Type { get; init; }
    /// <summary>Pipe the break was snapped to; null when no pipe lies within the snapping tolerance.</summary>
    public string? PipeId { get; init; }
    /// <summary>Distance (m) from the recorded point to the snapped pipe.</summary>
    public double? SnapDistanceM { get; init; }
}
