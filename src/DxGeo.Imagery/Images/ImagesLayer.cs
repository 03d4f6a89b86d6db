using DxGeo.Core.Features;

namespace DxGeo.Imagery.Images;

/// <summary>
/// The <c>images</c> layer: one row per ingested photo, located by its ground footprint (Polygon, EPSG:4326), with its
/// camera metadata, the flight and asset it belongs to, and (once scored) its damage score and tile heat map.
/// Files stay where they are: <c>path</c> is where the photo was found; <c>image_id</c> (SHA-256 of the file) makes
/// re-ingest idempotent and lets a moved folder be re-linked. The web server serves only files named here.
/// </summary>
public static class ImagesLayer
{
    public const string Name = "images";

    public static LayerSchema Schema { get; } = new()
    {
        Name = Name, Title = "Images 撮影画像", GeometryType = LayerGeometryType.Polygon, IdField = "image_id",
        TimeField = "captured_at",
        Description = "Drone photos: ground footprint, camera metadata, flight and asset links, damage score",
        Fields =
        [
            new("image_id", FieldType.Text, false, "SHA-256 of the file (hex) 画像ID"),
            new("path", FieldType.Text, false, "Absolute path of the file 画像ファイル"),
            new("file_name", FieldType.Text, false, "File name ファイル名"),
            new("flight_id", FieldType.Text, true, "Planned or flown flight the photo belongs to 飛行ID"),
            new("captured_at", FieldType.DateTime, true, "Capture time (UTC) 撮影日時"),
            new("lon", FieldType.Real, false, "Camera longitude (°, WGS84) 経度"),
            new("lat", FieldType.Real, false, "Camera latitude (°, WGS84) 緯度"),
            new("altitude_abs_m", FieldType.Real, true, "GPS altitude above sea level (m) 海抜高度"),
            new("altitude_rel_m", FieldType.Real, true, "Height above ground used for the footprint (m) 対地高度"),
            new("height_source", FieldType.Text, false, "Where the height came from: relative_altitude, flight_takeoff, ground_elevation 高度の出典"),
            new("make", FieldType.Text, true, "Camera make メーカー"),
            new("model", FieldType.Text, true, "Camera model 機種"),
            new("focal_length_mm", FieldType.Real, true, "Focal length (mm) 焦点距離"),
            new("width_px", FieldType.Integer, false, "Image width (px) 画像幅"),
            new("height_px", FieldType.Integer, false, "Image height (px) 画像高さ"),
            new("gimbal_pitch_deg", FieldType.Real, true, "Gimbal pitch (°; −90 = nadir) ジンバル俯角"),
            new("gimbal_yaw_deg", FieldType.Real, true, "Gimbal yaw (° from north) ジンバル方位"),
            new("flight_yaw_deg", FieldType.Real, true, "Aircraft yaw (° from north) 機首方位"),
            new("gsd_cm_per_px", FieldType.Real, true, "Ground sampling distance at the image centre (cm/px) 地上画素寸法"),
            new("asset_layer", FieldType.Text, true, "Layer of the asset the footprint covers most 対象レイヤ"),
            new("asset_id", FieldType.Text, true, "Id of that asset 対象施設ID"),
            new("thumb_path", FieldType.Text, true, "Thumbnail file (JPEG) サムネイル"),
            new("score", FieldType.Real, true, "Damage score: maximum over the photo's tiles (0–1) 損傷スコア"),
            new("model_id", FieldType.Text, true, "Damage model that scored it 判定モデル"),
            new("heatmap_json", FieldType.Text, true, "Tile heat map: JSON array of [x, y, w, h, score] in pixels ヒートマップ"),
            new("ingested_at", FieldType.DateTime, false, "When it was ingested (UTC) 登録日時"),
            new("time_source", FieldType.Text, false, "Where captured_at came from: gps, exif_offset, exif_assumed_utc (no offset recorded), none 時刻の出典"),
            new("view", FieldType.Text, false, "nadir or oblique (from the gimbal pitch) 撮影方向"),
            new("yaw_source", FieldType.Text, false, "Footprint heading from gimbal_yaw, flight_yaw or none (north assumed) 方位の出典"),
            new("horizon_capped", FieldType.Boolean, false, "Far edge cut where rays pass 5° below the horizon 地平線制限"),
            new("gimbal_roll_deg", FieldType.Real, true, "Gimbal roll (°) ジンバルロール"),
            new("focal_length_35mm", FieldType.Real, true, "35 mm equivalent focal length (mm) 35mm換算焦点距離"),
            new("sensor_width_mm", FieldType.Real, false, "Sensor width used for the footprint (mm) センサー幅"),
            new("camera_source", FieldType.Text, false, "Where the sensor size came from: preset:<id>, focal_plane_resolution, equiv_35mm, override:<id> カメラ諸元の出典"),
        ],
    };
}
