using DxGeo.Core.Errors;
using DxGeo.Imagery.Findings;
using DxGeo.Review.Accounts;
using DxGeo.Review.Audit;
using DxGeo.Review.Reviews;

namespace DxGeo.Review.Tests;

public sealed class ReviewWorkflowTests : IDisposable
{
    private readonly ReviewTown _town = new(findings: 8);
    private static readonly Actor A = new("insp-a", Role.Inspector), B = new("insp-b", Role.Inspector), C = new("insp-c", Role.Inspector);
    private static readonly Actor Lead = new("lead-1", Role.Lead), Viewer = new("viewer-1", Role.Viewer);

    private FindingView Get(string id) => FindingView.From(_town.Workspace.Read(FindingsLayer.Name).Single(r => (string)r.Values[0]! == id));

    private static ReviewDecision Confirm(FindingView f, string severity = "III", string type = "crack") =>
        new(f.FindingId, f.Version, Verdict.Confirmed, type, severity);

    [Fact]
    public void Queue_is_ordered_by_score_with_counts_per_status()
    {
        var page = ReviewQueueOp.Run(_town.Store, new QueueFilter { Limit = 5 });
        Assert.Equal(8, page.Total);
        Assert.Equal(_town.FindingIds.Take(5), page.Items.Select(i => i.Finding.FindingId));
        Assert.Equal(8, page.CountsByStatus["to_review"]);

        DecideOp.Run(_town.Store, A, Confirm(Get(_town.FindingIds[0])));
        DecideOp.Run(_town.Store, A, new ReviewDecision(_town.FindingIds[1], 1, Verdict.FalseAlarm));
        var after = ReviewQueueOp.Run(_town.Store, new QueueFilter { Status = FindingStatus.ToReview });
        Assert.Equal(6, after.Total);
        Assert.Equal(1, after.CountsByStatus["confirmed"]);
        Assert.Equal(1, after.CountsByStatus["false_alarm"]);
        Assert.Equal(_town.FindingIds[2], after.Items[0].Finding.FindingId);
    }

    [Fact]
    public void Queue_filters_by_asset_flight_type_and_date()
    {
        // Findings 3 and 7 (0-based) are on the levee photo.
        var levee = ReviewQueueOp.Run(_town.Store, new QueueFilter { AssetId = "L-01" });
        Assert.Equal([_town.FindingIds[3], _town.FindingIds[7]], levee.Items.Select(i => i.Finding.FindingId));
        Assert.Equal(0, ReviewQueueOp.Run(_town.Store, new QueueFilter { FlightId = "F9" }).Total);
        Assert.Equal(8, ReviewQueueOp.Run(_town.Store, new QueueFilter { FlightId = ReviewTown.Flight }).Total);
        // Finding i was raised at T0+2h+i s.
        var late = ReviewQueueOp.Run(_town.Store, new QueueFilter { From = ReviewTown.T0.AddHours(2).AddSeconds(5) });
        Assert.Equal(_town.FindingIds.Skip(5), late.Items.Select(i => i.Finding.FindingId));
        DecideOp.Run(_town.Store, A, Confirm(Get(_town.FindingIds[2]), type: "spalling"));
        Assert.Equal([_town.FindingIds[2]], ReviewQueueOp.Run(_town.Store, new QueueFilter { DamageType = "spalling" }).Items.Select(i => i.Finding.FindingId));
    }

    [Fact]
    public void Single_reviewer_confirmation_settles_and_sets_the_bridge_condition_to_the_worst_grade()
    {
        var f0 = DecideOp.Run(_town.Store, A, Confirm(Get(_town.FindingIds[0]), "II"));
        Assert.Equal(FindingStatus.Confirmed, f0.Status);
        Assert.Equal(2, Get(f0.FindingId).Version);
        DecideOp.Run(_town.Store, B, Confirm(Get(_town.FindingIds[1]), "IV"));
        DecideOp.Run(_town.Store, B, Confirm(Get(_town.FindingIds[2]), "III"));
        var cond = _town.Workspace.Read(AssetConditionLayer.Name).Single();
        Assert.Equal("B-001", cond.Values[1]);
        Assert.Equal("IV", cond.Values[2]);
        Assert.Equal(3L, cond.Values[3]);
        // The row carries the bridge's own geometry, so the map draws it where the bridge is.
        Assert.Equal(_town.Workspace.Read("bridges").Single().Geometry!.Coordinates, cond.Geometry!.Coordinates);
    }

    [Fact]
    public void Levee_findings_use_the_levee_grades()
    {
        var f = Get(_town.FindingIds[3]);
        var e = Assert.Throws<InputDataException>(() => DecideOp.Run(_town.Store, A, Confirm(f, "III")));
        Assert.Contains("severity", e.Message);
        DecideOp.Run(_town.Store, A, Confirm(f, "c", "erosion"));
        Assert.Equal("c", _town.Workspace.Read(AssetConditionLayer.Name).Single(r => (string)r.Values[1]! == "L-01").Values[2]);
    }

    [Fact]
    public void Two_different_inspectors_who_agree_settle_the_finding()
    {
        ReviewSettings.SetTwoReviewers(_town.Store, Lead, true);
        var id = _town.FindingIds[0];
        var first = DecideOp.Run(_town.Store, A, Confirm(Get(id)));
        Assert.Equal(FindingStatus.ToReview, first.Status);
        Assert.Equal(1, ReviewQueueOp.Run(_town.Store, new QueueFilter { Limit = 1 }).Items[0].Reviews);
        var e = Assert.Throws<ReviewRuleException>(() => DecideOp.Run(_town.Store, A, Confirm(Get(id))));
        Assert.Contains("both reviewers", e.Message);
        var second = DecideOp.Run(_town.Store, B, Confirm(Get(id)));
        Assert.Equal(FindingStatus.Confirmed, second.Status);
        Assert.Equal("III", second.Severity);
    }

    [Fact]
    public void Disagreement_is_disputed_and_a_lead_who_did_not_review_resolves_it()
    {
        ReviewSettings.SetTwoReviewers(_town.Store, Lead, true);
        var id = _town.FindingIds[0];
        DecideOp.Run(_town.Store, A, Confirm(Get(id)));
        var disputed = DecideOp.Run(_town.Store, B, new ReviewDecision(id, Get(id).Version, Verdict.FalseAlarm));
        Assert.Equal(FindingStatus.Disputed, disputed.Status);
        Assert.Throws<ReviewRuleException>(() => DecideOp.Run(_town.Store, C, Confirm(Get(id))));
        Assert.Throws<ReviewForbiddenException>(() => ResolveDisputeOp.Run(_town.Store, C, Confirm(Get(id))));
        var resolved = ResolveDisputeOp.Run(_town.Store, Lead, Confirm(Get(id), "II"));
        Assert.Equal(FindingStatus.Confirmed, resolved.Status);
        Assert.Equal("II", Get(id).Severity);
    }

    [Fact]
    public void A_lead_who_reviewed_cannot_also_resolve_the_dispute()
    {
        ReviewSettings.SetTwoReviewers(_town.Store, Lead, true);
        var id = _town.FindingIds[0];
        DecideOp.Run(_town.Store, Lead, Confirm(Get(id)));
        DecideOp.Run(_town.Store, B, Confirm(Get(id), "IV"));
        Assert.Equal(FindingStatus.Disputed, Get(id).Status);
        Assert.Throws<ReviewRuleException>(() => ResolveDisputeOp.Run(_town.Store, Lead, Confirm(Get(id))));
    }

    [Fact]
    public void Stale_version_is_a_conflict_and_writes_nothing()
    {
        var seen = Get(_town.FindingIds[0]);
        DecideOp.Run(_town.Store, A, Confirm(seen));
        var auditBefore = AuditTrail.Read(_town.Store).Count;
        var e = Assert.Throws<ConcurrencyConflictException>(() => DecideOp.Run(_town.Store, B, new ReviewDecision(seen.FindingId, seen.Version, Verdict.FalseAlarm)));
        Assert.Equal(1, e.ExpectedVersion);
        Assert.Equal(2, e.ActualVersion);
        Assert.Equal(FindingStatus.Confirmed, Get(seen.FindingId).Status);
        Assert.Equal(auditBefore, AuditTrail.Read(_town.Store).Count);
    }

    [Fact]
    public void A_rejected_decision_leaves_no_trace()
    {
        var f = Get(_town.FindingIds[0]);
        Assert.Throws<InputDataException>(() => DecideOp.Run(_town.Store, A, Confirm(f) with { Box = new PixelBox(200, 200, 100, 100) }));
        Assert.Throws<ReviewForbiddenException>(() => DecideOp.Run(_town.Store, Viewer, Confirm(f)));
        Assert.Throws<InputDataException>(() => DecideOp.Run(_town.Store, A, Confirm(f, type: "scratch")));
        Assert.Equal(1, Get(f.FindingId).Version);
        Assert.Empty(AuditTrail.Read(_town.Store));
        Assert.Empty(DecisionRecord.For(_town.Store, f.FindingId));
    }

    [Fact]
    public void Audit_trail_has_each_action_once_in_order_with_its_user_and_states()
    {
        ReviewSettings.SetTwoReviewers(_town.Store, Lead, true);
        var id = _town.FindingIds[0];
        DecideOp.Run(_town.Store, A, Confirm(Get(id)));
        DecideOp.Run(_town.Store, B, new ReviewDecision(id, Get(id).Version, Verdict.FalseAlarm));
        ResolveDisputeOp.Run(_town.Store, Lead, Confirm(Get(id), "II"));
        var trail = AuditTrail.Read(_town.Store);
        Assert.Equal(["settings.two_reviewers", "finding.confirm", "finding.false_alarm", "finding.resolve"], trail.Select(e => e.Action));
        Assert.Equal(["lead-1", "insp-a", "insp-b", "lead-1"], trail.Select(e => e.UserName));
        Assert.True(trail.Zip(trail.Skip(1)).All(p => p.First.Sequence < p.Second.Sequence && p.First.At <= p.Second.At));
        Assert.Contains("\"status\":\"to_review\"", trail[1].BeforeJson);
        Assert.Contains("\"status\":\"disputed\"", trail[2].AfterJson);
        Assert.Contains("\"status\":\"confirmed\"", trail[3].AfterJson);
        Assert.Contains("\"version\":4", trail[3].AfterJson);
    }

    [Fact]
    public void Audit_trail_has_no_update_or_delete_api()
    {
        var methods = typeof(AuditTrail).GetMethods(System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Static)
            .Select(m => m.Name).Distinct().ToList();
        Assert.Equal(["Read"], methods);
    }

    public void Dispose() => _town.Dispose();
}
