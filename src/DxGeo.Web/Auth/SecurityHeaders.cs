namespace DxGeo.Web.Auth;

/// <summary>
/// Security headers on every response: a Content Security Policy that allows only our own scripts and connections
/// (images also from https base maps and data: URIs of reports), no framing by anyone (clickjacking), no MIME sniffing,
/// and no referrer to other sites.
/// </summary>
internal sealed class SecurityHeaders(RequestDelegate next)
{
    public const string Csp = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob: https:; "
        + "connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    public Task InvokeAsync(HttpContext ctx)
    {
        ctx.Response.OnStarting(() =>
        {
            var h = ctx.Response.Headers;
            h.ContentSecurityPolicy = Csp;
            h.XFrameOptions = "DENY";
            h.XContentTypeOptions = "nosniff";
            h["Referrer-Policy"] = "same-origin";
            h["Cross-Origin-Opener-Policy"] = "same-origin";
            return Task.CompletedTask;
        });
        return next(ctx);
    }
}
