using Microsoft.AspNetCore.Antiforgery;

namespace DxGeo.Web.Auth;

/// <summary>
/// Runs before every state-changing endpoint (after authentication and role checks; <see cref="BodySizeLimit"/> has
/// already refused large bodies): refuses a request without a valid antiforgery token (header <see cref="HeaderName"/>,
/// paired with its cookie) with 400, since a cookie session alone would let another site post on the user's behalf.
/// </summary>
internal sealed class WriteGuard(IAntiforgery antiforgery) : IEndpointFilter
{
    public const string HeaderName = "X-CSRF-TOKEN";
    public const string CookieName = "dxgeo.csrf";

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var ctx = context.HttpContext;
        try { await antiforgery.ValidateRequestAsync(ctx); }
        catch (AntiforgeryValidationException)
        {
            return Problem(ctx, 400, "Missing or invalid CSRF token",
                $"state-changing requests need the {HeaderName} header from GET /api/auth/csrf");
        }
        return await next(context);
    }

    private static IResult Problem(HttpContext ctx, int status, string title, string detail) =>
        Results.Problem(statusCode: status, title: title, detail: detail, instance: ctx.Request.Path);
}
