using System.Collections.Concurrent;
using DxGeo.Core.Features;
using DxGeo.Core.Workspace;
using DxGeo.Imagery.Images;
using DxGeo.Imagery.Thumbnails;
using DxGeo.Review.Internal;
using DxGeo.Review.Reviews;

namespace DxGeo.Review.Images;

/// <summary>
/// Photos by image id only: the file is the one the workspace's <c>images</c> row names, never a path from a request.
/// Ids are the ingest's SHA-256 (hex); anything else is refused before the workspace is asked. Thumbnails come from the
/// ingest's thumbnail file when there is one, else are decoded at reduced scale and kept in memory.
/// </summary>
public sealed class ImageFiles(ReviewStore store)
{
    public const int ThumbnailMaxPx = 320;
    private readonly ConcurrentDictionary<string, byte[]> _thumbs = new(StringComparer.Ordinal);

    /// <summary>The ingest's SHA-256 hex id; the one rule the review page and the web map share (<see cref="ImageRows"/>).</summary>
    public static bool IsWellFormedId(string? imageId) => ImageRows.IsWellFormedId(imageId);

    private static LayerSchema S => ImagesLayer.Schema;

    public ReviewImage? Find(string imageId) =>
        IsWellFormedId(imageId) && ImageRows.Find(store.Workspace, imageId) is { } r ? ToImage(r) : null;

    /// <summary>The photo's file and type (<see cref="ImageRows.FindFile"/>): Path null when the id is malformed, unknown, or its file is gone.</summary>
    public ImageFile FullResolution(string imageId) => ImageRows.FindFile(store.Workspace, imageId, "path");

    /// <summary>The photo's file, or null when the id is malformed, unknown, or its file is gone.</summary>
    public string? FullResolutionPath(string imageId) => FullResolution(imageId).Path;

    /// <summary>A JPEG at most <see cref="ThumbnailMaxPx"/> on its long side, or null as for <see cref="FullResolutionPath"/>.</summary>
    public byte[]? Thumbnail(string imageId)
    {
        if (_thumbs.TryGetValue(imageId, out var cached)) return cached;
        if (ImageRows.FindFile(store.Workspace, imageId, "thumb_path").Path is { } tp) return File.ReadAllBytes(tp);
        if (FullResolution(imageId).Path is not { } path) return null;
        var bytes = MakeThumbnail(path);
        if (bytes is not null && _thumbs.Count < 4096) _thumbs[imageId] = bytes;
        return bytes;
    }

    /// <summary>The images before and after this one in its flight, by capture time (null at either end).</summary>
    public (ReviewImage? Previous, ReviewImage? Next) Neighbours(ReviewImage image)
    {
        if (image.FlightId is null) return (null, null);
        var flight = store.Workspace.Read(ImagesLayer.Name, new FeatureQuery
        {
            AttributeEquals = new Dictionary<string, object?> { ["flight_id"] = image.FlightId },
        }).Select(ToImage).OrderBy(i => i.CapturedAt).ThenBy(i => i.FileName, StringComparer.Ordinal).ToList();
        var at = flight.FindIndex(i => i.ImageId == image.ImageId);
        if (at < 0) return (null, null);
        return (at > 0 ? flight[at - 1] : null, at + 1 < flight.Count ? flight[at + 1] : null);
    }

    internal static ReviewImage ToImage(FeatureRecord r) => new(r.Text(S, "image_id")!, r.Text(S, "file_name") ?? "", r.Text(S, "flight_id"),
        r.Time(S, "captured_at"), (int)(r.Integer(S, "width_px") ?? 0), (int)(r.Integer(S, "height_px") ?? 0), r.Real(S, "score"), r.Text(S, "heatmap_json"),
        r.Real(S, "gsd_cm_per_px"), r.Geometry);

    /// <summary>The ingest's thumbnail recipe (reduced-scale decode, one resample), at the review page's size.</summary>
    internal static byte[]? MakeThumbnail(string path, int maxPx = ThumbnailMaxPx)
    {
        try { return ThumbnailWriter.Encode(path, maxPx); }
        catch (InvalidDataException) { return null; }
    }
}
