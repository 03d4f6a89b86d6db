using DxGeo.Core.Features;

namespace DxGeo.Flight.Storage;

/// <summary>
/// The <c>planned_flights</c> layer: one row per sortie of a stored plan, its route as a LineString (EPSG:4326),
/// linked to the asset it surveys, with the figures of the plan summary and the sortie's QGroundControl plan.
/// </summary>
public static class PlannedFlightsLayer
{
    public const string Name = "planned_flights";

    public static LayerSchema Schema { get; } = new()
    {
        Name = Name, Title = "Planned flights 飛行計画", GeometryType = LayerGeometryType.LineString, IdField = "plan_id",
        TimeField = "created_at",
        Description = "Survey flight plans: one row per sortie (battery), linked to the asset it surveys",
        Fields =
        [
            new("plan_id", FieldType.Text, false, "Plan id (name and creation time) 計画ID"),
            new("plan_name", FieldType.Text, false, "Plan name 計画名"),
            new("asset_layer", FieldType.Text, true, "Layer of the surveyed asset (levees, bridges, …) 対象レイヤ"),
            new("asset_id", FieldType.Text, true, "Id of the surveyed asset 対象施設ID"),
            new("pattern", FieldType.Text, false, "Pattern (area, corridor, levee, bridge) 飛行パターン"),
            new("sortie", FieldType.Integer, false, "Sortie number (1 = first battery) フライト番号"),
            new("sortie_count", FieldType.Integer, false, "Sorties in the plan フライト数"),
            new("launch_id", FieldType.Text, false, "Launch point id 離着陸地点"),
            new("launch_lon", FieldType.Real, false, "Launch point longitude (°)"),
            new("launch_lat", FieldType.Real, false, "Launch point latitude (°)"),
            new("camera", FieldType.Text, false, "Camera preset id カメラ"),
            new("gsd_cm_per_px", FieldType.Real, false, "Finest GSD of the plan's passes (cm/px) 地上画素寸法"),
            new("max_altitude_m", FieldType.Real, false, "Highest waypoint above launch (m) 最高高度"),
            new("distance_m", FieldType.Real, false, "Flight distance incl. climbs (m) 飛行距離"),
            new("duration_s", FieldType.Real, false, "Estimated flight time (s) 推定飛行時間"),
            new("photo_count", FieldType.Integer, false, "Photos 撮影枚数"),
            new("max_distance_from_launch_m", FieldType.Real, false, "Farthest waypoint from launch (m) 離着陸地点からの最大距離"),
            new("uncovered_m2", FieldType.Real, false, "Target area the plan cannot cover with the requested overlap (m²) 未撮影面積"),
            new("warnings", FieldType.Text, true, "Plan warnings, one per line 注意事項"),
            new("created_at", FieldType.DateTime, false, "When the plan was made (UTC) 作成日時"),
            new("plan_json", FieldType.Text, false, "The sortie as a QGroundControl .plan (JSON) QGC計画ファイル"),
        ],
    };
}
