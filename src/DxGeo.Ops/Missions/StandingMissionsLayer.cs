using DxGeo.Core.Features;

namespace DxGeo.Ops.Missions;

/// <summary>The <c>standing_missions</c> layer: one row per standing mission, its route (launch → waypoints → launch) as
/// a LineString (EPSG:4326), the full definition as JSON and the plan text it flies.</summary>
public static class StandingMissionsLayer
{
    public const string Name = "standing_missions";

    public static LayerSchema Schema { get; } = new()
    {
        Name = Name, Title = "Standing missions 待機ミッション", GeometryType = LayerGeometryType.LineString, IdField = "name",
        TimeField = "created_utc",
        Description = "Missions launched automatically by an alert: plan, vehicle link, trigger, gate limits, payload actions",
        Fields =
        [
            new("name", FieldType.Text, false, "Mission name ミッション名"),
            new("plan_id", FieldType.Text, false, "Plan it flies (planned_flights.plan_id or file) 飛行計画"),
            new("link", FieldType.Text, false, "Vehicle link (connection string or sim) 通信リンク"),
            new("launch_lon", FieldType.Real, false, "Launch point longitude (°) 離陸地点経度"),
            new("launch_lat", FieldType.Real, false, "Launch point latitude (°) 離陸地点緯度"),
            new("trigger_kinds", FieldType.Text, true, "Alert kinds, comma-separated (empty: any) 対象の警報種別"),
            new("trigger_areas", FieldType.Text, false, "Area codes or names, comma-separated 対象地域"),
            new("trigger_min_level", FieldType.Text, false, "Lowest level that launches (Advisory, Warning, MajorWarning) 発動レベル"),
            new("max_wind_mps", FieldType.Real, false, "Gate: wind limit (m/s) 風速上限"),
            new("reserve_battery_pct", FieldType.Real, false, "In flight: return below this charge (%) 帰還バッテリー残量"),
            new("created_utc", FieldType.DateTime, false, "When defined (UTC) 登録日時"),
            new("definition_json", FieldType.Text, false, "The whole definition (JSON) 定義"),
            new("plan_json", FieldType.Text, false, "The plan as approved (QGC .plan) 飛行計画ファイル"),
        ],
    };
}
