using NetTopologySuite.Geometries;

namespace DxGeo.Core.Assets;

/// <summary>A road bridge (橋梁): a LineString along the deck centreline, or a Point. EPSG:4326.</summary>
public sealed record Bridge
{
    public required string BridgeId { get; init; }
    public required Geometry Geometry { get; init; }
    public string? Name { get; init; }
    public string? Road { get; init; }
    public double? LengthM { get; init; }
    public double? WidthM { get; init; }
    public int? SpanCount { get; init; }
    /// <summary>Structure type, e.g. "RC slab", "PC girder", "steel girder", "steel truss".</summary>
    public string? StructureType { get; init; }
    public int? YearBuilt { get; init; }
    public DateOnly? LastInspection { get; init; }
    public MlitGrade? MlitGrade { get; init; }
    /// <summary>Height of the deck above the ground or water below (m).</summary>
    public double? DeckHeightM { get; init; }
}
