using DxGeo.Core.Features;

namespace DxGeo.Mavlink.FlightLog;

/// <summary>The workspace layers flown flights are stored in (EPSG:4326, x = lon), linked to planned flights by id.</summary>
public static class FlightLogLayers
{
    public const string Tracks = "flight_tracks";
    public const string Points = "flight_track_points";

    public static LayerSchema TrackSchema { get; } = new()
    {
        Name = Tracks, GeometryType = LayerGeometryType.LineString, Title = "Flown tracks",
        Description = "One line per flight as recorded from MAVLink telemetry; compare with the planned flight (planned_flight_id).",
        IdField = "flight_id", TimeField = "started_utc",
        Fields =
        [
            new("flight_id", FieldType.Text, false, "Flight id (F<UTC start>-<system id>) / 飛行ID"),
            new("planned_flight_id", FieldType.Text, true, "Planned flight this flight executed / 計画飛行ID"),
            new("vehicle_sysid", FieldType.Integer, false, "MAVLink system id of the vehicle / 機体システムID"),
            new("autopilot", FieldType.Text, false, "Autopilot family (ArduPilot, Px4, Generic) / オートパイロット"),
            new("started_utc", FieldType.DateTime, false, "Recording start (UTC) / 記録開始"),
            new("ended_utc", FieldType.DateTime, false, "Recording end (UTC) / 記録終了"),
            new("point_count", FieldType.Integer, false, "Telemetry samples in flight_track_points / 記録点数"),
            new("length_m", FieldType.Real, false, "Horizontal length flown, m / 飛行距離 (m)"),
            new("max_alt_rel_m", FieldType.Real, false, "Highest altitude above home, m / 最高高度 (m)"),
            new("battery_start_pct", FieldType.Real, true, "Battery at start, % / 開始時バッテリー (%)"),
            new("battery_end_pct", FieldType.Real, true, "Battery at end, % / 終了時バッテリー (%)"),
            new("items_reached", FieldType.Integer, false, "Mission items reported reached / 到達ミッション項目数"),
            new("items_total", FieldType.Integer, false, "Mission items uploaded / ミッション項目数"),
            new("images_captured", FieldType.Integer, false, "CAMERA_IMAGE_CAPTURED reports / 撮影枚数"),
            new("result", FieldType.Text, false, "completed, aborted, timeout or failed: reason / 結果"),
        ],
    };

    public static LayerSchema PointSchema { get; } = new()
    {
        Name = Points, GeometryType = LayerGeometryType.Point, Title = "Flown track samples",
        Description = "Telemetry samples of flown tracks (position, altitude, battery, mode).",
        IdField = "flight_id", TimeField = "time_utc",
        Fields =
        [
            new("flight_id", FieldType.Text, false, "Flight id (flight_tracks.flight_id) / 飛行ID"),
            new("planned_flight_id", FieldType.Text, true, "Planned flight id / 計画飛行ID"),
            new("seq", FieldType.Integer, false, "Sample number within the flight / 記録順"),
            new("time_utc", FieldType.DateTime, false, "Sample time (UTC) / 時刻"),
            new("alt_amsl_m", FieldType.Real, false, "Altitude above mean sea level, m / 海抜高度 (m)"),
            new("alt_rel_m", FieldType.Real, false, "Altitude above home, m / 離陸点からの高度 (m)"),
            new("ground_speed_mps", FieldType.Real, false, "Ground speed, m/s / 対地速度 (m/s)"),
            new("battery_pct", FieldType.Real, true, "Battery remaining, % / バッテリー残量 (%)"),
            new("mode", FieldType.Text, false, "Flight mode / 飛行モード"),
            new("armed", FieldType.Boolean, false, "Motors armed / アーム状態"),
            new("mission_seq", FieldType.Integer, false, "Mission item being flown / 実行中のミッション項目"),
        ],
    };
}
