using System.Text;
using DxGeo.Review;
using DxGeo.Review.Exports;
using DxGeo.Web.Auth;

namespace DxGeo.Web.Review;

/// <summary>Downloads: findings as CSV and GeoJSON, and the per-asset inspection report (HTML, print to PDF).</summary>
internal static class ExportEndpoints
{
    public static void Map(IEndpointRouteBuilder app)
    {
        var g = app.MapGroup("/api/review/export").WithTags("Review").RequireAuthorization(AuthPolicies.SignedIn).AddEndpointFilter<ReviewErrorsFilter>();
        g.MapGet("/findings.csv", (ReviewStore store) =>
        {
            var sw = new StringWriter();
            FindingsExport.WriteCsv(store, sw);
            return Results.File(Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(sw.ToString())).ToArray(), "text/csv; charset=utf-8", "findings.csv");
        }).WithName("review-export-csv");
        g.MapGet("/findings.geojson", (ReviewStore store) =>
        {
            var ms = new MemoryStream();
            FindingsExport.WriteGeoJson(store, ms);
            return Results.File(ms.ToArray(), "application/geo+json", "findings.geojson");
        }).WithName("review-export-geojson");
        g.MapGet("/report/{assetLayer}/{assetId}", (string assetLayer, string assetId, ReviewStore store) =>
        {
            var sw = new StringWriter();
            InspectionReport.Write(store, assetLayer, assetId, sw);
            return Results.Content(sw.ToString(), "text/html; charset=utf-8");
        }).WithName("review-report").WithSummary("Inspection report of one asset (HTML, printable to PDF)");
    }
}
