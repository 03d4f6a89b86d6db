namespace DxGeo.Review.Audit;

/// <summary>One line of the audit trail: who did what to which row, when, with the row's state before and after (JSON).</summary>
public sealed record AuditEntry(long Sequence, DateTimeOffset At, string UserName, string Role, string Action,
    string Entity, string EntityId, string? BeforeJson, string? AfterJson);
