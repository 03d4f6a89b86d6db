using DxGeo.Core.Features;
using System.Text.Json;
using DxGeo.Core.Workspace;
using DxGeo.Review.Accounts;
using DxGeo.Review.Internal;

namespace DxGeo.Review.Audit;

/// <summary>
/// The append-only audit trail (<c>audit_log</c>). Entries are appended inside the same write as the change they
/// record, so a change and its audit line commit or roll back together. There is deliberately no API to update or
/// delete an entry; the web server does not expose the table.
/// </summary>
public static class AuditTrail
{
    private static readonly JsonSerializerOptions JsonOptions = new() { WriteIndented = false };

    internal static void Append(IWorkspaceWrite w, DateTimeOffset at, Actor actor, string action, string entity, string entityId,
        object? before, object? after)
    {
        var s = ReviewTables.AuditSchema;
        w.Insert(s.Name, FeatureRecord.Create(s, null,
            ("at", at), ("user_name", actor.UserName), ("role", actor.Role.ToCode()), ("action", action),
            ("entity", entity), ("entity_id", entityId),
            ("before_json", before is null ? null : JsonSerializer.Serialize(before, JsonOptions)),
            ("after_json", after is null ? null : JsonSerializer.Serialize(after, JsonOptions))));
    }

    /// <summary>The trail in the order it was written, optionally only the entries about one row.</summary>
    public static IReadOnlyList<AuditEntry> Read(ReviewStore store, string? entityId = null, long offset = 0, long? limit = null)
    {
        var s = ReviewTables.AuditSchema;
        if (!store.Has(s.Name)) return [];
        var q = new FeatureQuery
        {
            AttributeEquals = entityId is null ? null : new Dictionary<string, object?> { ["entity_id"] = entityId },
            Offset = offset, Limit = limit,
        };
        return store.Workspace.Read(s.Name, q).Select(r => new AuditEntry(r.Fid ?? 0, r.Time(s, "at") ?? default,
            r.Text(s, "user_name") ?? "", r.Text(s, "role") ?? "", r.Text(s, "action") ?? "", r.Text(s, "entity") ?? "",
            r.Text(s, "entity_id") ?? "", r.Text(s, "before_json"), r.Text(s, "after_json"))).ToList();
    }
}
