using DxGeo.Review.Images;
using DxGeo.Web.Auth;

namespace DxGeo.Web.Review;

/// <summary>
/// <c>/api/review/images/{imageId}</c> (full resolution, range requests) and <c>…/thumb</c>: the file is looked up by
/// image id in the workspace (ImageRows, as the map's /api/images); the URL never carries a path, and an id that is not
/// the ingest's SHA-256 hex is refused outright.
/// </summary>
internal static class ImageEndpoints
{
    public static void Map(IEndpointRouteBuilder app)
    {
        var g = app.MapGroup("/api/review/images").WithTags("Review").RequireAuthorization(AuthPolicies.SignedIn);
        g.MapGet("/{imageId}", (string imageId, ImageFiles images, HttpContext ctx) =>
        {
            if (!ImageFiles.IsWellFormedId(imageId)) return BadId(ctx, imageId);
            var file = images.FullResolution(imageId);
            if (file.Path is null) return NotFound(ctx, imageId);
            ctx.Response.Headers.CacheControl = "private, max-age=86400";
            return Results.File(file.Path, file.ContentType, enableRangeProcessing: true);
        }).WithName("review-image").WithSummary("The photo at full resolution");
        g.MapGet("/{imageId}/thumb", (string imageId, ImageFiles images, HttpContext ctx) =>
        {
            if (!ImageFiles.IsWellFormedId(imageId)) return BadId(ctx, imageId);
            var bytes = images.Thumbnail(imageId);
            if (bytes is null) return NotFound(ctx, imageId);
            ctx.Response.Headers.CacheControl = "private, max-age=86400";
            return Results.Bytes(bytes, "image/jpeg");
        }).WithName("review-thumbnail").WithSummary("A small JPEG of the photo (≤ 320 px)");
    }

    private static IResult BadId(HttpContext ctx, string id) => Results.Problem(statusCode: 400, title: "Bad image id",
        detail: "an image id is the hexadecimal hash from the images layer", instance: ctx.Request.Path);

    private static IResult NotFound(HttpContext ctx, string id) => Results.Problem(statusCode: 404, title: "Not found",
        detail: $"no image '{id}' in the workspace (or its file is gone)", instance: ctx.Request.Path);
}
