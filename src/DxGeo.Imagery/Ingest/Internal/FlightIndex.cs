using DxGeo.Core.Features;
using DxGeo.Core.Errors;
using DxGeo.Core.Workspace;
using NetTopologySuite.Geometries;

namespace DxGeo.Imagery.Ingest.Internal;

/// <summary>
/// Flown flights in the workspace (<c>flight_tracks</c>, with their samples in <c>flight_track_points</c>, written by the
/// MAVLink flight log) and planned flights (<c>planned_flights</c>): which flight a photo belongs to, by capture time
/// within a track's time span (nearest track when spans overlap), and the flight's take-off elevation
/// (altitude above sea level − altitude above home of its first sample).
/// </summary>
internal sealed class FlightIndex
{
    public const string TracksLayer = "flight_tracks", PointsLayer = "flight_track_points", PlannedLayer = "planned_flights";
    private static readonly TimeSpan Slack = TimeSpan.FromSeconds(30);

    private sealed record Track(string Id, DateTimeOffset Start, DateTimeOffset End, Geometry? Line);
    private readonly List<Track> _tracks = [];
    private readonly Dictionary<string, double?> _takeoff = new(StringComparer.Ordinal);
    private readonly IWorkspace _ws;

    public FlightIndex(IWorkspace ws)
    {
        _ws = ws;
        if (ws.FindLayer(TracksLayer) is not { } info) return;
        var s = info.Schema;
        foreach (var r in ws.Read(TracksLayer))
            if (r.Text(s, "flight_id") is { } id && r.Time(s, "started_utc") is { } a && r.Time(s, "ended_utc") is { } b)
                _tracks.Add(new Track(id, a, b, r.Geometry));
    }

    /// <summary>Checks a forced flight id exists as a flown or planned flight.</summary>
    public void RequireKnown(string flightId)
    {
        if (_tracks.Any(t => t.Id == flightId)) return;
        if (_ws.FindLayer(PlannedLayer) is not null &&
            _ws.Count(PlannedLayer, new FeatureQuery { AttributeEquals = new Dictionary<string, object?> { ["plan_id"] = flightId } }) > 0) return;
        throw new DxGeoException($"--flight '{flightId}' is neither a flown flight ({TracksLayer}.flight_id) nor a planned one ({PlannedLayer}.plan_id) in the workspace");
    }

    /// <summary>The flown flight whose time span holds <paramref name="capturedUtc"/> (±30 s), nearest to the photo when several do.</summary>
    public string? Match(DateTimeOffset? capturedUtc, Point lonLat)
    {
        if (capturedUtc is not { } t) return null;
        return _tracks.Where(k => t >= k.Start - Slack && t <= k.End + Slack)
            .OrderBy(k => k.Line is null ? double.MaxValue : k.Line.Distance(lonLat))
            .Select(k => k.Id).FirstOrDefault();
    }

    /// <summary>Take-off elevation above sea level (m) of a flown flight, or null when it has no samples.</summary>
    public double? TakeoffElevationM(string? flightId)
    {
        if (flightId is null) return null;
        if (_takeoff.TryGetValue(flightId, out var known)) return known;
        double? v = null;
        if (_ws.FindLayer(PointsLayer) is { } info)
        {
            var s = info.Schema;
            var first = _ws.Read(PointsLayer, new FeatureQuery { AttributeEquals = new Dictionary<string, object?> { ["flight_id"] = flightId } })
                .OrderBy(r => r.Integer(s, "seq") ?? long.MaxValue).FirstOrDefault();
            if (first?.Real(s, "alt_amsl_m") is { } amsl && first.Real(s, "alt_rel_m") is { } rel) v = amsl - rel;
        }
        return _takeoff[flightId] = v;
    }
}
