using DxGeo.Core.Features;
using DxGeo.Core.Workspace;
using NetTopologySuite.Geometries;

namespace DxGeo.Mavlink.FlightLog;

/// <summary>Stores a flown flight in the workspace: one track line and its samples, in one transaction.</summary>
public static class FlightLogWriter
{
    private static readonly GeometryFactory Wgs84 = new(new PrecisionModel(), 4326);

    /// <summary>Creates the layers when missing and inserts the flight; returns the track's fid.</summary>
    public static long Write(IWorkspace workspace, FlightRecord flight)
    {
        using var w = workspace.BeginWrite();
        if (workspace.FindLayer(FlightLogLayers.Tracks) is null) w.CreateLayer(FlightLogLayers.TrackSchema);
        if (workspace.FindLayer(FlightLogLayers.Points) is null) w.CreateLayer(FlightLogLayers.PointSchema);
        var fid = w.Insert(FlightLogLayers.Tracks, TrackFeature(flight));
        for (var i = 0; i < flight.Points.Count; i++) w.Insert(FlightLogLayers.Points, PointFeature(flight, flight.Points[i], i));
        w.Commit();
        return fid;
    }

    public static FeatureRecord TrackFeature(FlightRecord f)
    {
        // A line needs two distinct positions; a flight that never moved is stored without geometry.
        var coords = f.Points.Select(p => new Coordinate(p.LongitudeDeg, p.LatitudeDeg)).ToList();
        for (var i = coords.Count - 1; i > 0; i--) if (coords[i].Equals2D(coords[i - 1])) coords.RemoveAt(i);
        Geometry? line = coords.Count >= 2 ? Wgs84.CreateLineString([.. coords]) : null;
        return new FeatureRecord(line,
        [
            f.FlightId, f.PlannedFlightId, (long)f.VehicleSystemId, f.Autopilot, f.StartedUtc.ToUniversalTime(), f.EndedUtc.ToUniversalTime(),
            (long)f.Points.Count, Math.Round(f.LengthM, 2), Math.Round(f.MaxAltitudeRelM, 2),
            f.Points.FirstOrDefault(p => p.BatteryPct is not null)?.BatteryPct, f.Points.LastOrDefault(p => p.BatteryPct is not null)?.BatteryPct,
            (long)f.ItemsReached, (long)f.ItemsTotal, (long)f.ImagesCaptured, f.Result,
        ]);
    }

    public static FeatureRecord PointFeature(FlightRecord f, FlightTrackPoint p, int seq) => new(
        Wgs84.CreatePoint(new Coordinate(p.LongitudeDeg, p.LatitudeDeg)),
        [
            f.FlightId, f.PlannedFlightId, (long)seq, p.TimeUtc.ToUniversalTime(), Math.Round(p.AltitudeAmslM, 3), Math.Round(p.AltitudeRelM, 3),
            Math.Round(p.GroundSpeedMps, 2), p.BatteryPct, p.Mode, p.Armed, (long)p.MissionSeq,
        ]);
}
