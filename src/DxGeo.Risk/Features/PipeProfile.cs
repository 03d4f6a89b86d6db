using DxGeo.Core.Assets;

namespace DxGeo.Risk.Features;

/// <summary>
/// Everything the risk model knows about one pipe segment that does not depend on the panel year:
/// ledger attributes, the length-weighted environment derived from the context layers, and the dated
/// break history on and around the segment. Built by <see cref="PipeProfileBuilder"/>.
/// </summary>
public sealed record PipeProfile
{
    public required string PipeId { get; init; }
    public PipeMaterial Material { get; init; } = PipeMaterial.Unknown;
    public int DiameterMm { get; init; }
    public int? InstallYear { get; init; }
    /// <summary>True when <see cref="InstallYear"/> came from the imputation model rather than the ledger.</summary>
    public bool InstallYearImputed { get; init; }
    public double LengthM { get; init; }
    public string? PressureZone { get; init; }
    public string? District { get; init; }
    public string? RoadClass { get; init; }
    /// <summary>Soil class covering the largest share of the segment's length; null outside the soil layer.</summary>
    public string? SoilClass { get; init; }
    /// <summary>Length-weighted corrosivity (low 0, medium 1, high 2) over the covered part; NaN when no soil polygon covers it.</summary>
    public double CorrosivityScore { get; init; } = double.NaN;
    /// <summary>Share of the segment's length in high-corrosivity soil (0–1); NaN without soil coverage.</summary>
    public double HighCorrosivityShare { get; init; } = double.NaN;
    /// <summary>Length-weighted MLIT flood depth class (0 outside every zone, 1–6 inside).</summary>
    public double FloodDepthMean { get; init; }
    /// <summary>Deepest flood depth class the segment crosses (0 outside every zone).</summary>
    public int FloodDepthMax { get; init; }
    /// <summary>Mean ground height along the segment (m above T.P.) from the spot heights; NaN without a terrain layer nearby.</summary>
    public double ElevationM { get; init; } = double.NaN;
    /// <summary>Mean absolute ground gradient along the segment (percent, metric); NaN without a terrain layer nearby.</summary>
    public double SlopePct { get; init; } = double.NaN;
    /// <summary>Dates of breaks snapped to this segment, ascending.</summary>
    public IReadOnlyList<DateOnly> OwnBreaks { get; init; } = [];
    /// <summary>Dates of breaks on other segments within the neighbourhood radius, ascending.</summary>
    public IReadOnlyList<DateOnly> NearbyBreaks { get; init; } = [];
    /// <summary>False for abandoned or planned pipes: they keep their history but are never scored.</summary>
    public bool InService { get; init; } = true;
}
