using DxGeo.Core.Errors;
using DxGeo.Imagery.Findings;
using DxGeo.Review;
using DxGeo.Review.Audit;
using DxGeo.Review.Images;
using DxGeo.Review.Reviews;
using DxGeo.Web.Auth;
using DxGeo.Web.Review.Internal;

namespace DxGeo.Web.Review;

/// <summary>
/// <c>/api/review</c>: the queue, a finding with its photo and neighbours, decisions, dispute resolution, added misses,
/// settings and the audit trail. Every endpoint needs a session; writes need the role, a CSRF token and a small body.
/// </summary>
internal static class ReviewEndpoints
{
    public sealed record DecisionRequest(string Verdict, long Version, string? DamageType = null, string? Severity = null, int[]? Box = null, string? Comment = null);
    public sealed record MissRequest(string ImageId, int[] Box, string DamageType, string Severity, string? Comment = null);
    public sealed record SettingsRequest(bool TwoReviewers);

    public static void Map(IEndpointRouteBuilder app)
    {
        var g = app.MapGroup("/api/review").WithTags("Review").RequireAuthorization(AuthPolicies.SignedIn).AddEndpointFilter<ReviewErrorsFilter>();

        g.MapGet("/queue", Queue).WithName("review-queue").WithSummary("Findings by score with filters and counts per status");
        g.MapGet("/findings/{findingId}", (string findingId, ReviewStore store, ImageFiles images) =>
        {
            var d = FindingDetailsOp.Run(store, images, findingId);
            return Results.Json(new
            {
                finding = ReviewJson.Finding(d.Finding), image = ReviewJson.Image(d.Image), previous = ReviewJson.Image(d.Previous),
                next = ReviewJson.Image(d.Next), decisions = d.Decisions.Select(ReviewJson.Decision), assetGeometry = d.AssetGeometry,
                twoReviewers = d.TwoReviewers, severities = SeverityScale.For(d.Finding.AssetLayer), damageTypes = DamageTypes.All,
            }, ReviewJson.Options);
        }).WithName("review-finding").WithSummary("A finding with its photo, heat map, flight neighbours, decisions and asset");

        g.MapPost("/findings/{findingId}/decision", (string findingId, DecisionRequest req, HttpContext ctx, ReviewStore store) =>
            Results.Json(ReviewJson.Finding(DecideOp.Run(store, CookieSetup.Actor(ctx.User), ToDecision(findingId, req))), ReviewJson.Options))
            .AddEndpointFilter<WriteGuard>().RequireAuthorization(AuthPolicies.Reviewer)
            .WithName("review-decide").WithSummary("Confirm or mark a false alarm (inspector, lead); 409 when the version is stale");

        g.MapPost("/findings/{findingId}/resolution", (string findingId, DecisionRequest req, HttpContext ctx, ReviewStore store) =>
            Results.Json(ReviewJson.Finding(ResolveDisputeOp.Run(store, CookieSetup.Actor(ctx.User), ToDecision(findingId, req))), ReviewJson.Options))
            .AddEndpointFilter<WriteGuard>().RequireAuthorization(AuthPolicies.Lead)
            .WithName("review-resolve").WithSummary("Settle a disputed finding (lead who did not review it)");

        g.MapPost("/findings", (MissRequest req, HttpContext ctx, ReviewStore store) =>
        {
            var f = AddMissOp.Run(store, CookieSetup.Actor(ctx.User), new MissReport(req.ImageId, Box(req.Box), req.DamageType, req.Severity, req.Comment));
            return Results.Json(ReviewJson.Finding(f), ReviewJson.Options, statusCode: 201);
        }).AddEndpointFilter<WriteGuard>().RequireAuthorization(AuthPolicies.Reviewer)
          .WithName("review-add-miss").WithSummary("Add a finding the model missed (a box on a photo)");

        g.MapGet("/settings", (ReviewStore store) => Results.Json(new { twoReviewers = ReviewSettings.TwoReviewers(store) }))
            .WithName("review-settings");
        g.MapPut("/settings", (SettingsRequest req, HttpContext ctx, ReviewStore store) =>
        {
            ReviewSettings.SetTwoReviewers(store, CookieSetup.Actor(ctx.User), req.TwoReviewers);
            return Results.Json(new { twoReviewers = ReviewSettings.TwoReviewers(store) });
        }).AddEndpointFilter<WriteGuard>().RequireAuthorization(AuthPolicies.LeadOrAdmin).WithName("review-settings-set");

        g.MapGet("/audit", (string? entityId, long? offset, long? limit, ReviewStore store) =>
            Results.Json(AuditTrail.Read(store, entityId, Math.Max(0, offset ?? 0), Math.Clamp(limit ?? 500, 1, 5000)), ReviewJson.Options))
            .RequireAuthorization(AuthPolicies.LeadOrAdmin).WithName("review-audit").WithSummary("The audit trail (read-only)");
    }

    private static IResult Queue(HttpRequest req, ReviewStore store)
    {
        var q = req.Query;
        FindingStatus? status = q["status"].ToString() is { Length: > 0 } s ? ParseStatus(s) : null;
        var page = ReviewQueueOp.Run(store, new QueueFilter
        {
            AssetLayer = Opt(q["assetLayer"]), AssetId = Opt(q["asset"]), FlightId = Opt(q["flight"]), DamageType = Opt(q["type"]),
            Status = status, From = Date(q["from"], "from"), To = Date(q["to"], "to"),
            Offset = Int(q["offset"], 0, "offset"), Limit = Math.Min(Int(q["limit"], 50, "limit"), ReviewQueueOp.MaxLimit),
        });
        return Results.Json(new
        {
            total = page.Total, counts = page.CountsByStatus,
            items = page.Items.Select(i => new { finding = ReviewJson.Finding(i.Finding), reviews = i.Reviews, reviewers = i.Reviewers }),
        }, ReviewJson.Options);
    }

    private static FindingStatus ParseStatus(string s)
    {
        try { return FindingStatusCodes.Parse(s); }
        catch (ArgumentException e) { throw new InputDataException(e.Message.Split(" (Parameter")[0], field: "status"); }
    }

    private static ReviewDecision ToDecision(string id, DecisionRequest r) =>
        new(id, r.Version, Verdicts.Parse(r.Verdict ?? ""), r.DamageType, r.Severity, r.Box is null ? null : Box(r.Box), r.Comment);

    private static PixelBox Box(int[]? b) => b is { Length: 4 } ? new PixelBox(b[0], b[1], b[2], b[3])
        : throw new InputDataException("box must be [x, y, width, height] in pixels", field: "box");

    private static string? Opt(Microsoft.Extensions.Primitives.StringValues v) => v.ToString() is { Length: > 0 } s ? s : null;

    private static int Int(Microsoft.Extensions.Primitives.StringValues v, int dflt, string name) =>
        v.Count == 0 ? dflt : int.TryParse(v.ToString(), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var i)
            ? i : throw new InputDataException($"{name} '{v}' is not a whole number", field: name);

    private static DateTimeOffset? Date(Microsoft.Extensions.Primitives.StringValues v, string name) =>
        v.Count == 0 || v.ToString().Length == 0 ? null
        : DateTimeOffset.TryParse(v.ToString(), System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AssumeUniversal, out var d)
            ? d : throw new InputDataException($"{name} '{v}' is not a date (ISO 8601, e.g. 2026-10-01)", field: name);
}
