using DxGeo.Core.Assets;
using DxGeo.SampleTown.Internal.Layout;
using NetTopologySuite.Geometries;

namespace DxGeo.SampleTown.Internal.Network;

/// <summary>A pipe in local metres with its true attributes (the ledger may hide some) and its hidden frailty.</summary>
internal sealed class PipeDraft
{
    public required string Id { get; init; }
    public required LineString Line { get; init; }
    public required StreetLine Street { get; init; }
    public required District District { get; init; }
    public required int DiameterMm { get; init; }
    public required PipeMaterial TrueMaterial { get; init; }
    public required int TrueInstallYear { get; init; }
    public bool MaterialMissing { get; init; }
    public bool YearMissing { get; init; }
    public bool OnBridge { get; init; }
    public required string SoilClass { get; init; }
    public required Corrosivity Soil { get; init; }
    /// <summary>MLIT flood depth class at the pipe's midpoint, 0 outside every flood zone.</summary>
    public required int FloodDepthClass { get; init; }
    /// <summary>Ground height at the midpoint (m above T.P.).</summary>
    public required double ElevationM { get; init; }
    /// <summary>Mean absolute ground gradient along the pipe (percent).</summary>
    public required double SlopePct { get; init; }
    /// <summary>Static pressure head at the midpoint (m): the zone's hydraulic grade line minus the ground height.</summary>
    public required double PressureHeadM { get; init; }
    /// <summary>Hidden per-pipe multiplier of the break rate (mean 1): a laying batch's share times the pipe's own; what makes breaks cluster.</summary>
    public required double Frailty { get; init; }
    public double LengthM => Line.Length;
}
