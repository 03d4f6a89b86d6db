using DxGeo.Core.Errors;
using DxGeo.Core.Workspace;
using DxGeo.Imagery.Findings;
using DxGeo.Review.Internal;

namespace DxGeo.Review.Reviews;

/// <summary>Filters of the review queue; all optional, combined with AND. Dates apply to when the finding was raised.</summary>
public sealed record QueueFilter
{
    public string? AssetLayer { get; init; }
    public string? AssetId { get; init; }
    public string? FlightId { get; init; }
    public string? DamageType { get; init; }
    public FindingStatus? Status { get; init; }
    public DateTimeOffset? From { get; init; }
    public DateTimeOffset? To { get; init; }
    public int Offset { get; init; }
    public int Limit { get; init; } = 50;
}

/// <summary>A queue entry: the finding and, in two-reviewer mode, whether one review is already in (not whose or which way).</summary>
public sealed record QueueItem(FindingView Finding, int Reviews, IReadOnlyList<string> Reviewers);

/// <summary>One page of the queue, the number matching the filters, and counts per status under the other filters.</summary>
public sealed record QueuePage(long Total, IReadOnlyDictionary<string, long> CountsByStatus, IReadOnlyList<QueueItem> Items);

/// <summary>
/// The review queue: findings ordered by score (highest first, then oldest), filtered, with counts per status.
/// All findings and decisions are read once and kept until anything is committed to the workspace (by any process),
/// since the workspace interface has no index or sort on these columns and a campaign has tens of thousands.
/// </summary>
public static class ReviewQueueOp
{
    internal sealed record Snapshot(string Stamp, List<FindingView> Findings, ILookup<string, DecisionRecord> Decisions);

    public const int MaxLimit = 500;

    public static QueuePage Run(ReviewStore store, QueueFilter filter)
    {
        if (filter.Limit is < 1 or > MaxLimit) throw new InputDataException($"limit {filter.Limit} must be 1–{MaxLimit}", field: "limit");
        if (filter.Offset < 0) throw new InputDataException($"offset {filter.Offset} is negative", field: "offset");
        var counts = Enum.GetValues<FindingStatus>().ToDictionary(s => s.ToCode(), _ => 0L);
        if (store.Workspace.FindLayer(FindingsLayer.Name) is null) return new QueuePage(0, counts, []);

        var snap = Load(store);
        static bool Is(string? want, string? have) => want is not { Length: > 0 } || want == have;
        var rows = snap.Findings.Where(f => Is(filter.AssetLayer, f.AssetLayer) && Is(filter.AssetId, f.AssetId) && Is(filter.FlightId, f.FlightId)
            && Is(filter.DamageType, f.DamageType) && (filter.From is null || f.CreatedAt >= filter.From) && (filter.To is null || f.CreatedAt <= filter.To)).ToList();

        foreach (var f in rows) counts[f.Status.ToCode()]++;
        var matching = filter.Status is { } st ? rows.Where(f => f.Status == st).ToList() : rows;
        matching.Sort((a, b) => b.Score != a.Score ? b.Score.CompareTo(a.Score) : a.Fid.CompareTo(b.Fid));
        var page = matching.Skip(filter.Offset).Take(filter.Limit).ToList();

        var items = page.Select(f =>
        {
            var reviews = snap.Decisions[f.FindingId].Where(d => d.Kind is "review" or "miss").ToList();
            return new QueueItem(f, reviews.Count, reviews.Select(d => d.Reviewer).ToList());
        }).ToList();
        return new QueuePage(matching.Count, counts, items);
    }

    private static Snapshot Load(ReviewStore store)
    {
        var stamp = WorkspaceStamp.Of(store.Workspace.Location);
        if (stamp is not null && store.QueueCache is Snapshot s && s.Stamp == stamp) return s;
        var snap = new Snapshot(stamp ?? "", store.Workspace.Read(FindingsLayer.Name).Select(FindingView.From).ToList(), DecisionRecord.All(store));
        // Only cache what was read under an unchanged stamp: a commit during the read makes it stale at once.
        if (stamp is not null && WorkspaceStamp.Of(store.Workspace.Location) == stamp) store.QueueCache = snap;
        return snap;
    }
}
