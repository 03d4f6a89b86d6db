using DxGeo.Core.Assets;

namespace DxGeo.Risk.Storage;

/// <summary>
/// The layers the risk work reads, typed (EPSG:4326). Only pipes are required; breaks are required for training;
/// every context layer may be empty (its features then read as "none"/0 and the docs say so).
/// </summary>
public sealed record RiskInputs
{
    /// <summary>Where the data came from (workspace path), for messages and the metric card.</summary>
    public string Source { get; init; } = "(in memory)";
    public required IReadOnlyList<WaterPipe> Pipes { get; init; }
    public IReadOnlyList<PipeBreak> Breaks { get; init; } = [];
    public IReadOnlyList<SoilZone> Soil { get; init; } = [];
    public IReadOnlyList<FloodZone> FloodZones { get; init; } = [];
    public IReadOnlyList<Road> Roads { get; init; } = [];
    public IReadOnlyList<Facility> Facilities { get; init; } = [];
    public IReadOnlyList<RoadWork> RoadWorks { get; init; } = [];
    /// <summary>Spot heights (m above T.P.) for the elevation and slope features; empty → those features are missing.</summary>
    public IReadOnlyList<ElevationPoint> Elevation { get; init; } = [];
}
