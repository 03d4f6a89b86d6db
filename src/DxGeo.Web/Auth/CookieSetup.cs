using System.Security.Claims;
using DxGeo.Review.Accounts;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;

namespace DxGeo.Web.Auth;

/// <summary>
/// Cookie sessions: HttpOnly, SameSite=Strict, Secure whenever the request is HTTPS (always, with
/// <see cref="ReviewWebOptions.RequireHttpsCookies"/>), 8 h sliding. The API answers 401/403 instead of redirecting, and
/// every request re-checks the account: a removed account, a new password or a new role ends the session.
/// </summary>
internal static class CookieSetup
{
    public const string CookieName = "dxgeo.session";
    public const string StampClaim = "dxgeo:stamp";

    public static void Configure(CookieAuthenticationOptions o, ReviewWebOptions options)
    {
        o.Cookie.Name = CookieName;
        o.Cookie.HttpOnly = true;
        o.Cookie.SameSite = SameSiteMode.Strict;
        o.Cookie.SecurePolicy = options.RequireHttpsCookies ? CookieSecurePolicy.Always : CookieSecurePolicy.SameAsRequest;
        o.ExpireTimeSpan = TimeSpan.FromHours(8);
        o.SlidingExpiration = true;
        o.Events.OnRedirectToLogin = ctx => { ctx.Response.StatusCode = StatusCodes.Status401Unauthorized; return Task.CompletedTask; };
        o.Events.OnRedirectToAccessDenied = ctx => { ctx.Response.StatusCode = StatusCodes.Status403Forbidden; return Task.CompletedTask; };
        o.Events.OnValidatePrincipal = async ctx =>
        {
            var accounts = ctx.HttpContext.RequestServices.GetRequiredService<AccountStore>();
            var principal = ctx.Principal;
            var name = principal?.Identity?.Name;
            var session = name is null ? null : accounts.Session(name);
            if (principal is null || session is null || session.SecurityStamp != principal.FindFirstValue(StampClaim)
                || !principal.IsInRole(session.Role.ToCode()))
            {
                ctx.RejectPrincipal();
                await ctx.HttpContext.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
            }
        };
    }

    public static ClaimsPrincipal Principal(SessionCheck s) => new(new ClaimsIdentity(
        [new Claim(ClaimTypes.Name, s.UserName), new Claim(ClaimTypes.Role, s.Role.ToCode()), new Claim(StampClaim, s.SecurityStamp)],
        CookieAuthenticationDefaults.AuthenticationScheme));

    /// <summary>The signed-in account as the domain's actor.</summary>
    public static Actor Actor(ClaimsPrincipal user) => new(user.Identity?.Name ?? throw new InvalidOperationException("not signed in"),
        Roles.Parse(user.FindFirstValue(ClaimTypes.Role) ?? ""));
}
