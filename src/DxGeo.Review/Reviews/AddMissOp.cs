using DxGeo.Core.Features;
using DxGeo.Core.Errors;
using DxGeo.Imagery.Findings;
using DxGeo.Imagery.Images;
using DxGeo.Review.Accounts;
using DxGeo.Review.Internal;
using DxGeo.Review.Reviews.Internal;

namespace DxGeo.Review.Reviews;

/// <summary>What an inspector saw that the model did not flag: a box on a photo, with type and severity.</summary>
public sealed record MissReport(string ImageId, PixelBox Box, string DamageType, string Severity, string? Comment = null);

/// <summary>
/// Adds a finding the model missed (<c>source = inspector</c>, no model, score 0). It counts as the adding inspector's
/// confirmation: settled at once in single-reviewer mode, waiting for a second inspector in two-reviewer mode. Misses
/// are what <see cref="Exports.TrainingLabelsExport"/> turns into new training labels.
/// </summary>
public static class AddMissOp
{
    public const string InspectorSource = "inspector";

    public static FindingView Run(ReviewStore store, Actor actor, MissReport miss)
    {
        if (!actor.Role.CanReview())
            throw new ReviewForbiddenException($"{actor.UserName} ({actor.Role.ToCode()}) may not add findings: inspector or lead only");
        var img = ImageRows.Find(store.Workspace, miss.ImageId) ?? throw new ReviewNotFoundException($"no image '{miss.ImageId}'");
        if (store.Workspace.FindLayer(FindingsLayer.Name) is null)
            throw new DxGeoException($"{store.Workspace.Location}: no findings layer yet (run dxgeo images ingest/score first)");
        var s = ImagesLayer.Schema;
        var id = $"miss-{FindingWrites.NewId()}";
        var assetLayer = img.Text(s, "asset_layer");
        var type = DamageTypes.Check(miss.DamageType, id);
        var severity = SeverityScale.Check(assetLayer, miss.Severity, id);
        FindingWrites.CheckBox(store, miss.ImageId, id, miss.Box);
        var comment = string.IsNullOrWhiteSpace(miss.Comment) ? null : miss.Comment.Trim();
        if (comment is { Length: > FindingWrites.MaxCommentLength })
            throw new InputDataException($"comment has {comment.Length} characters (at most {FindingWrites.MaxCommentLength})", featureId: id, field: "comment");

        return store.Write(w =>
        {
            var now = store.Now();
            var two = ReviewSettings.TwoReviewers(store);
            var f = new FindingView
            {
                Fid = 0, FindingId = id, ImageId = miss.ImageId, FlightId = img.Text(s, "flight_id"), AssetLayer = assetLayer,
                AssetId = img.Text(s, "asset_id"), Score = 0, ModelId = null, Box = miss.Box, Source = InspectorSource,
                Status = two ? FindingStatus.ToReview : FindingStatus.Confirmed,
                DamageType = two ? null : type, Severity = two ? null : severity,
                Version = 1, CreatedAt = now, UpdatedAt = now, Footprint = img.Geometry,
            };
            var fid = w.Insert(FindingsLayer.Name, f.ToRecord());
            f = f with { Fid = fid };
            var decision = new DecisionRecord(FindingWrites.NewId(), id, actor.UserName, "miss", Verdict.Confirmed, type, severity, comment, now);
            w.Insert(ReviewTables.Decisions, decision.ToRecord());
            Audit.AuditTrail.Append(w, now, actor, "finding.add_miss", FindingsLayer.Name, id, null,
                new { state = f.AuditState(), image_id = miss.ImageId, decision = new { decision.DamageType, decision.Severity, decision.Comment } });
            if (f.Status == FindingStatus.Confirmed) ConditionUpdate.Apply(store, w, f, now);
            return f;
        });
    }
}
