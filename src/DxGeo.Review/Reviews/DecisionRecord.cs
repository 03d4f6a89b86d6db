using DxGeo.Core.Features;
using DxGeo.Core.Workspace;
using DxGeo.Review.Internal;

namespace DxGeo.Review.Reviews;

/// <summary>One reviewer's recorded decision on a finding (<c>review_decisions</c>).</summary>
/// <param name="Kind"><c>review</c>, <c>resolution</c> (a lead settling a dispute) or <c>miss</c> (an inspector adding a finding).</param>
public sealed record DecisionRecord(string DecisionId, string FindingId, string Reviewer, string Kind, Verdict Verdict,
    string? DamageType, string? Severity, string? Comment, DateTimeOffset DecidedAt)
{
    private static LayerSchema S => ReviewTables.DecisionsSchema;

    internal static DecisionRecord From(FeatureRecord r) => new(r.Text(S, "decision_id")!, r.Text(S, "finding_id")!,
        r.Text(S, "reviewer")!, r.Text(S, "kind")!, Verdicts.Parse(r.Text(S, "verdict")!), r.Text(S, "damage_type"),
        r.Text(S, "severity"), r.Text(S, "comment"), r.Time(S, "decided_at") ?? default);

    internal FeatureRecord ToRecord() => FeatureRecord.Create(S, null, ("decision_id", DecisionId), ("finding_id", FindingId),
        ("reviewer", Reviewer), ("kind", Kind), ("verdict", Verdict.ToCode()), ("damage_type", DamageType), ("severity", Severity),
        ("comment", Comment), ("decided_at", DecidedAt));

    /// <summary>Decisions on one finding, oldest first.</summary>
    public static IReadOnlyList<DecisionRecord> For(ReviewStore store, string findingId) => !store.Has(S.Name) ? [] :
        store.Workspace.Read(S.Name, new FeatureQuery { AttributeEquals = new Dictionary<string, object?> { ["finding_id"] = findingId } })
            .Select(From).ToList();

    /// <summary>Every decision, grouped by finding (oldest first within each).</summary>
    public static ILookup<string, DecisionRecord> All(ReviewStore store) => !store.Has(S.Name)
        ? Array.Empty<DecisionRecord>().ToLookup(d => d.FindingId)
        : store.Workspace.Read(S.Name).Select(From).ToLookup(d => d.FindingId, StringComparer.Ordinal);
}
