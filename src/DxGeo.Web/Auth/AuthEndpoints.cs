using DxGeo.Review.Accounts;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;

namespace DxGeo.Web.Auth;

/// <summary>
/// <c>/api/auth</c>: CSRF token, login (rate limited per client address; accounts lock after repeated failures),
/// logout and the current account.
/// </summary>
internal static class AuthEndpoints
{
    public const string LoginRateLimit = "login";

    public sealed record LoginRequest(string? UserName, string? Password);

    public static void Map(IEndpointRouteBuilder app)
    {
        var g = app.MapGroup("/api/auth").WithTags("Accounts");
        g.MapGet("/csrf", (HttpContext ctx, IAntiforgery af) =>
        {
            var tokens = af.GetAndStoreTokens(ctx);
            ctx.Response.Headers.CacheControl = "no-store";
            return Results.Json(new { token = tokens.RequestToken, header = WriteGuard.HeaderName });
        }).WithName("csrf").WithSummary("Antiforgery token for state-changing requests (send it in the X-CSRF-TOKEN header)");

        g.MapPost("/login", async (LoginRequest req, HttpContext ctx, AccountStore accounts, ILogger<AccountStore> log) =>
        {
            var result = accounts.VerifyLogin(req.UserName ?? "", req.Password ?? "");
            if (!result.Succeeded)
            {
                log.LogWarning("failed login for {User} from {Address}", req.UserName, ctx.Connection.RemoteIpAddress);
                return Results.Problem(statusCode: 401, title: "Login failed", detail: result.LockedUntil is { } until
                    ? $"too many failed logins: the account is locked until {until:yyyy-MM-dd HH:mm} UTC"
                    : "wrong account name or password");
            }
            var s = result.Session!;
            await ctx.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, CookieSetup.Principal(s));
            log.LogInformation("login {User} ({Role})", s.UserName, s.Role.ToCode());
            return Results.Json(new { userName = s.UserName, role = s.Role.ToCode() });
        }).AddEndpointFilter<WriteGuard>().RequireRateLimiting(LoginRateLimit).AllowAnonymous()
          .WithName("login").WithSummary("Sign in; sets the session cookie");

        g.MapPost("/logout", async (HttpContext ctx) =>
        {
            await ctx.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
            return Results.NoContent();
        }).AddEndpointFilter<WriteGuard>().RequireAuthorization(AuthPolicies.SignedIn).WithName("logout");

        g.MapGet("/me", (HttpContext ctx) =>
        {
            var a = CookieSetup.Actor(ctx.User);
            return Results.Json(new
            {
                userName = a.UserName, role = a.Role.ToCode(),
                canReview = a.Role.CanReview(), canLead = a.Role.CanLead(), canAdminister = a.Role.CanAdminister(),
            });
        }).RequireAuthorization(AuthPolicies.SignedIn).WithName("me").WithSummary("The signed-in account and what it may do");
    }
}
