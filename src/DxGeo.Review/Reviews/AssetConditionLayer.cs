using DxGeo.Core.Features;

namespace DxGeo.Review.Reviews;

/// <summary>
/// The <c>asset_condition</c> layer: per bridge / levee section, the worst grade among its confirmed findings, drawn
/// with the asset's own geometry so the map shows it. Maintained by the review workflow in the same write as the
/// decision that changes it; a row disappears when the asset has no confirmed finding left.
/// </summary>
public static class AssetConditionLayer
{
    public const string Name = "asset_condition";

    public static LayerSchema Schema { get; } = new()
    {
        Name = Name, Title = "Asset condition 点検結果", GeometryType = LayerGeometryType.Geometry, IdField = "asset_id",
        Description = "Worst confirmed damage grade per asset from reviewed drone findings",
        Fields =
        [
            new("asset_layer", FieldType.Text, false, "Layer of the asset (bridges, levees) 対象レイヤ"),
            new("asset_id", FieldType.Text, false, "Asset id 対象施設ID"),
            new("worst_grade", FieldType.Text, false, "Worst confirmed grade (bridges: MLIT I–IV; levees: a–d) 健全度"),
            new("confirmed_findings", FieldType.Integer, false, "Confirmed findings on the asset 確認済み損傷数"),
            new("updated_at", FieldType.DateTime, false, "Last change (UTC) 更新日時"),
        ],
    };
}
