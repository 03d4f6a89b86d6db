using DxGeo.Core.Features;
using DxGeo.Core.Workspace;
using DxGeo.Mavlink.FlightLog;
using DxGeo.Ops.Triggers;
using NetTopologySuite.Geometries;

namespace DxGeo.Ops.Log;

/// <summary>Writes runs (with their track in flight_tracks) and alert deliveries to the workspace, one transaction each,
/// and answers "was this alert already handled?".</summary>
public static class OperationLogStore
{
    private static readonly GeometryFactory Wgs84 = new(new PrecisionModel(), 4326);

    public static void WriteRun(IWorkspace ws, OperationRun run)
    {
        var track = run.Flight is { } flight ? FlightLogWriter.TrackFeature(flight).Geometry : null;
        if (track is not null) FlightLogWriter.Write(ws, run.Flight!); // a flight that never moved has no line to store
        var launch = Wgs84.CreatePoint(new Coordinate(run.LaunchLonDeg, run.LaunchLatDeg));
        using var w = ws.BeginWrite();
        if (ws.FindLayer(OperationLayers.Runs) is null) w.CreateLayer(OperationLayers.RunSchema);
        if (ws.FindLayer(OperationLayers.Events) is null) w.CreateLayer(OperationLayers.EventSchema);
        w.Insert(OperationLayers.Runs, new FeatureRecord(track ?? launch,
        [
            run.RunId, run.MissionName, run.AlertId, run.AlertSummary, run.TriggerSource, run.VehicleLink, (long)run.VehicleSystemId,
            run.AlertReceivedUtc.ToUniversalTime(), run.StartedUtc.ToUniversalTime(), run.EndedUtc.ToUniversalTime(), run.Result.ToString(),
            run.ResultReason, track is null ? null : run.FlightId, Round(run.AlertToArmedS), Round(run.AlertToTakeoffS),
            run.Failsafes.Count == 0 ? null : string.Join(",", run.Failsafes), (long)run.Events.Count,
        ]));
        foreach (var e in run.Events)
            w.Insert(OperationLayers.Events, new FeatureRecord(
                e.LonDeg is { } lon && e.LatDeg is { } lat ? Wgs84.CreatePoint(new Coordinate(lon, lat)) : launch,
                [run.RunId, (long)e.Seq, e.TimeUtc.ToUniversalTime(), e.Kind.ToString(), e.Name, e.Detail, e.MissionSeq is { } s ? (long)s : null]));
        w.Commit();
    }

    public static void WriteAlert(IWorkspace ws, IntakeResult intake, string source, DateTimeOffset receivedUtc, IEnumerable<string> missions)
    {
        using var w = ws.BeginWrite();
        if (ws.FindLayer(OperationLayers.Alerts) is null) w.CreateLayer(OperationLayers.AlertSchema);
        var a = intake.Alert;
        var launched = string.Join(",", missions);
        w.Insert(OperationLayers.Alerts, new FeatureRecord(null,
        [
            a?.Id, receivedUtc.ToUniversalTime(), source, intake.Verdict.ToString(), intake.Reason, a?.Kind, a?.Level.ToString(),
            a is null ? null : string.Join(",", a.Areas.Select(x => x.Code ?? x.Name)), launched.Length == 0 ? null : launched,
        ]));
        w.Commit();
    }

    /// <summary>True when an accepted delivery of this alert id is on record.</summary>
    public static bool AlertHandled(IWorkspace ws, string alertId)
    {
        if (ws.FindLayer(OperationLayers.Alerts) is null) return false;
        var q = new FeatureQuery { AttributeEquals = new Dictionary<string, object?> { ["alert_id"] = alertId, ["verdict"] = nameof(IntakeVerdict.Accepted) } };
        return ws.Count(OperationLayers.Alerts, q) > 0;
    }

    private static double? Round(double? v) => v is { } x ? Math.Round(x, 3) : null;
}
