using DxGeo.Core.Features;
using DxGeo.Core.Workspace;

namespace DxGeo.Imagery.Images;

/// <summary>
/// Looks an ingested photo up by its image id: the one way the web map and the review page find a photo's files.
/// Both check ids with <see cref="IsWellFormedId"/> and take files from <see cref="FindFile"/>, so a URL never
/// carries a path and both serve exactly the same files.
/// </summary>
public static class ImageRows
{
    private static readonly Dictionary<string, string> Types = new(StringComparer.OrdinalIgnoreCase)
    {
        [".jpg"] = "image/jpeg", [".jpeg"] = "image/jpeg", [".png"] = "image/png", [".webp"] = "image/webp", [".tif"] = "image/tiff", [".tiff"] = "image/tiff",
    };

    /// <summary>An id as ingest writes it: the file's SHA-256, 64 lower-case hex characters (checked before any lookup).</summary>
    public static bool IsWellFormedId(string? imageId) =>
        imageId is { Length: 64 } && imageId.All(c => c is >= '0' and <= '9' or >= 'a' and <= 'f');

    /// <summary>The <c>images</c> row of <paramref name="imageId"/>, or null when there is no such image (or no images layer).</summary>
    public static FeatureRecord? Find(IWorkspace workspace, string imageId)
    {
        if (workspace.FindLayer(ImagesLayer.Name) is null) return null;
        return workspace.Read(ImagesLayer.Name, new FeatureQuery
        {
            AttributeEquals = new Dictionary<string, object?> { ["image_id"] = imageId }, Limit = 1,
        }).FirstOrDefault();
    }

    /// <summary>
    /// The file the row of <paramref name="imageId"/> names in <paramref name="field"/> (<c>path</c> or
    /// <c>thumb_path</c>) when it is an absolute path to an existing file of an image type (.jpg .jpeg .png .webp .tif
    /// .tiff); otherwise <see cref="ImageFile.Path"/> is null and <see cref="ImageFile.Problem"/> says why.
    /// </summary>
    public static ImageFile FindFile(IWorkspace workspace, string imageId, string field)
    {
        if (!IsWellFormedId(imageId)) return ImageFile.Missing($"'{imageId}' is not an image id (SHA-256, 64 lower-case hex characters)");
        if (Find(workspace, imageId) is not { } row) return ImageFile.Missing($"no image '{imageId}'");
        var i = ImagesLayer.Schema.IndexOf(field);
        if (i < 0 || i >= row.Values.Length || row.Values[i] is not string path || path.Length == 0)
            return ImageFile.Missing($"image '{imageId}' has no {field}");
        if (!Path.IsPathFullyQualified(path) || !Types.TryGetValue(Path.GetExtension(path), out var type))
            return ImageFile.Missing($"image '{imageId}': its {field} is not an absolute image file path");
        if (!File.Exists(path)) return ImageFile.Missing($"image '{imageId}': the file is no longer there");
        return new ImageFile(path, type, null);
    }
}

/// <summary>A photo's file and MIME type, or (Path null) why there is none to send.</summary>
public readonly record struct ImageFile(string? Path, string? ContentType, string? Problem)
{
    internal static ImageFile Missing(string why) => new(null, null, why);
}
