using DxGeo.Core.Features;
using DxGeo.Core.Errors;
using DxGeo.Core.Workspace;
using DxGeo.Imagery.Findings;
using DxGeo.Imagery.Images;
using DxGeo.Review.Accounts;
using DxGeo.Review.Audit;
using DxGeo.Review.Internal;

namespace DxGeo.Review.Reviews.Internal;

/// <summary>What every review operation does the same way: find the finding, check its version, validate the
/// decision's values, and write the new state, the decision, the audit line and the asset condition together.</summary>
internal static class FindingWrites
{
    public const int MaxCommentLength = 2000;

    public static FindingView Load(ReviewStore store, string findingId)
    {
        if (store.Workspace.FindLayer(FindingsLayer.Name) is null)
            throw new ReviewNotFoundException($"no finding '{findingId}': the workspace has no findings layer yet");
        var rec = store.Workspace.Read(FindingsLayer.Name, new FeatureQuery
        {
            AttributeEquals = new Dictionary<string, object?> { ["finding_id"] = findingId }, Limit = 1,
        }).FirstOrDefault();
        return rec is null ? throw new ReviewNotFoundException($"no finding '{findingId}'") : FindingView.From(rec);
    }

    public static void CheckVersion(FindingView f, long expected)
    {
        if (f.Version != expected) throw new ConcurrencyConflictException(f.FindingId, expected, f.Version);
    }

    /// <summary>Normalised type and severity (required when confirming, cleared for a false alarm) and a checked box and comment.</summary>
    public static (string? Type, string? Severity, PixelBox Box, string? Comment) Values(ReviewStore store, FindingView f, ReviewDecision d)
    {
        string? type = null, severity = null;
        if (d.Verdict == Verdict.Confirmed)
        {
            type = DamageTypes.Check(d.DamageType, f.FindingId);
            severity = SeverityScale.Check(f.AssetLayer, d.Severity, f.FindingId);
        }
        var box = d.Box ?? f.Box;
        CheckBox(store, f.ImageId, f.FindingId, box);
        var comment = string.IsNullOrWhiteSpace(d.Comment) ? null : d.Comment.Trim();
        if (comment is { Length: > MaxCommentLength })
            throw new InputDataException($"comment has {comment.Length} characters (at most {MaxCommentLength})", featureId: f.FindingId, field: "comment");
        return (type, severity, box, comment);
    }

    public static void CheckBox(ReviewStore store, string imageId, string findingId, PixelBox box)
    {
        if (box.WPx <= 0 || box.HPx <= 0 || box.XPx < 0 || box.YPx < 0)
            throw new InputDataException($"box {box.XPx},{box.YPx} {box.WPx}x{box.HPx} px must have a positive size inside the photo", featureId: findingId, field: "box");
        var img = ImageRows.Find(store.Workspace, imageId);
        if (img is null) return;
        var s = ImagesLayer.Schema;
        long w = (img.Integer(s, "width_px") ?? 0), h = (img.Integer(s, "height_px") ?? 0);
        if (w > 0 && h > 0 && (box.XPx + (long)box.WPx > w || box.YPx + (long)box.HPx > h))
            throw new InputDataException($"box {box.XPx},{box.YPx} {box.WPx}x{box.HPx} px goes outside the {w}x{h} photo", featureId: findingId, field: "box");
    }

    /// <summary>Writes the finding's new state (version bumped), the decision and the audit line, and updates the asset condition.</summary>
    public static FindingView Save(ReviewStore store, IWorkspaceWrite w, Actor actor, string action, FindingView before, FindingView after,
        DecisionRecord decision, DateTimeOffset now)
    {
        after = after with { Version = before.Version + 1, UpdatedAt = now };
        w.Update(FindingsLayer.Name, after.ToRecord());
        w.Insert(ReviewTables.Decisions, decision.ToRecord());
        AuditTrail.Append(w, now, actor, action, FindingsLayer.Name, before.FindingId, before.AuditState(),
            new { state = after.AuditState(), decision = new { decision.Kind, verdict = decision.Verdict.ToCode(), decision.DamageType, decision.Severity, decision.Comment } });
        if (before.Status == FindingStatus.Confirmed || after.Status == FindingStatus.Confirmed)
            ConditionUpdate.Apply(store, w, after, now);
        return after;
    }

    public static string NewId() => Guid.NewGuid().ToString("N")[..16];
}
