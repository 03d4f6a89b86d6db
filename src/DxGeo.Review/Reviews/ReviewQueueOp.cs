using DxGeo.Core.Errors;
using DxGeo.Core.Workspace;
using DxGeo.Imagery.Findings;

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

/// <summary>The review queue: findings ordered by score (highest first, then oldest), filtered, with counts per status.</summary>
public static class ReviewQueueOp
{
    public const int MaxLimit = 500;

    public static QueuePage Run(ReviewStore store, QueueFilter filter)
    {
        if (filter.Limit is < 1 or > MaxLimit) throw new InputDataException($"limit {filter.Limit} must be 1–{MaxLimit}", field: "limit");
        if (filter.Offset < 0) throw new InputDataException($"offset {filter.Offset} is negative", field: "offset");
        var counts = Enum.GetValues<FindingStatus>().ToDictionary(s => s.ToCode(), _ => 0L);
        if (store.Workspace.FindLayer(FindingsLayer.Name) is null) return new QueuePage(0, counts, []);

        var eq = new Dictionary<string, object?>();
        if (filter.AssetLayer is { Length: > 0 } al) eq["asset_layer"] = al;
        if (filter.AssetId is { Length: > 0 } ai) eq["asset_id"] = ai;
        if (filter.FlightId is { Length: > 0 } fl) eq["flight_id"] = fl;
        if (filter.DamageType is { Length: > 0 } dt) eq["damage_type"] = dt;
        var rows = store.Workspace.Read(FindingsLayer.Name, new FeatureQuery
        {
            AttributeEquals = eq.Count == 0 ? null : eq, TimeFrom = filter.From, TimeTo = filter.To,
        }).Select(FindingView.From).ToList();

        foreach (var f in rows) counts[f.Status.ToCode()]++;
        var matching = filter.Status is { } st ? rows.Where(f => f.Status == st).ToList() : rows;
        matching.Sort((a, b) => b.Score != a.Score ? b.Score.CompareTo(a.Score) : a.Fid.CompareTo(b.Fid));
        var page = matching.Skip(filter.Offset).Take(filter.Limit).ToList();

        var decisions = page.Count == 0 ? null : DecisionRecord.All(store);
        var items = page.Select(f =>
        {
            var reviews = decisions![f.FindingId].Where(d => d.Kind is "review" or "miss").ToList();
            return new QueueItem(f, reviews.Count, reviews.Select(d => d.Reviewer).ToList());
        }).ToList();
        return new QueuePage(matching.Count, counts, items);
    }
}
