using NetTopologySuite.Geometries;

namespace DxGeo.SampleTown.Internal.Layout;

internal enum WaterwayKind { River, Tributary, Canal, Drain }

/// <summary>A watercourse in local metres: centreline (downstream direction), water surface and nominal width.</summary>
internal sealed class Waterway
{
    public required string Id { get; init; }
    public required string Name { get; init; }
    public required string NameRomaji { get; init; }
    public required WaterwayKind Kind { get; init; }
    public required Coordinate[] Centreline { get; init; }
    public required Polygon WaterArea { get; init; }
    public required double WidthM { get; init; }
    /// <summary>Area a road crossing needs a bridge over (for the main river: levee crest to levee crest).</summary>
    public required Geometry CrossingArea { get; init; }
}
