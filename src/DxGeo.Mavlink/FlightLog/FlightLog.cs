using DxGeo.Mavlink.Internal;

namespace DxGeo.Mavlink.FlightLog;

/// <summary>One telemetry sample of a flown track (WGS84 degrees, metres).</summary>
public sealed record FlightTrackPoint(DateTimeOffset TimeUtc, double LatitudeDeg, double LongitudeDeg, double AltitudeAmslM,
    double AltitudeRelM, double GroundSpeedMps, double? BatteryPct, string Mode, bool Armed, int MissionSeq);

/// <summary>A flown track with what happened on the flight, linked to the planned flight it executed.</summary>
public sealed record FlightRecord
{
    public required string FlightId { get; init; }
    public string? PlannedFlightId { get; init; }
    public byte VehicleSystemId { get; init; }
    public string Autopilot { get; init; } = "";
    public DateTimeOffset StartedUtc { get; init; }
    public DateTimeOffset EndedUtc { get; init; }
    public IReadOnlyList<FlightTrackPoint> Points { get; init; } = [];
    public int ItemsReached { get; init; }
    public int ItemsTotal { get; init; }
    public int ImagesCaptured { get; init; }
    /// <summary>completed, aborted, timeout, failed: …</summary>
    public string Result { get; init; } = "completed";

    /// <summary>Horizontal length flown, metres (each segment measured in a local metric frame).</summary>
    public double LengthM
    {
        get
        {
            double sum = 0;
            for (var i = 1; i < Points.Count; i++)
                sum += LocalFrame.DistanceM(Points[i - 1].LatitudeDeg, Points[i - 1].LongitudeDeg, Points[i].LatitudeDeg, Points[i].LongitudeDeg);
            return sum;
        }
    }

    public double MaxAltitudeRelM => Points.Count == 0 ? 0 : Points.Max(p => p.AltitudeRelM);

    /// <summary>A new flight id: UTC start time plus the vehicle's system id (sortable, unique per vehicle).</summary>
    public static string NewId(DateTimeOffset startUtc, byte systemId) => $"F{startUtc.UtcDateTime:yyyyMMdd'T'HHmmss'Z'}-{systemId}";
}
