using DxGeo.Core.Features;
using DxGeo.Core.Errors;
using DxGeo.Core.Workspace;
using DxGeo.Imagery.Images;
using DxGeo.Imagery.Ingest.Internal;

namespace DxGeo.Imagery.Ingest;

/// <summary>What a relink did: paths moved, and photos not found (or with other content) under the new root.</summary>
public sealed record ImageRelinkReport(int Relinked, IReadOnlyList<RejectedPhoto> Missing);

/// <summary>
/// After a photo folder moved: every image whose path lies under <c>oldRoot</c> gets the same relative path under
/// <c>newRoot</c>, provided the file is there and (by default) has the same SHA-256. One transaction.
/// </summary>
public static class ImageRelinkOp
{
    public static ImageRelinkReport Run(IWorkspace ws, string oldRoot, string newRoot, bool verifyHash = true)
    {
        if (ws.FindLayer(ImagesLayer.Name) is null) throw new DxGeoException("the workspace has no images layer (ingest photos first)");
        if (!Directory.Exists(newRoot)) throw new DxGeoException($"new folder not found: {newRoot}");
        var s = ImagesLayer.Schema;
        var from = Path.TrimEndingDirectorySeparator(Path.GetFullPath(oldRoot)) + Path.DirectorySeparatorChar;
        var to = Path.GetFullPath(newRoot);
        var updates = new List<Core.Features.FeatureRecord>();
        var missing = new List<RejectedPhoto>();
        foreach (var r in ws.Read(ImagesLayer.Name))
        {
            if (r.Text(s, "path") is not { } path || !path.StartsWith(from, StringComparison.Ordinal)) continue;
            var moved = Path.Combine(to, path[from.Length..]);
            if (!File.Exists(moved)) { missing.Add(new RejectedPhoto(moved, "not found under the new folder")); continue; }
            if (verifyHash && ContentHash.Of(moved) != r.Text(s, "image_id"))
            {
                missing.Add(new RejectedPhoto(moved, "different content (SHA-256 differs from the ingested photo)"));
                continue;
            }
            var u = r.Copy();
            u.Set(s, "path", moved);
            u.Set(s, "file_name", Path.GetFileName(moved));
            updates.Add(u);
        }
        if (updates.Count > 0)
        {
            using var w = ws.BeginWrite();
            foreach (var u in updates) w.Update(ImagesLayer.Name, u);
            w.Commit();
        }
        return new ImageRelinkReport(updates.Count, missing);
    }
}
