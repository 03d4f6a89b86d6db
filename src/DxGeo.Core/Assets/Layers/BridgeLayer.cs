using DxGeo.Core.Features;
using NetTopologySuite.Geometries;

namespace DxGeo.Core.Assets.Layers;

public sealed class BridgeLayer : IAssetLayer<Bridge>
{
    public LayerSchema Schema { get; } = new()
    {
        Name = "bridges", Title = "Bridges 橋梁", GeometryType = LayerGeometryType.Geometry, IdField = "bridge_id",
        Fields =
        [
            F.Text("bridge_id", "Bridge id 橋梁ID", nullable: false),
            F.Text("name", "Name 橋梁名"),
            F.Text("road", "Road 路線名"),
            F.Real("length_m", "Length 橋長 (m)"),
            F.Real("width_m", "Width 幅員 (m)"),
            F.Int("span_count", "Number of spans 径間数"),
            F.Text("structure_type", "Structure type 構造形式"),
            F.Int("year_built", "Year built 架設年"),
            F.Date("last_inspection", "Last inspection date 最終点検日"),
            F.Text("mlit_grade", "MLIT judgement 判定区分 (I, II, III, IV)"),
            F.Real("deck_height_m", "Deck height above ground/water 桁下高 (m)"),
        ],
    };

    public FeatureRecord ToRecord(Bridge b) => new(b.Geometry,
    [
        b.BridgeId, b.Name, b.Road, b.LengthM, b.WidthM, (long?)b.SpanCount, b.StructureType, (long?)b.YearBuilt,
        b.LastInspection, b.MlitGrade is { } g ? AssetCodes.Code(g) : null, b.DeckHeightM,
    ]);

    public Bridge FromRecord(FeatureRecord r)
    {
        var v = new RecordValues(Schema, r);
        var g = v.Geometry<Geometry>();
        if (g is not (LineString or Point))
            g = v.Geometry<LineString>(); // throws a clear "expected LineString" unless a single-part multi
        return new Bridge
        {
            BridgeId = v.RequiredText("bridge_id"),
            Geometry = g,
            Name = v.Text("name"),
            Road = v.Text("road"),
            LengthM = v.Real("length_m"),
            WidthM = v.Real("width_m"),
            SpanCount = (int?)v.Integer("span_count"),
            StructureType = v.Text("structure_type"),
            YearBuilt = (int?)v.Integer("year_built"),
            LastInspection = v.Date("last_inspection"),
            MlitGrade = v.NullableEnum<MlitGrade>("mlit_grade"),
            DeckHeightM = v.Real("deck_height_m"),
        };
    }
}
