using DxGeo.Core.Features;

namespace DxGeo.Imagery.Findings;

/// <summary>
/// The <c>findings</c> layer: one row per suspected damage region on a photo, raised by the damage model (or added by an
/// inspector), located by the ground footprint of its tile (Polygon, EPSG:4326), linked to its image and asset.
/// Imagery writes new rows; the review workflow changes status, type, severity and box, bumping <c>version</c> on every
/// change so concurrent edits are detected (optimistic concurrency).
/// </summary>
public static class FindingsLayer
{
    public const string Name = "findings";

    public static LayerSchema Schema { get; } = new()
    {
        Name = Name, Title = "Findings 損傷候補", GeometryType = LayerGeometryType.Polygon, IdField = "finding_id",
        TimeField = "created_at", LookupFields = ["image_id", "asset_id"],
        Description = "Suspected damage on drone photos: the model's flagged tiles and inspector-added misses, with their review state",
        Fields =
        [
            new("finding_id", FieldType.Text, false, "Finding id 損傷候補ID"),
            new("image_id", FieldType.Text, false, "Image id (content hash) of the photo 画像ID"),
            new("flight_id", FieldType.Text, true, "Flight the photo belongs to 飛行ID"),
            new("asset_layer", FieldType.Text, true, "Layer of the asset in view (bridges, levees, water_pipes) 対象レイヤ"),
            new("asset_id", FieldType.Text, true, "Id of the asset in view 対象施設ID"),
            new("score", FieldType.Real, false, "Damage probability of the tile (0–1) 損傷スコア"),
            new("model_id", FieldType.Text, true, "Model that raised it; null when added by an inspector 判定モデル"),
            new("box_x_px", FieldType.Integer, false, "Box left in the full-resolution photo (px)"),
            new("box_y_px", FieldType.Integer, false, "Box top (px)"),
            new("box_w_px", FieldType.Integer, false, "Box width (px)"),
            new("box_h_px", FieldType.Integer, false, "Box height (px)"),
            new("source", FieldType.Text, false, "model or inspector (a miss the model did not flag) 検出元"),
            new("status", FieldType.Text, false, "to_review, confirmed, false_alarm, disputed 判定状況"),
            new("damage_type", FieldType.Text, true, "crack, spalling, exposed_rebar, corrosion, erosion, other 損傷種類"),
            new("severity", FieldType.Text, true, "Judgement (bridges: MLIT I–IV) 健全度"),
            new("version", FieldType.Integer, false, "Row version, bumped on every change (optimistic concurrency) 版"),
            new("created_at", FieldType.DateTime, false, "When it was raised (UTC) 作成日時"),
            new("updated_at", FieldType.DateTime, false, "Last change (UTC) 更新日時"),
        ],
    };
}
