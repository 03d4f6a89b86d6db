using DxGeo.Flight.Missions;

namespace DxGeo.Mavlink.Plans;

/// <summary>What <c>fly upload/run</c> sends to a vehicle: mission items, fence items (geofence and no-fly polygons) and rally points.</summary>
public sealed record FlightPlan
{
    public required IReadOnlyList<MissionItem> Mission { get; init; }
    public IReadOnlyList<MissionItem> Fence { get; init; } = [];
    public IReadOnlyList<MissionItem> Rally { get; init; } = [];
    /// <summary>Planned home / launch point (lat, lon, AMSL m), when the file has one.</summary>
    public (double LatDeg, double LonDeg, double AltM)? Home { get; init; }
    /// <summary>The planned flight's id (file name without extension unless the file names one).</summary>
    public string? PlannedFlightId { get; init; }
}
