using DxGeo.Core.Features;
using NetTopologySuite.Geometries;

namespace DxGeo.Core.Assets.Layers;

public sealed class LeveeLayer : IAssetLayer<Levee>
{
    public LayerSchema Schema { get; } = new()
    {
        Name = "levees", Title = "Levees 堤防", GeometryType = LayerGeometryType.LineString, IdField = "levee_id",
        Fields =
        [
            F.Text("levee_id", "Levee section id 堤防区間ID", nullable: false),
            F.Text("river", "River 河川名"),
            F.Text("bank", "Bank 左右岸 (left, right)", nullable: false),
            F.Real("kp_from_km", "Kilometre post at start 距離標 始点 (km)"),
            F.Real("kp_to_km", "Kilometre post at end 距離標 終点 (km)"),
            F.Real("crest_elevation_m", "Crest elevation 天端高 (m above T.P.)"),
            F.Real("crest_width_m", "Crest width 天端幅 (m)"),
            F.Real("base_width_m", "Width at the toe incl. slopes 堤敷幅 (m)"),
        ],
    };

    public FeatureRecord ToRecord(Levee l) => new(l.Geometry,
        [l.LeveeId, l.River, AssetCodes.Code(l.Bank), l.KpFromKm, l.KpToKm, l.CrestElevationM, l.CrestWidthM, l.BaseWidthM]);

    public Levee FromRecord(FeatureRecord r)
    {
        var v = new RecordValues(Schema, r);
        return new Levee
        {
            LeveeId = v.RequiredText("levee_id"),
            Geometry = v.Geometry<LineString>(),
            River = v.Text("river"),
            Bank = v.Enum("bank", Bank.Left),
            KpFromKm = v.Real("kp_from_km"),
            KpToKm = v.Real("kp_to_km"),
            CrestElevationM = v.Real("crest_elevation_m"),
            CrestWidthM = v.Real("crest_width_m"),
            BaseWidthM = v.Real("base_width_m"),
        };
    }
}
