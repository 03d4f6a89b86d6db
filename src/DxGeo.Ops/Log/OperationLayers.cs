using DxGeo.Core.Features;

namespace DxGeo.Ops.Log;

/// <summary>
/// Where operations are kept in the workspace: <c>operation_runs</c> (one row per launch, the flown track as geometry),
/// <c>operation_events</c> (the ordered log, a point where the vehicle was) and <c>operation_alerts</c> (every alert
/// delivery and what came of it; the idempotency record).
/// </summary>
public static class OperationLayers
{
    public const string Runs = "operation_runs";
    public const string Events = "operation_events";
    public const string Alerts = "operation_alerts";

    public static LayerSchema RunSchema { get; } = new()
    {
        Name = Runs, Title = "Operation runs 自動運航記録", GeometryType = LayerGeometryType.Geometry, IdField = "run_id", TimeField = "started_utc",
        Description = "Alert-triggered launches of standing missions: trigger, gate decision, result; geometry: the flown track (LineString), or the launch point (Point) when nothing flew",
        Fields =
        [
            new("run_id", FieldType.Text, false, "Run id 運航ID"),
            new("mission", FieldType.Text, false, "Standing mission name 待機ミッション"),
            new("alert_id", FieldType.Text, false, "Alert that launched it 警報ID"),
            new("alert_summary", FieldType.Text, false, "Alert kind, level, area 警報概要"),
            new("trigger_source", FieldType.Text, false, "Http, FileWatcher, Manual or Simulation 起動元"),
            new("vehicle_link", FieldType.Text, false, "Vehicle link 通信リンク"),
            new("vehicle_sysid", FieldType.Integer, false, "MAVLink system id 機体ID"),
            new("alert_received_utc", FieldType.DateTime, false, "Alert received (UTC) 警報受信"),
            new("started_utc", FieldType.DateTime, false, "Run start (UTC) 開始"),
            new("ended_utc", FieldType.DateTime, false, "Run end (UTC) 終了"),
            new("result", FieldType.Text, false, "Completed, GateRefused, ReturnedEarly, Failed 結果"),
            new("reason", FieldType.Text, false, "Why (gate no-go reasons, failsafe, error) 理由"),
            new("flight_id", FieldType.Text, true, "flight_tracks.flight_id of the track 飛行ID"),
            new("alert_to_armed_s", FieldType.Real, true, "Alert received → motors armed (s) 警報から起動まで"),
            new("alert_to_takeoff_s", FieldType.Real, true, "Alert received → take-off altitude (s) 警報から離陸まで"),
            new("failsafes", FieldType.Text, true, "Failsafes triggered, comma-separated フェイルセーフ"),
            new("event_count", FieldType.Integer, false, "Entries in operation_events 記録数"),
        ],
    };

    public static LayerSchema EventSchema { get; } = new()
    {
        Name = Events, Title = "Operation log 運航ログ", GeometryType = LayerGeometryType.Point, IdField = "run_id", TimeField = "time_utc",
        Description = "Every step of an operation run in order: trigger, gate checks, commands, acks, progress, payload, failsafes; at the vehicle's position, or the launch point before it reported one",
        Fields =
        [
            new("run_id", FieldType.Text, false, "operation_runs.run_id 運航ID"),
            new("seq", FieldType.Integer, false, "Order within the run 順序"),
            new("time_utc", FieldType.DateTime, false, "When (UTC) 時刻"),
            new("kind", FieldType.Text, false, "Trigger, Gate, Command, Ack, Event, Payload, Progress, Failsafe, Result 種別"),
            new("name", FieldType.Text, false, "What 項目"),
            new("detail", FieldType.Text, false, "Details 詳細"),
            new("mission_seq", FieldType.Integer, true, "Mission item the vehicle was on ミッション項目"),
        ],
    };

    public static LayerSchema AlertSchema { get; } = new()
    {
        Name = Alerts, Title = "Alerts received 受信警報", GeometryType = LayerGeometryType.None, IdField = "alert_id", TimeField = "received_utc",
        Description = "Every alert delivery: accepted, refused (unsigned, bad signature, stale, replay) or duplicate, and what it launched",
        Fields =
        [
            new("alert_id", FieldType.Text, true, "Alert id (null when it could not be read) 警報ID"),
            new("received_utc", FieldType.DateTime, false, "Received (UTC) 受信日時"),
            new("source", FieldType.Text, false, "Where it came from (HTTP peer, file) 受信元"),
            new("verdict", FieldType.Text, false, "Accepted, Unsigned, BadSignature, Stale, ReplayedNonce, Duplicate, Invalid 判定"),
            new("reason", FieldType.Text, false, "Verdict in words 理由"),
            new("kind", FieldType.Text, true, "Alert kind 種別"),
            new("level", FieldType.Text, true, "Alert level レベル"),
            new("areas", FieldType.Text, true, "Areas, comma-separated 対象地域"),
            new("missions", FieldType.Text, true, "Standing missions launched, comma-separated 発動ミッション"),
        ],
    };
}
