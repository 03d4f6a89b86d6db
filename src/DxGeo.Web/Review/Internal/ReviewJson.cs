using System.Text.Encodings.Web;
using System.Text.Json;
using DxGeo.Imagery.Findings;
using DxGeo.Review.Images;
using DxGeo.Review.Reviews;
using NetTopologySuite.IO.Converters;

namespace DxGeo.Web.Review.Internal;

/// <summary>How review objects look in JSON (geometries as GeoJSON).</summary>
internal static class ReviewJson
{
    public static readonly JsonSerializerOptions Options = new()
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Converters = { new GeoJsonConverterFactory() },
    };

    public static object Finding(FindingView f) => new
    {
        findingId = f.FindingId, imageId = f.ImageId, flightId = f.FlightId, assetLayer = f.AssetLayer, assetId = f.AssetId,
        score = f.Score, modelId = f.ModelId, box = new[] { f.Box.XPx, f.Box.YPx, f.Box.WPx, f.Box.HPx }, source = f.Source,
        status = f.Status.ToCode(), damageType = f.DamageType, severity = f.Severity, version = f.Version,
        createdAt = f.CreatedAt, updatedAt = f.UpdatedAt, footprint = f.Footprint,
        centre = f.Footprint is { IsEmpty: false } g ? new[] { g.Centroid.X, g.Centroid.Y } : null,
    };

    public static object? Image(ReviewImage? i) => i is null ? null : new
    {
        imageId = i.ImageId, fileName = i.FileName, flightId = i.FlightId, capturedAt = i.CapturedAt, widthPx = i.WidthPx, heightPx = i.HeightPx,
        score = i.Score, gsdCmPerPx = i.GsdCmPerPx, footprint = i.Footprint,
        heatmap = Heatmap(i.HeatmapJson),
        url = $"/api/review/images/{i.ImageId}", thumbnailUrl = $"/api/review/images/{i.ImageId}/thumb",
    };

    /// <summary>The heat map as JSON; a malformed one (another tool's row) is left out rather than failing the page.</summary>
    private static JsonElement? Heatmap(string? json)
    {
        if (json is null) return null;
        try { return JsonDocument.Parse(json).RootElement.Clone(); }
        catch (JsonException) { return null; }
    }

    public static object Decision(DecisionRecord d) => new
    {
        reviewer = d.Reviewer, kind = d.Kind, verdict = d.Verdict.ToCode(), damageType = d.DamageType, severity = d.Severity,
        comment = d.Comment, decidedAt = d.DecidedAt,
    };
}
