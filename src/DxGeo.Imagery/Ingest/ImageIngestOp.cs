using DxGeo.Core.Errors;
using DxGeo.Core.Features;
using DxGeo.Core.Workspace;
using DxGeo.Imagery.Images;
using DxGeo.Imagery.Ingest.Internal;
using DxGeo.Imagery.Metadata;
using DxGeo.Imagery.Thumbnails;

namespace DxGeo.Imagery.Ingest;

/// <summary>
/// Ingests the JPEGs of a folder (recursively) into the <c>images</c> layer. Files are streamed in chunks: each file is
/// hashed, its metadata read and a thumbnail made from a scaled decode (a few files at a time, nothing kept), then the
/// chunk is placed (footprint, flight, asset) and written in one transaction after every row was validated.
/// The SHA-256 of the bytes is the image id: a photo already in the workspace is not read again; found at a new path it
/// is re-linked (path updated). Files that cannot be placed are reported with the reason and the batch goes on.
/// </summary>
public static class ImageIngestOp
{
    private enum Kind { New, Known, Rejected }
    private sealed record Prepared(string Path, Kind Kind, string? Id = null, PhotoMetadata? Meta = null, string? Thumb = null, string? Reason = null);

    public static ImageIngestReport Run(IWorkspace ws, string folder, ImageIngestOptions? options = null,
        IProgress<(long Done, long? Total, string What)>? progress = null, CancellationToken ct = default)
    {
        if (!Directory.Exists(folder)) throw new DxGeoException($"image folder not found: {folder}");
        var files = Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories)
            .Where(f => Path.GetExtension(f).ToLowerInvariant() is ".jpg" or ".jpeg")
            .Order(StringComparer.Ordinal).ToList();
        return RunFiles(ws, files, options, progress, ct);
    }

    public static ImageIngestReport RunFiles(IWorkspace ws, IReadOnlyList<string> files, ImageIngestOptions? options = null,
        IProgress<(long Done, long? Total, string What)>? progress = null, CancellationToken ct = default)
    {
        var o = options ?? new ImageIngestOptions();
        if (o.ChunkSize < 1 || o.Parallelism < 1) throw new ArgumentOutOfRangeException(nameof(options), "chunk size and parallelism must be ≥ 1");
        var s = ImagesLayer.Schema;
        var known = new Dictionary<string, FeatureRecord>(StringComparer.Ordinal);
        if (ws.FindLayer(ImagesLayer.Name) is not null)
            foreach (var r in ws.Read(ImagesLayer.Name))
                if (r.Text(s, "image_id") is { } id) known[id] = r;
        var flights = new FlightIndex(ws);
        if (o.FlightId is { } forced) flights.RequireKnown(forced);
        var placer = new PhotoPlacer(o, flights, new AssetLinker(ws));
        var rejected = new List<RejectedPhoto>();
        int added = 0, relinked = 0, unchanged = 0, done = 0;
        var seenThisRun = new Dictionary<string, string>(StringComparer.Ordinal);

        foreach (var chunk in files.Chunk(o.ChunkSize))
        {
            ct.ThrowIfCancellationRequested();
            var prepared = new Prepared[chunk.Length];
            Parallel.For(0, chunk.Length, new ParallelOptions { MaxDegreeOfParallelism = o.Parallelism, CancellationToken = ct },
                i => prepared[i] = Prepare(chunk[i], known, o));

            var inserts = new List<FeatureRecord>();
            var updates = new List<FeatureRecord>();
            foreach (var p in prepared)
            {
                if (p.Kind == Kind.Rejected) { rejected.Add(new RejectedPhoto(p.Path, p.Reason!)); continue; }
                var full = Path.GetFullPath(p.Path);
                if (seenThisRun.TryGetValue(p.Id!, out var first))
                {
                    rejected.Add(new RejectedPhoto(p.Path, $"same content as {first} (duplicate file)"));
                    continue;
                }
                seenThisRun[p.Id!] = full;
                if (p.Kind == Kind.Known)
                {
                    var row = known[p.Id!];
                    if (string.Equals(row.Text(s, "path"), full, StringComparison.Ordinal)) { unchanged++; continue; }
                    var moved = row.Copy();
                    moved.Set(s, "path", full);
                    moved.Set(s, "file_name", Path.GetFileName(full));
                    updates.Add(moved);
                    continue;
                }
                try
                {
                    var rec = placer.Place(p.Id!, p.Meta!, p.Thumb);
                    if (FeatureValidator.Check(s, rec) is { } problem)
                        throw new InputDataException(problem.Reason, file: p.Path, field: problem.Field);
                    inserts.Add(rec);
                }
                catch (InputDataException e) { rejected.Add(new RejectedPhoto(p.Path, e.Reason)); seenThisRun.Remove(p.Id!); }
            }
            if (inserts.Count + updates.Count > 0)
            {
                using var w = ws.BeginWrite();
                if (ws.FindLayer(ImagesLayer.Name) is null) w.CreateLayer(s);
                foreach (var r in inserts) { r.Fid = null; r.Fid = w.Insert(ImagesLayer.Name, r); }
                foreach (var r in updates) w.Update(ImagesLayer.Name, r);
                w.Commit();
                foreach (var r in inserts.Concat(updates)) known[r.Text(s, "image_id")!] = r;
                added += inserts.Count;
                relinked += updates.Count;
            }
            done += chunk.Length;
            progress?.Report((done, files.Count, $"{added} new, {relinked} relinked, {rejected.Count} refused"));
        }
        return new ImageIngestReport(added, relinked, unchanged, rejected);
    }

    private static Prepared Prepare(string path, IReadOnlyDictionary<string, FeatureRecord> known, ImageIngestOptions o)
    {
        try
        {
            var id = ContentHash.Of(path);
            if (known.ContainsKey(id)) return new Prepared(path, Kind.Known, id);
            var meta = PhotoMetadataReader.Read(path);
            string? thumb = null;
            if (o.ThumbnailDir is { } dir)
            {
                thumb = Path.GetFullPath(Path.Combine(dir, id + ".jpg"));
                if (!File.Exists(thumb)) ThumbnailWriter.Write(path, thumb, o.ThumbnailMaxPx);
            }
            return new Prepared(path, Kind.New, id, meta, thumb);
        }
        catch (InputDataException e) { return new Prepared(path, Kind.Rejected, Reason: e.Reason); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidDataException)
        {
            return new Prepared(path, Kind.Rejected, Reason: $"cannot read: {e.Message}");
        }
    }
}
