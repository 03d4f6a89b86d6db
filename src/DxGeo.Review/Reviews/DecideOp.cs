using DxGeo.Imagery.Findings;
using DxGeo.Review.Accounts;
using DxGeo.Review.Reviews.Internal;

namespace DxGeo.Review.Reviews;

/// <summary>
/// An inspector's decision on a finding still to review. In single-reviewer mode it settles the finding. In
/// two-reviewer mode the first decision is recorded and the finding waits for a second, different inspector: if the
/// two agree (same verdict and, when confirming, same type and severity) it is settled, otherwise it is disputed and
/// a lead resolves it (<see cref="ResolveDisputeOp"/>).
/// </summary>
public static class DecideOp
{
    public static FindingView Run(ReviewStore store, Actor actor, ReviewDecision d)
    {
        if (!actor.Role.CanReview())
            throw new ReviewForbiddenException($"{actor.UserName} ({actor.Role.ToCode()}) may not review findings: inspector or lead only");
        return store.Write(w =>
        {
            var before = FindingWrites.Load(store, d.FindingId);
            FindingWrites.CheckVersion(before, d.ExpectedVersion);
            if (before.Status != FindingStatus.ToReview)
                throw new ReviewRuleException(before.Status == FindingStatus.Disputed
                    ? $"finding '{d.FindingId}' is disputed: a lead resolves it"
                    : $"finding '{d.FindingId}' is already settled ({before.Status.ToCode()})");
            var (type, severity, box, comment) = FindingWrites.Values(store, before, d);
            var now = store.Now();
            var decision = new DecisionRecord(FindingWrites.NewId(), d.FindingId, actor.UserName, "review", d.Verdict, type, severity, comment, now);

            var status = d.Verdict.ToStatus();
            var action = d.Verdict == Verdict.Confirmed ? "finding.confirm" : "finding.false_alarm";
            FindingView after;
            if (ReviewSettings.TwoReviewers(store))
            {
                var first = DecisionRecord.For(store, d.FindingId).LastOrDefault(x => x.Kind is "review" or "miss");
                if (first is null)
                {
                    // First of two: the finding stays to review; its type and severity wait for the second opinion.
                    after = before with { Box = box };
                    return FindingWrites.Save(store, w, actor, action, before, after, decision, now);
                }
                if (string.Equals(first.Reviewer, actor.UserName, StringComparison.Ordinal))
                    throw new ReviewRuleException($"finding '{d.FindingId}' was already reviewed by {actor.UserName}: one person cannot be both reviewers");
                var agree = first.Verdict == d.Verdict && (d.Verdict == Verdict.FalseAlarm || (first.DamageType == type && first.Severity == severity));
                if (!agree) status = FindingStatus.Disputed;
            }
            after = before with
            {
                Status = status, Box = box,
                DamageType = status == FindingStatus.Confirmed ? type : null,
                Severity = status == FindingStatus.Confirmed ? severity : null,
            };
            return FindingWrites.Save(store, w, actor, action, before, after, decision, now);
        });
    }
}
