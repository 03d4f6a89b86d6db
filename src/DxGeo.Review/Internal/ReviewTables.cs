using DxGeo.Core.Features;

namespace DxGeo.Review.Internal;

/// <summary>
/// The review workflow's own tables in the workspace (GeoPackage attribute tables, readable by GDAL like any layer).
/// <c>users</c>, <c>review_decisions</c> and <c>audit_log</c> are private: the web server never lists or serves them.
/// </summary>
internal static class ReviewTables
{
    public const string Users = "users";
    public const string Decisions = "review_decisions";
    public const string Audit = "audit_log";
    public const string Settings = "review_settings";

    /// <summary>Tables the web server must not expose (password hashes, reviewers' comments, the audit trail).</summary>
    public static readonly IReadOnlySet<string> Private = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
        { Users, Decisions, Audit, Settings };

    public static LayerSchema UsersSchema { get; } = new()
    {
        Name = Users, GeometryType = LayerGeometryType.None, IdField = "user_name", Title = "Accounts 利用者",
        Description = "DxGeo accounts: role and ASP.NET Core Identity password hash (never the password)",
        Fields =
        [
            new("user_name", FieldType.Text, false, "Login name"),
            new("role", FieldType.Text, false, "viewer, inspector, lead, planner, admin"),
            new("password_hash", FieldType.Text, false, "ASP.NET Core Identity v3 hash (PBKDF2-HMAC-SHA512)"),
            new("security_stamp", FieldType.Text, false, "Changes with password or role; invalidates open sessions"),
            new("failed_logins", FieldType.Integer, false, "Failed logins since the last success"),
            new("locked_until", FieldType.DateTime, true, "Lockout end (UTC)"),
            new("created_at", FieldType.DateTime, false, "Created (UTC)"),
        ],
    };

    public static LayerSchema DecisionsSchema { get; } = new()
    {
        Name = Decisions, GeometryType = LayerGeometryType.None, IdField = "decision_id", TimeField = "decided_at",
        LookupFields = ["finding_id"],
        Title = "Review decisions 判定記録", Description = "Every reviewer's decision on a finding",
        Fields =
        [
            new("decision_id", FieldType.Text, false, "Decision id"),
            new("finding_id", FieldType.Text, false, "Finding"),
            new("reviewer", FieldType.Text, false, "Account that decided"),
            new("kind", FieldType.Text, false, "review, resolution (lead on a disputed finding) or miss (inspector-added)"),
            new("verdict", FieldType.Text, false, "confirmed or false_alarm"),
            new("damage_type", FieldType.Text, true, "Damage type"),
            new("severity", FieldType.Text, true, "Severity"),
            new("comment", FieldType.Text, true, "Comment"),
            new("decided_at", FieldType.DateTime, false, "When (UTC)"),
        ],
    };

    public static LayerSchema AuditSchema { get; } = new()
    {
        Name = Audit, GeometryType = LayerGeometryType.None, TimeField = "at",
        Title = "Audit trail 監査記録", Description = "Append-only record of every change: who, when, what, before and after",
        Fields =
        [
            new("at", FieldType.DateTime, false, "When (UTC)"),
            new("user_name", FieldType.Text, false, "Who"),
            new("role", FieldType.Text, false, "Their role then"),
            new("action", FieldType.Text, false, "What, e.g. finding.confirm, user.add"),
            new("entity", FieldType.Text, false, "Table changed"),
            new("entity_id", FieldType.Text, false, "Id of the row changed"),
            new("before_json", FieldType.Text, true, "State before (JSON)"),
            new("after_json", FieldType.Text, true, "State after (JSON)"),
        ],
    };

    public static LayerSchema SettingsSchema { get; } = new()
    {
        Name = Settings, GeometryType = LayerGeometryType.None, IdField = "key", Title = "Review settings",
        Description = "Per-project review settings",
        Fields = [new("key", FieldType.Text, false, "Setting"), new("value", FieldType.Text, false, "Value")],
    };
}
