using DxGeo.Core.Features;
using NetTopologySuite.Geometries;

namespace DxGeo.Core.Assets.Layers;

public sealed class PipeBreakLayer : IAssetLayer<PipeBreak>
{
    public LayerSchema Schema { get; } = new()
    {
        Name = "pipe_breaks", Title = "Pipe breaks 漏水・破損履歴", GeometryType = LayerGeometryType.Point,
        IdField = "break_id", TimeField = "date",
        Fields =
        [
            F.Text("break_id", "Break id 事故ID", nullable: false),
            F.Date("date", "Date 発生日", nullable: false),
            F.Text("type", "Type 種別 (leak, burst, joint, crack, other)", nullable: false),
            F.Text("pipe_id", "Snapped pipe id 対象管路ID (null: no pipe within tolerance)"),
            F.Real("snap_distance_m", "Distance to the snapped pipe (m)"),
        ],
    };

    public FeatureRecord ToRecord(PipeBreak b) => new(b.Geometry,
        [b.BreakId, b.Date, AssetCodes.Code(b.Type), b.PipeId, b.SnapDistanceM]);

    public PipeBreak FromRecord(FeatureRecord r)
    {
        var v = new RecordValues(Schema, r);
        return new PipeBreak
        {
            BreakId = v.RequiredText("break_id"),
            Geometry = v.Geometry<Point>(),
            Date = v.Date("date") ?? throw new Errors.InputDataException("value is required", featureIndex: r.Fid, field: "date"),
            Type = v.Enum("type", BreakType.Other),
            PipeId = v.Text("pipe_id"),
            SnapDistanceM = v.Real("snap_distance_m"),
        };
    }
}
