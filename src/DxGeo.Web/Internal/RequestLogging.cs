using System.Diagnostics;

namespace DxGeo.Web.Internal;

/// <summary>One structured log line per request: method, path, status, bytes and elapsed milliseconds.</summary>
internal sealed class RequestLogging(RequestDelegate next, ILogger<RequestLogging> log)
{
    public async Task InvokeAsync(HttpContext ctx)
    {
        var start = Stopwatch.GetTimestamp();
        try
        {
            await next(ctx);
        }
        finally
        {
            log.LogInformation("HTTP {Method} {Path}{Query} -> {Status} {Bytes} B in {ElapsedMs:F1} ms",
                ctx.Request.Method, ctx.Request.Path.Value, ctx.Request.QueryString.Value, ctx.Response.StatusCode,
                ctx.Response.ContentLength, Stopwatch.GetElapsedTime(start).TotalMilliseconds);
        }
    }
}
