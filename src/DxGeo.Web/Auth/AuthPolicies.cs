using DxGeo.Review.Accounts;

namespace DxGeo.Web.Auth;

/// <summary>Authorization policies by role. Anonymous callers get 401, signed-in callers with the wrong role 403.</summary>
internal static class AuthPolicies
{
    public const string SignedIn = "signed-in";
    public const string Reviewer = "reviewer";
    public const string Lead = "lead";
    public const string LeadOrAdmin = "lead-or-admin";
    public const string Admin = "admin";

    public static void Add(Microsoft.AspNetCore.Authorization.AuthorizationOptions o)
    {
        o.AddPolicy(SignedIn, p => p.RequireAuthenticatedUser());
        o.AddPolicy(Reviewer, p => p.RequireRole(Role.Inspector.ToCode(), Role.Lead.ToCode()));
        o.AddPolicy(Lead, p => p.RequireRole(Role.Lead.ToCode()));
        o.AddPolicy(LeadOrAdmin, p => p.RequireRole(Role.Lead.ToCode(), Role.Admin.ToCode()));
        o.AddPolicy(Admin, p => p.RequireRole(Role.Admin.ToCode()));
    }
}
