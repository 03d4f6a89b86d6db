using NetTopologySuite.Geometries;

namespace DxGeo.Core.Assets;

/// <summary>A water-main segment (配水管). Geometry in EPSG:4326 lon/lat; length computed in metres in a metric CRS.</summary>
public sealed record WaterPipe
{
    public required string PipeId { get; init; }
    public required LineString Geometry { get; init; }
    public PipeMaterial Material { get; init; } = PipeMaterial.Unknown;
    public int DiameterMm { get; init; }
    public int? InstallYear { get; init; }
    public double LengthM { get; init; }
    public string? PressureZone { get; init; }
    public string? District { get; init; }
    public PipeStatus Status { get; init; } = PipeStatus.InService;
    /// <summary>Class of the road above the pipe, if known (e.g. "arterial", "local").</summary>
    public string? RoadClass { get; init; }
    /// <summary>True when <see cref="Material"/> was filled by a model, not recorded in the ledger.</summary>
    public bool MaterialImputed { get; init; }
    /// <summary>True when <see cref="InstallYear"/> was filled by a model, not recorded in the ledger.</summary>
    public bool InstallYearImputed { get; init; }
    /// <summary>Probability of a break within the next year (written by the risk model).</summary>
    public double? RiskBreakProb { get; init; }
    /// <summary>Renewal priority (risk × consequence), higher first (written by the renewal planner).</summary>
    public double? RiskPriority { get; init; }
    /// <summary>Year the renewal plan schedules this pipe, if chosen.</summary>
    public int? RenewalYear { get; init; }
}
