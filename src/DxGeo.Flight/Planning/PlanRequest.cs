using DxGeo.Core.Assets;
using DxGeo.Flight.Camera;
using DxGeo.Flight.Missions;
using NetTopologySuite.Geometries;

namespace DxGeo.Flight.Planning;

/// <summary>A candidate launch/landing point in EPSG:4326.</summary>
public sealed record LaunchSite(string Id, double LonDeg, double LatDeg);

/// <summary>
/// Parameters of a survey plan, with the defaults a city's engineers start from. Geometry is EPSG:4326 lon/lat;
/// everything is computed in metres in a metric CRS chosen for the site and converted back at the end.
/// </summary>
public sealed record PlanRequest
{
    public CameraModel Camera { get; init; } = CameraPresets.Get(CameraPresets.DefaultId);
    /// <summary>Wanted GSD (cm/px); the altitude follows. Give this or <see cref="AltitudeM"/>, not both.</summary>
    public double? GsdCmPerPx { get; init; }
    /// <summary>Flight altitude above ground (m); the GSD follows.</summary>
    public double? AltitudeM { get; init; }
    public double FrontOverlapPct { get; init; } = 80;
    public double SideOverlapPct { get; init; } = 70;
    /// <summary>Speed on photo lines; null = 8 m/s on nadir patterns, 2 m/s on structure passes (lowered when the camera cannot keep up).</summary>
    public double? LineSpeedMps { get; init; }
    public double CruiseSpeedMps { get; init; } = 10;
    public double ClimbSpeedMps { get; init; } = 3;
    /// <summary>Flight time of one battery; null = the camera preset's drone figure, else 25 min.</summary>
    public double? EnduranceMin { get; init; }
    public double ReservePct { get; init; } = 25;
    public double MaxAltitudeM { get; init; } = 150;
    public double RadioRangeM { get; init; } = 500;
    /// <summary>Candidate launch points; empty = generated along or around the target (the plan says so).</summary>
    public IReadOnlyList<LaunchSite> LaunchSites { get; init; } = [];
    public IReadOnlyList<NoFlyZone> NoFlyZones { get; init; } = [];
    public double NoFlyMarginM { get; init; } = 20;
    /// <summary>Geofence polygon (lon/lat); null = one is generated around the planned flights for the vehicle to enforce.</summary>
    public Geometry? Geofence { get; init; }
    /// <summary>How far inside the geofence every leg stays.</summary>
    public double FenceInsetM { get; init; } = 5;
    /// <summary>Compass bearing of area grid lines; null = the one with the shortest flight time.</summary>
    public double? LineBearingDeg { get; init; }
    public double TurnaroundM { get; init; } = 10;
    public bool HoverAndCapture { get; init; }
    /// <summary>Refuse a plan that leaves any part of the target uncovered, instead of reporting the gaps.</summary>
    public bool RequireFullCoverage { get; init; }
    public Autopilot Firmware { get; init; } = Autopilot.ArduPilot;
    public EndAction End { get; init; } = EndAction.ReturnToLaunch;
    /// <summary>Plan name (file names, workspace rows).</summary>
    public string? Name { get; init; }
}

/// <summary>Extra parameters of bridge structure passes.</summary>
public sealed record BridgeRequest
{
    /// <summary>Wanted GSD on the girder faces; 0.2 cm/px = 2 mm/px.</summary>
    public double TargetGsdCmPerPx { get; init; } = 0.2;
    public double MinStandoffM { get; init; } = 5;
    public double GirderDepthM { get; init; } = 2;
    public double MinPassHeightM { get; init; } = 3;
    public double CrossingClearanceM { get; init; } = 10;
    public double GimbalPitchDeg { get; init; }
    public bool Orbit { get; init; }
    /// <summary>Used when the bridge record has no width / clearance height.</summary>
    public double? DeckWidthM { get; init; }
    public double? DeckHeightM { get; init; }
}
