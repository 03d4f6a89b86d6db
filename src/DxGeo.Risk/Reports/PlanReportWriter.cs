using System.Globalization;
using System.Text;
using DxGeo.Core.Assets;
using DxGeo.Core.Features;
using DxGeo.Core.Formats.GeoJson;
using DxGeo.Risk.Renewal;

namespace DxGeo.Risk.Reports;

/// <summary>The renewal plan as CSV (one row per renewal, then the yearly summary of both strategies) and the
/// risk of every pipe as GeoJSON (for GIS without the workspace).</summary>
public static class PlanReportWriter
{
    private static readonly CultureInfo C = CultureInfo.InvariantCulture;

    public static void WriteCsv(RenewalPlan plan, string path)
    {
        var sb = new StringBuilder();
        sb.AppendLine("plan_year,pipe_id,material,diameter_mm,length_m,cost_yen,break_prob,consequence,priority,expected_breaks_avoided,road_work_id,road_work_year,shares_excavation");
        foreach (var r in plan.Renewals)
            sb.AppendLine(string.Join(",", r.Year.ToString(C), Q(r.PipeId), r.Material, r.DiameterMm.ToString(C), r.LengthM.ToString("F1", C),
                r.CostYen.ToString("F0", C), r.BreakProbability.ToString("F5", C), r.Consequence.ToString("F3", C), r.Priority.ToString("F5", C),
                r.ExpectedBreaksAvoided.ToString("F4", C), Q(r.RoadWorkId), r.RoadWorkYear?.ToString(C) ?? "", r.SharesExcavation ? "1" : "0"));
        File.WriteAllText(path, sb.ToString(), new UTF8Encoding(false));

        var summary = new StringBuilder();
        summary.AppendLine("strategy,year,segments,length_km,cost_yen,expected_breaks_avoided,weighted_breaks_avoided");
        foreach (var s in new[] { plan.Model, plan.ByAge })
            foreach (var y in s.Years)
                summary.AppendLine(string.Join(",", Q(s.Strategy), y.Year.ToString(C), y.Segments.ToString(C), y.LengthKm.ToString("F3", C),
                    y.CostYen.ToString("F0", C), y.ExpectedBreaksAvoided.ToString("F3", C), y.WeightedBreaksAvoided.ToString("F3", C)));
        File.WriteAllText(Path.ChangeExtension(path, null) + "-summary.csv", summary.ToString(), new UTF8Encoding(false));
    }

    public static readonly LayerSchema RiskReportSchema = new()
    {
        Name = "pipe_risk", Title = "Pipe break risk and renewal plan", GeometryType = LayerGeometryType.LineString, IdField = "pipe_id",
        Fields =
        [
            new("pipe_id", FieldType.Text, false), new("material", FieldType.Text), new("diameter_mm", FieldType.Integer),
            new("install_year", FieldType.Integer), new("length_m", FieldType.Real), new("risk_break_prob", FieldType.Real),
            new("expected_breaks", FieldType.Real), new("consequence", FieldType.Real), new("risk_priority", FieldType.Real),
            new("renewal_year", FieldType.Integer), new("road_work_id", FieldType.Text), new("road_work_year", FieldType.Integer),
        ],
    };

    public static void WriteGeoJson(RenewalPlan plan, IReadOnlyList<WaterPipe> pipes, string path)
    {
        var byId = pipes.ToDictionary(p => p.PipeId);
        using var stream = File.Create(path);
        using var writer = new GeoJsonLayerWriter(stream, RiskReportSchema, coordinateDecimals: 7);
        foreach (var x in plan.Priorities)
        {
            var p = byId[x.PipeId];
            writer.Write(new FeatureRecord(p.Geometry,
            [
                p.PipeId, AssetCodes.Code(p.Material), (long)p.DiameterMm, (long?)p.InstallYear, p.LengthM, x.BreakProbability,
                x.ExpectedBreaks, x.Consequence, x.Priority, (long?)x.RenewalYear, x.RoadWorkId, (long?)x.RoadWorkYear,
            ]));
        }
        writer.Complete();
    }

    private static string Q(string? s) => s is null ? "" : s.Contains(',') || s.Contains('"') ? "\"" + s.Replace("\"", "\"\"") + "\"" : s;
}
