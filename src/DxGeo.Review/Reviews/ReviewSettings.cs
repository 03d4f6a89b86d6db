using DxGeo.Core.Features;
using DxGeo.Core.Workspace;
using DxGeo.Review.Accounts;
using DxGeo.Review.Audit;
using DxGeo.Review.Internal;

namespace DxGeo.Review.Reviews;

/// <summary>Per-project review settings, stored in the workspace (<c>review_settings</c>).</summary>
public static class ReviewSettings
{
    private const string TwoReviewersKey = "two_reviewers";

    /// <summary>Whether a finding needs two different inspectors who agree before it is settled (default: off).</summary>
    public static bool TwoReviewers(ReviewStore store) => Get(store, TwoReviewersKey) == "true";

    public static void SetTwoReviewers(ReviewStore store, Actor actor, bool on)
    {
        if (!actor.Role.CanAdminister() && !actor.Role.CanLead())
            throw new ReviewForbiddenException($"{actor.UserName} ({actor.Role.ToCode()}) may not change review settings: lead or admin only");
        var s = ReviewTables.SettingsSchema;
        store.Write(w =>
        {
            var rec = Find(store, TwoReviewersKey);
            var before = rec?.Text(s, "value");
            var value = on ? "true" : "false";
            if (rec is null) w.Insert(s.Name, FeatureRecord.Create(s, null, ("key", TwoReviewersKey), ("value", value)));
            else { rec.Set(s, "value", value); w.Update(s.Name, rec); }
            AuditTrail.Append(w, store.Now(), actor, "settings.two_reviewers", s.Name, TwoReviewersKey,
                before is null ? null : new { value = before }, new { value });
            return 0;
        });
    }

    private static string? Get(ReviewStore store, string key) => Find(store, key)?.Text(ReviewTables.SettingsSchema, "value");

    private static Core.Features.FeatureRecord? Find(ReviewStore store, string key) =>
        !store.Has(ReviewTables.Settings) ? null : store.Workspace.Read(ReviewTables.Settings,
            new FeatureQuery { AttributeEquals = new Dictionary<string, object?> { ["key"] = key } }).FirstOrDefault();
}
