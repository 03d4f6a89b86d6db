using DxGeo.Core.Features;
using NetTopologySuite.Geometries;

namespace DxGeo.Core.Assets.Layers;

public sealed class WaterPipeLayer : IAssetLayer<WaterPipe>
{
    public LayerSchema Schema { get; } = new()
    {
        Name = "water_pipes", Title = "Water pipes 配水管", GeometryType = LayerGeometryType.LineString, IdField = "pipe_id",
        Fields =
        [
            F.Text("pipe_id", "Pipe id 管路ID", nullable: false),
            F.Text("material", "Material code 管種 (DCIP, CIP, SP, VP, PE, ACP, UNK)", nullable: false),
            F.Int("diameter_mm", "Nominal diameter 口径 (mm)", nullable: false),
            F.Int("install_year", "Install year 布設年度"),
            F.Real("length_m", "Length 延長 (m, computed in a metric CRS)", nullable: false),
            F.Text("pressure_zone", "Pressure zone 配水区"),
            F.Text("district", "District 地区"),
            F.Text("status", "Status 状態 (in_service, abandoned, planned)", nullable: false),
            F.Text("road_class", "Class of the road above 道路種別 (arterial, collector, local)"),
            F.Bool("material_imputed", "Material filled by model 管種推定"),
            F.Bool("install_year_imputed", "Install year filled by model 布設年度推定"),
            F.Real("risk_break_prob", "Probability of a break next year 翌年破損確率"),
            F.Real("risk_priority", "Renewal priority 更新優先度"),
            F.Int("renewal_year", "Planned renewal year 更新計画年度"),
        ],
    };

    public FeatureRecord ToRecord(WaterPipe p) => new(p.Geometry,
    [
        p.PipeId, AssetCodes.Code(p.Material), (long)p.DiameterMm, (long?)p.InstallYear, p.LengthM, p.PressureZone,
        p.District, AssetCodes.Code(p.Status), p.RoadClass, p.MaterialImputed, p.InstallYearImputed,
        p.RiskBreakProb, p.RiskPriority, (long?)p.RenewalYear,
    ]);

    public WaterPipe FromRecord(FeatureRecord r)
    {
        var v = new RecordValues(Schema, r);
        return new WaterPipe
        {
            PipeId = v.RequiredText("pipe_id"),
            Geometry = v.Geometry<LineString>(),
            Material = v.Enum("material", PipeMaterial.Unknown),
            DiameterMm = (int)(v.Integer("diameter_mm") ?? 0),
            InstallYear = (int?)v.Integer("install_year"),
            LengthM = v.Real("length_m") ?? 0,
            PressureZone = v.Text("pressure_zone"),
            District = v.Text("district"),
            Status = v.Enum("status", PipeStatus.InService),
            RoadClass = v.Text("road_class"),
            MaterialImputed = v.Boolean("material_imputed"),
            InstallYearImputed = v.Boolean("install_year_imputed"),
            RiskBreakProb = v.Real("risk_break_prob"),
            RiskPriority = v.Real("risk_priority"),
            RenewalYear = (int?)v.Integer("renewal_year"),
        };
    }
}
