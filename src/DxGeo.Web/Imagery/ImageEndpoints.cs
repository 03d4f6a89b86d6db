using System.Text.RegularExpressions;
using DxGeo.Core.Workspace;
using DxGeo.Imagery.Images;
using DxGeo.Web.Internal;

namespace DxGeo.Web.Imagery;

/// <summary>
/// <c>/api/images/{imageId}</c> and <c>/api/images/{imageId}/thumb</c>: a photo or its thumbnail, streamed from the
/// file the workspace's <c>images</c> layer names for that image_id (path / thumb_path). Nothing from the URL is ever
/// used as a path: the id must be a SHA-256 hex string and is looked up in the layer; only image files are sent.
/// </summary>
internal static partial class ImageEndpoints
{
    private static readonly Dictionary<string, string> Types = new(StringComparer.OrdinalIgnoreCase)
    {
        [".jpg"] = "image/jpeg", [".jpeg"] = "image/jpeg", [".png"] = "image/png", [".webp"] = "image/webp", [".tif"] = "image/tiff", [".tiff"] = "image/tiff",
    };

    [GeneratedRegex("^[0-9a-f]{64}$")]
    private static partial Regex Sha256Hex();

    public static void Map(IEndpointRouteBuilder app)
    {
        app.MapGet("/api/images/{imageId}", (string imageId, ServedWorkspace ws) => Send(ws, imageId, "path"))
           .WithTags("Imagery").WithName("image").WithSummary("The photo of an image_id (from the images layer)").ProducesProblem(400).ProducesProblem(404);
        app.MapGet("/api/images/{imageId}/thumb", (string imageId, ServedWorkspace ws) => Send(ws, imageId, "thumb_path"))
           .WithTags("Imagery").WithName("imageThumb").WithSummary("The thumbnail of an image_id").ProducesProblem(400).ProducesProblem(404);
    }

    private static IResult Send(ServedWorkspace ws, string imageId, string field)
    {
        if (!Sha256Hex().IsMatch(imageId))
            throw ProblemException.BadRequest("imageId must be the image's SHA-256 (64 lower-case hex characters)");
        if (ws.Workspace.FindLayer(ImagesLayer.Name) is not { } info)
            throw ProblemException.NotFound("the workspace has no images layer");
        var record = ImageRows.Find(ws.Workspace, imageId) ?? throw ProblemException.NotFound($"no image '{imageId}'");
        var i = info.Schema.IndexOf(field);
        if (i < 0 || record.Values[i] is not string path || path.Length == 0)
            throw ProblemException.NotFound($"image '{imageId}' has no {field}");
        // The layer names absolute files; anything else (relative, or not an image type) is not served.
        if (!Path.IsPathFullyQualified(path) || !Types.TryGetValue(Path.GetExtension(path), out var type))
            throw ProblemException.NotFound($"image '{imageId}': its {field} is not an absolute image file path");
        if (!File.Exists(path)) throw ProblemException.NotFound($"image '{imageId}': the file is no longer there");
        return Results.File(path, type, enableRangeProcessing: true);
    }
}
