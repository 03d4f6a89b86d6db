using DxGeo.Core.Assets;
using DxGeo.Core.Crs;
using DxGeo.Flight.Camera;
using DxGeo.Flight.Missions;
using DxGeo.Flight.Patterns;
using NetTopologySuite.Geometries;

namespace DxGeo.Flight.Planning;

/// <summary>The workspace asset a plan is for (layer name and business id), when it is for one.</summary>
public sealed record AssetRef(string Layer, string Id);

/// <summary>A pass of the plan as the summary states it: its GSD and what it takes.</summary>
public sealed record PassSummary(string Name, PassKind Kind, double GsdCmPerPx, double DistanceToSurfaceM, double AltitudeM,
    double FocalLengthMm, double LineSpacingM, double TriggerDistanceM, int PhotoCount, double LengthM);

/// <summary>One sortie in lon/lat: its mission items and the figures the issue asks per sortie.</summary>
public sealed record PlannedSortie
{
    public required int Index { get; init; }
    public required string LaunchId { get; init; }
    public required double LaunchLonDeg { get; init; }
    public required double LaunchLatDeg { get; init; }
    public required IReadOnlyList<MissionItem> Mission { get; init; }
    /// <summary>The flown path (x lon, y lat, z altitude above launch), launch to landing.</summary>
    public required LineString Route { get; init; }
    public required double DistanceM { get; init; }
    public required double TimeS { get; init; }
    public required int PhotoCount { get; init; }
    public required double MaxDistanceFromLaunchM { get; init; }
    public required double MaxAltitudeM { get; init; }
}

/// <summary>A part of the target the plan does not cover with the requested overlap (lon/lat) and why.</summary>
public sealed record UncoveredArea(Geometry Geometry, double AreaM2, string Reason);

/// <summary>
/// A survey flight plan: sorties with their MAVLink items, passes with the GSD each achieves, what cannot be
/// covered and why, the geofence and no-fly zones the plan respects, and warnings. Everything in EPSG:4326 except
/// <see cref="Metric"/>, the same plan in the metres of <see cref="MetricEpsg"/>.
/// </summary>
public sealed record FlightPlan
{
    public required string Name { get; init; }
    public required string PatternKind { get; init; }
    public AssetRef? Asset { get; init; }
    public required CameraModel Camera { get; init; }
    public required int MetricEpsg { get; init; }
    public required IReadOnlyList<PassSummary> Passes { get; init; }
    public required IReadOnlyList<PlannedSortie> Sorties { get; init; }
    public required IReadOnlyList<UncoveredArea> Uncovered { get; init; }
    public required IReadOnlyList<string> Warnings { get; init; }
    /// <summary>The inclusion fence (given, or generated around the flights when <see cref="GeofenceGenerated"/>).</summary>
    public required Polygon Geofence { get; init; }
    public bool GeofenceGenerated { get; init; }
    public required IReadOnlyList<NoFlyZone> NoFlyZones { get; init; }
    public required double NoFlyMarginM { get; init; }
    /// <summary>The launch points the sorties use (lon/lat), also written as rally points.</summary>
    public required IReadOnlyList<LaunchSite> LaunchSites { get; init; }
    public required double TransitAltitudeM { get; init; }
    public required double CruiseSpeedMps { get; init; }
    public required double LineSpeedMps { get; init; }
    public required Autopilot Firmware { get; init; }
    public required double RadioRangeM { get; init; }
    public required double BatteryBudgetS { get; init; }
    public required MetricPlan Metric { get; init; }

    public double TotalDistanceM => Sorties.Sum(s => s.DistanceM);
    public double TotalTimeS => Sorties.Sum(s => s.TimeS);
    public int TotalPhotos => Sorties.Sum(s => s.PhotoCount);
}
