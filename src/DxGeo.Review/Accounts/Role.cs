namespace DxGeo.Review.Accounts;

/// <summary>What an account may do. Stored as the lower-case name in the <c>users.role</c> column.</summary>
public enum Role
{
    /// <summary>Reads the map, the queue and the findings; writes nothing.</summary>
    Viewer,
    /// <summary>Reviews findings (confirm / false alarm, type, severity, box, comment) and adds misses.</summary>
    Inspector,
    /// <summary>An inspector who also resolves disputed findings and exports training labels.</summary>
    Lead,
    /// <summary>Plans flights; reads reviews.</summary>
    Planner,
    /// <summary>Manages accounts and project settings; reads the audit trail.</summary>
    Admin,
}

public static class Roles
{
    public static string ToCode(this Role r) => r.ToString().ToLowerInvariant();

    public static bool TryParse(string? code, out Role role)
    {
        role = default;
        if (string.IsNullOrWhiteSpace(code)) return false;
        foreach (var r in Enum.GetValues<Role>())
            if (string.Equals(r.ToCode(), code.Trim(), StringComparison.OrdinalIgnoreCase)) { role = r; return true; }
        return false;
    }

    public static Role Parse(string code) => TryParse(code, out var r) ? r
        : throw new Core.Errors.InputDataException($"unknown role '{code}' (viewer, inspector, lead, planner, admin)");

    /// <summary>Who may record a review decision or add a missed finding.</summary>
    public static bool CanReview(this Role r) => r is Role.Inspector or Role.Lead;

    /// <summary>Who may settle a disputed finding and export training labels.</summary>
    public static bool CanLead(this Role r) => r == Role.Lead;

    public static bool CanAdminister(this Role r) => r == Role.Admin;
}
