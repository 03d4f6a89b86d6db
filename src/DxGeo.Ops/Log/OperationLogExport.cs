using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace DxGeo.Ops.Log;

/// <summary>Exports runs as JSON (the run and its ordered log) or GeoJSON (the track as a LineString feature, each
/// positioned log entry as a Point feature; RFC 7946, lon/lat).</summary>
public static class OperationLogExport
{
    private static readonly JsonWriterOptions Opts = new() { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static string ToJson(IReadOnlyList<OperationRun> runs)
    {
        using var ms = new MemoryStream();
        using (var w = new Utf8JsonWriter(ms, Opts))
        {
            w.WriteStartObject();
            w.WriteStartArray("runs");
            foreach (var r in runs)
            {
                w.WriteStartObject();
                RunProperties(w, r);
                w.WriteStartArray("events");
                foreach (var e in r.Events) { w.WriteStartObject(); EventProperties(w, e); w.WriteEndObject(); }
                w.WriteEndArray();
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteEndObject();
        }
        return Encoding.UTF8.GetString(ms.ToArray());
    }

    public static string ToGeoJson(IReadOnlyList<OperationRun> runs)
    {
        using var ms = new MemoryStream();
        using (var w = new Utf8JsonWriter(ms, Opts))
        {
            w.WriteStartObject();
            w.WriteString("type", "FeatureCollection");
            w.WriteStartArray("features");
            foreach (var r in runs)
            {
                var pts = r.Flight?.Points ?? [];
                if (pts.Count >= 2)
                {
                    w.WriteStartObject();
                    w.WriteString("type", "Feature");
                    w.WriteStartObject("geometry");
                    w.WriteString("type", "LineString");
                    w.WriteStartArray("coordinates");
                    foreach (var p in pts) { w.WriteStartArray(); w.WriteNumberValue(Math.Round(p.LongitudeDeg, 7)); w.WriteNumberValue(Math.Round(p.LatitudeDeg, 7)); w.WriteNumberValue(Math.Round(p.AltitudeAmslM, 2)); w.WriteEndArray(); }
                    w.WriteEndArray();
                    w.WriteEndObject();
                    w.WriteStartObject("properties");
                    w.WriteString("layer", OperationLayers.Runs);
                    RunProperties(w, r);
                    w.WriteEndObject();
                    w.WriteEndObject();
                }
                foreach (var e in r.Events.Where(e => e.LonDeg is not null && e.LatDeg is not null))
                {
                    w.WriteStartObject();
                    w.WriteString("type", "Feature");
                    w.WriteStartObject("geometry");
                    w.WriteString("type", "Point");
                    w.WriteStartArray("coordinates");
                    w.WriteNumberValue(Math.Round(e.LonDeg!.Value, 7));
                    w.WriteNumberValue(Math.Round(e.LatDeg!.Value, 7));
                    w.WriteEndArray();
                    w.WriteEndObject();
                    w.WriteStartObject("properties");
                    w.WriteString("layer", OperationLayers.Events);
                    w.WriteString("run_id", r.RunId);
                    EventProperties(w, e);
                    w.WriteEndObject();
                    w.WriteEndObject();
                }
            }
            w.WriteEndArray();
            w.WriteEndObject();
        }
        return Encoding.UTF8.GetString(ms.ToArray());
    }

    private static void RunProperties(Utf8JsonWriter w, OperationRun r)
    {
        w.WriteString("run_id", r.RunId);
        w.WriteString("mission", r.MissionName);
        w.WriteString("alert_id", r.AlertId);
        w.WriteString("alert_summary", r.AlertSummary);
        w.WriteString("trigger_source", r.TriggerSource);
        w.WriteString("vehicle_link", r.VehicleLink);
        w.WriteNumber("vehicle_sysid", r.VehicleSystemId);
        w.WriteString("alert_received_utc", r.AlertReceivedUtc.ToUniversalTime());
        w.WriteString("started_utc", r.StartedUtc.ToUniversalTime());
        w.WriteString("ended_utc", r.EndedUtc.ToUniversalTime());
        w.WriteString("result", r.Result.ToString());
        w.WriteString("reason", r.ResultReason);
        if (r.FlightId is null) w.WriteNull("flight_id"); else w.WriteString("flight_id", r.FlightId);
        Num(w, "alert_to_armed_s", r.AlertToArmedS);
        Num(w, "alert_to_takeoff_s", r.AlertToTakeoffS);
        w.WriteStartArray("failsafes");
        foreach (var f in r.Failsafes) w.WriteStringValue(f);
        w.WriteEndArray();
    }

    private static void EventProperties(Utf8JsonWriter w, OperationEvent e)
    {
        w.WriteNumber("seq", e.Seq);
        w.WriteString("time_utc", e.TimeUtc.ToUniversalTime());
        w.WriteString("kind", e.Kind.ToString());
        w.WriteString("name", e.Name);
        w.WriteString("detail", e.Detail);
        if (e.MissionSeq is { } s) w.WriteNumber("mission_seq", s);
    }

    private static void Num(Utf8JsonWriter w, string name, double? v)
    {
        if (v is { } x) w.WriteNumber(name, Math.Round(x, 3)); else w.WriteNull(name);
    }
}
