using System.Threading.RateLimiting;
using DxGeo.Core.Workspace;
using DxGeo.Review;
using DxGeo.Review.Accounts;
using DxGeo.Review.Images;
using DxGeo.Web.Auth;
using DxGeo.Web.Review.Internal;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.Extensions.Options;

namespace DxGeo.Web.Review;

/// <summary>
/// Wires accounts, security and the review workflow into the web server: <see cref="AddDxGeoReview"/> for services,
/// <see cref="UseDxGeoReview"/> for the middleware and endpoints, <see cref="PublicView"/> for what the public
/// read-only endpoints may see.
/// </summary>
public static class ReviewSetup
{
    public static IServiceCollection AddDxGeoReview(this IServiceCollection services, IWorkspace workspace)
    {
        services.AddOptions<ReviewWebOptions>();
        services.AddSingleton(sp => new ReviewStore(workspace));
        services.AddSingleton(sp => new AccountStore(sp.GetRequiredService<ReviewStore>()));
        services.AddSingleton(sp => new ImageFiles(sp.GetRequiredService<ReviewStore>()));
        services.AddAuthentication(CookieAuthenticationDefaults.AuthenticationScheme).AddCookie();
        services.AddOptions<CookieAuthenticationOptions>(CookieAuthenticationDefaults.AuthenticationScheme)
            .Configure<IOptions<ReviewWebOptions>>((o, r) => CookieSetup.Configure(o, r.Value));
        services.AddAuthorization(AuthPolicies.Add);
        services.AddAntiforgery();
        services.AddOptions<AntiforgeryOptions>().Configure<IOptions<ReviewWebOptions>>((o, r) =>
        {
            o.HeaderName = WriteGuard.HeaderName;
            o.Cookie.Name = WriteGuard.CookieName;
            o.Cookie.SameSite = SameSiteMode.Strict;
            o.Cookie.HttpOnly = true;
            o.Cookie.SecurePolicy = r.Value.RequireHttpsCookies ? CookieSecurePolicy.Always : CookieSecurePolicy.SameAsRequest;
        });
        services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.AddPolicy(AuthEndpoints.LoginRateLimit, ctx => RateLimitPartition.GetFixedWindowLimiter(
                ctx.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                _ => new FixedWindowRateLimiterOptions
                {
                    PermitLimit = ctx.RequestServices.GetRequiredService<IOptions<ReviewWebOptions>>().Value.LoginAttemptsPerMinute,
                    Window = TimeSpan.FromMinutes(1), QueueLimit = 0,
                }));
        });
        return services;
    }

    /// <summary>Security headers, sessions, roles and login rate limits, then the accounts and review endpoints.</summary>
    public static WebApplication UseDxGeoReview(this WebApplication app)
    {
        app.UseMiddleware<SecurityHeaders>();
        app.UseMiddleware<BodySizeLimit>();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseRateLimiter();
        AuthEndpoints.Map(app);
        ReviewEndpoints.Map(app);
        ImageEndpoints.Map(app);
        ExportEndpoints.Map(app);
        return app;
    }

    /// <summary>The workspace without the review workflow's private tables, read-only: what public endpoints serve.</summary>
    public static IWorkspace PublicView(IWorkspace workspace) => new PublicWorkspace(workspace);
}
