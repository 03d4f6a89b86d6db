using NetTopologySuite.Geometries;

namespace DxGeo.Core.Assets;

/// <summary>Soil polygon (土質): class and corrosivity. EPSG:4326 MultiPolygon.</summary>
public sealed record SoilZone
{
    public required string ZoneId { get; init; }
    public required MultiPolygon Geometry { get; init; }
    /// <summary>Soil class: clay, silt, sand, gravel, peat, fill.</summary>
    public required string SoilClass { get; init; }
    public Corrosivity Corrosivity { get; init; }
}

/// <summary>Flood-inundation zone (洪水浸水想定区域) with the MLIT depth class:
/// 1 &lt;0.5 m, 2 0.5–3 m, 3 3–5 m, 4 5–10 m, 5 10–20 m, 6 ≥20 m.</summary>
public sealed record FloodZone
{
    public required string ZoneId { get; init; }
    public required MultiPolygon Geometry { get; init; }
    public int DepthClass { get; init; }
}

/// <summary>Area where drones may not fly (airport surroundings, critical facilities, events). EPSG:4326.</summary>
public sealed record NoFlyZone
{
    public required string ZoneId { get; init; }
    public required MultiPolygon Geometry { get; init; }
    public string? Name { get; init; }
    public string? Reason { get; init; }
}

/// <summary>Street centreline (道路). Pipes are laid along streets; the class feeds the risk features.</summary>
public sealed record Road
{
    public required string RoadId { get; init; }
    public required LineString Geometry { get; init; }
    public string? Name { get; init; }
    /// <summary>arterial, collector, local.</summary>
    public string? RoadClass { get; init; }
}

/// <summary>A critical facility (hospital, school, evacuation shelter) used for pipe-failure consequence.</summary>
public sealed record Facility
{
    public required string FacilityId { get; init; }
    public required Point Geometry { get; init; }
    public string? Name { get; init; }
    /// <summary>hospital, school, shelter, other.</summary>
    public string? Kind { get; init; }
}

/// <summary>Planned road works (道路工事予定) so pipe renewal can share the excavation.</summary>
public sealed record RoadWork
{
    public required string WorkId { get; init; }
    public required MultiPolygon Geometry { get; init; }
    public int? PlannedYear { get; init; }
    public string? Description { get; init; }
}

/// <summary>
/// A spot height (標高点) of the ground: a surveyed point or a cell of a DEM given as points (e.g. GSI's 5 m / 10 m
/// DEM exported as points). EPSG:4326 point; height in metres above Tokyo Peil (JGD2011 vertical, EPSG:6695).
/// Terrain features (elevation, slope along a pipe) are derived from these in a metric CRS.
/// </summary>
public sealed record ElevationPoint
{
    public required string PointId { get; init; }
    public required Point Geometry { get; init; }
    public double ElevationM { get; init; }
}
