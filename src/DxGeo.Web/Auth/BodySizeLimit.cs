using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Options;

namespace DxGeo.Web.Auth;

/// <summary>
/// Refuses a request body larger than <see cref="ReviewWebOptions.MaxBodyBytes"/> with 413 before anything reads it:
/// by its Content-Length at once, and for bodies without one (chunked) through the server's body size limit. Applies
/// to every state-changing request, since the only uploads the server takes are small JSON decisions.
/// </summary>
internal sealed class BodySizeLimit(RequestDelegate next, IOptions<ReviewWebOptions> options)
{
    public Task InvokeAsync(HttpContext ctx)
    {
        if (HttpMethods.IsGet(ctx.Request.Method) || HttpMethods.IsHead(ctx.Request.Method) || HttpMethods.IsOptions(ctx.Request.Method))
            return next(ctx);
        var max = options.Value.MaxBodyBytes;
        if (ctx.Request.ContentLength > max)
            return Internal.ProblemMiddleware.Write(ctx, StatusCodes.Status413PayloadTooLarge, "Payload too large",
                $"the request body has {ctx.Request.ContentLength} bytes; at most {max} are accepted");
        if (ctx.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit) limit.MaxRequestBodySize = max;
        return next(ctx);
    }
}
