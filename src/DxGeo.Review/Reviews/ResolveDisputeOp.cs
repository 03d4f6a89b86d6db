using DxGeo.Imagery.Findings;
using DxGeo.Review.Accounts;
using DxGeo.Review.Reviews.Internal;

namespace DxGeo.Review.Reviews;

/// <summary>A lead settles a disputed finding. The lead must not be one of the two reviewers who disagreed.</summary>
public static class ResolveDisputeOp
{
    public static FindingView Run(ReviewStore store, Actor actor, ReviewDecision d)
    {
        if (!actor.Role.CanLead())
            throw new ReviewForbiddenException($"{actor.UserName} ({actor.Role.ToCode()}) may not resolve disputes: lead only");
        return store.Write(w =>
        {
            var before = FindingWrites.Load(store, d.FindingId);
            FindingWrites.CheckVersion(before, d.ExpectedVersion);
            if (before.Status != FindingStatus.Disputed)
                throw new ReviewRuleException($"finding '{d.FindingId}' is {before.Status.ToCode()}, not disputed: nothing to resolve");
            if (DecisionRecord.For(store, d.FindingId).Any(x => x.Kind is "review" or "miss" && x.Reviewer == actor.UserName))
                throw new ReviewRuleException($"{actor.UserName} reviewed finding '{d.FindingId}' and cannot also settle its dispute; another lead must");
            var (type, severity, box, comment) = FindingWrites.Values(store, before, d);
            var now = store.Now();
            var decision = new DecisionRecord(FindingWrites.NewId(), d.FindingId, actor.UserName, "resolution", d.Verdict, type, severity, comment, now);
            var after = before with { Status = d.Verdict.ToStatus(), Box = box, DamageType = type, Severity = severity };
            return FindingWrites.Save(store, w, actor, "finding.resolve", before, after, decision, now);
        });
    }
}
