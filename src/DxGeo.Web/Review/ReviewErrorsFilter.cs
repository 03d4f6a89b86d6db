using DxGeo.Core.Errors;
using DxGeo.Review.Reviews;

namespace DxGeo.Web.Review;

/// <summary>Review errors as HTTP: role not allowed 403, unknown id 404, stale version or broken rule 409 (with the
/// current version so the client can reload), bad values 400.</summary>
internal sealed class ReviewErrorsFilter : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var path = context.HttpContext.Request.Path.Value;
        try { return await next(context); }
        catch (ConcurrencyConflictException e)
        {
            return Results.Problem(statusCode: 409, title: "Edit conflict", detail: e.Message, instance: path,
                extensions: new Dictionary<string, object?> { ["findingId"] = e.FindingId, ["currentVersion"] = e.ActualVersion });
        }
        catch (ReviewRuleException e) { return Results.Problem(statusCode: 409, title: "Not allowed now", detail: e.Message, instance: path); }
        catch (ReviewForbiddenException e) { return Results.Problem(statusCode: 403, title: "Forbidden", detail: e.Message, instance: path); }
        catch (ReviewNotFoundException e) { return Results.Problem(statusCode: 404, title: "Not found", detail: e.Message, instance: path); }
        catch (DxGeoException e) { return Results.Problem(statusCode: 400, title: "Bad request", detail: e.Message, instance: path); }
    }
}
