using DxGeo.Imagery.Images;
using DxGeo.Web.Internal;

namespace DxGeo.Web.Imagery;

/// <summary>
/// <c>/api/images/{imageId}</c> and <c>/api/images/{imageId}/thumb</c>: a photo or its thumbnail, streamed from the
/// file the workspace's <c>images</c> layer names for that image_id (path / thumb_path). Nothing from the URL is ever
/// used as a path: the id must be a SHA-256 hex string and is looked up in the layer; only image files are sent.
/// </summary>
internal static class ImageEndpoints
{
    public static void Map(IEndpointRouteBuilder app)
    {
        app.MapGet("/api/images/{imageId}", (string imageId, ServedWorkspace ws) => Send(ws, imageId, "path"))
           .WithTags("Imagery").WithName("image").WithSummary("The photo of an image_id (from the images layer)").ProducesProblem(400).ProducesProblem(404);
        app.MapGet("/api/images/{imageId}/thumb", (string imageId, ServedWorkspace ws) => Send(ws, imageId, "thumb_path"))
           .WithTags("Imagery").WithName("imageThumb").WithSummary("The thumbnail of an image_id").ProducesProblem(400).ProducesProblem(404);
    }

    private static IResult Send(ServedWorkspace ws, string imageId, string field)
    {
        // The same id rule and file lookup as the review page's image endpoints (ImageRows).
        if (!ImageRows.IsWellFormedId(imageId))
            throw ProblemException.BadRequest("imageId must be the image's SHA-256 (64 lower-case hex characters)");
        if (ws.Workspace.FindLayer(ImagesLayer.Name) is null)
            throw ProblemException.NotFound("the workspace has no images layer");
        var file = ImageRows.FindFile(ws.Workspace, imageId, field);
        if (file.Path is null) throw ProblemException.NotFound(file.Problem!);
        return Results.File(file.Path, file.ContentType, enableRangeProcessing: true);
    }
}
