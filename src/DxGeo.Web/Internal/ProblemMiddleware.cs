using System.Text.Json;
using DxGeo.Core.Errors;

namespace DxGeo.Web.Internal;

/// <summary>
/// Turns request errors into RFC 9457 problem details (application/problem+json): our <see cref="ProblemException"/>s
/// and the core's <see cref="DxGeoException"/> (e.g. a filter on a field the layer lacks) are the client's fault (4xx);
/// anything else is a 500 whose detail is logged, not sent.
/// </summary>
internal sealed class ProblemMiddleware(RequestDelegate next, ILogger<ProblemMiddleware> log)
{
    public async Task InvokeAsync(HttpContext ctx)
    {
        try
        {
            await next(ctx);
        }
        catch (ProblemException e) when (!ctx.Response.HasStarted)
        {
            await Write(ctx, e.Status, e.Title, e.Message);
        }
        catch (DxGeoException e) when (!ctx.Response.HasStarted)
        {
            await Write(ctx, 400, "Bad request", e.Message);
        }
        catch (OperationCanceledException) when (ctx.RequestAborted.IsCancellationRequested)
        {
            // The client went away; nothing to answer.
        }
        catch (Exception e) when (!ctx.Response.HasStarted)
        {
            log.LogError(e, "Unhandled error on {Method} {Path}", ctx.Request.Method, ctx.Request.Path);
            await Write(ctx, 500, "Internal server error", "The server failed to answer this request; see the server log.");
        }
    }

    public static Task Write(HttpContext ctx, int status, string title, string detail)
    {
        ctx.Response.Clear();
        ctx.Response.StatusCode = status;
        ctx.Response.ContentType = "application/problem+json; charset=utf-8";
        var body = new Dictionary<string, object?>
        {
            ["type"] = "about:blank",
            ["title"] = title,
            ["status"] = status,
            ["detail"] = detail,
            ["instance"] = ctx.Request.Path.Value,
        };
        return ctx.Response.WriteAsync(JsonSerializer.Serialize(body, Json.Options), ctx.RequestAborted);
    }
}
