using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using DxGeo.Core.Errors;
using DxGeo.Core.Features;
using DxGeo.Core.Workspace;
using DxGeo.Imagery.Damage;
using DxGeo.Imagery.Findings;
using DxGeo.Imagery.Images;
using DxGeo.Imagery.Ingest;
using DxGeo.Imagery.Ingest.Internal;
using DxGeo.Imagery.Scoring.Internal;

namespace DxGeo.Imagery.Scoring;

/// <summary>
/// Scores ingested photos not yet scored by the given model (all, or one flight's) with an <see cref="IDamageScorer"/>,
/// a few in parallel, and writes per chunk in one transaction: the photo's score, model id and tile heat map, and one
/// <c>findings</c> row (status to_review, version 1) per region of touching tiles at or above the model's threshold,
/// located by the region's ground polygon and linked to the asset that polygon covers most (else the photo's asset).
/// A finding's id is derived from the image, model and box, so a rerun never duplicates one.
/// </summary>
public static class ImageScoringOp
{
    private sealed record Outcome(FeatureRecord Image, ImageDamageScore? Score, string? Error);

    public static ImageScoringReport Run(IWorkspace ws, IDamageScorer scorer, ImageScoringOptions? options = null,
        IProgress<(long Done, long? Total, string What)>? progress = null, CancellationToken ct = default)
    {
        var o = options ?? new ImageScoringOptions();
        if (o.Parallelism < 1 || o.ChunkSize < 1) throw new ArgumentOutOfRangeException(nameof(options), "parallelism and chunk size must be ≥ 1");
        if (ws.FindLayer(ImagesLayer.Name) is null) throw new DxGeoException("the workspace has no images layer (ingest photos first: dxgeo images ingest)");
        var s = ImagesLayer.Schema;
        var query = o.FlightId is null ? null : new FeatureQuery { AttributeEquals = new Dictionary<string, object?> { ["flight_id"] = o.FlightId } };
        var todo = ws.Read(ImagesLayer.Name, query).Where(r =>
            r.Real(s, "score") is null || (o.RescoreOtherModels && r.Text(s, "model_id") != scorer.ModelId)).ToList();
        var existing = new HashSet<string>(StringComparer.Ordinal);
        if (ws.FindLayer(FindingsLayer.Name) is not null)
            foreach (var f in ws.Read(FindingsLayer.Name))
                if (f.Text(FindingsLayer.Schema, "finding_id") is { } id) existing.Add(id);
        var linker = new AssetLinker(ws);
        var failed = new List<RejectedPhoto>();
        int scored = 0, flagged = 0, created = 0, done = 0;

        foreach (var chunk in todo.Chunk(o.ChunkSize))
        {
            ct.ThrowIfCancellationRequested();
            var outcomes = new Outcome[chunk.Length];
            Parallel.For(0, chunk.Length, new ParallelOptions { MaxDegreeOfParallelism = o.Parallelism, CancellationToken = ct }, i =>
            {
                var img = chunk[i];
                var path = img.Text(s, "path")!;
                try
                {
                    outcomes[i] = !File.Exists(path)
                        ? new Outcome(img, null, "file not found (moved? dxgeo images relink)")
                        : new Outcome(img, scorer.Score(path, img.Real(s, "gsd_cm_per_px"), ct), null);
                }
                catch (Exception e) when (e is IOException or InvalidDataException or InputDataException or UnauthorizedAccessException)
                {
                    outcomes[i] = new Outcome(img, null, e.Message);
                }
            });

            var imageUpdates = new List<FeatureRecord>();
            var findings = new List<FeatureRecord>();
            foreach (var oc in outcomes)
            {
                var path = oc.Image.Text(s, "path")!;
                if (oc.Score is not { } score) { failed.Add(new RejectedPhoto(path, oc.Error!)); continue; }
                var u = oc.Image.Copy();
                u.Set(s, "score", score.MaxScore);
                u.Set(s, "model_id", score.ModelId);
                u.Set(s, "heatmap_json", HeatmapJson(score.Tiles));
                imageUpdates.Add(u);
                var regions = FindingRegions.Merge(score.Tiles, scorer.Threshold, o.MaxFindingsPerImage);
                if (regions.Count > 0) flagged++;
                var geometry = StoredPhotoGeometry.From(oc.Image);
                foreach (var region in regions)
                {
                    var id = FindingId(oc.Image.Text(s, "image_id")!, score.ModelId, region);
                    if (geometry is null || !existing.Add(id)) continue;
                    findings.Add(FindingRow(id, oc.Image, score, region, geometry, linker));
                }
            }
            foreach (var f in findings)
                if (FeatureValidator.Check(FindingsLayer.Schema, f) is { } p)
                    throw new InvalidOperationException($"finding {f.Values[0]}: {p.Field}: {p.Reason}");
            using (var w = ws.BeginWrite())
            {
                if (findings.Count > 0 && ws.FindLayer(FindingsLayer.Name) is null) w.CreateLayer(FindingsLayer.Schema);
                foreach (var u in imageUpdates) w.Update(ImagesLayer.Name, u);
                foreach (var f in findings) w.Insert(FindingsLayer.Name, f);
                w.Commit();
            }
            scored += imageUpdates.Count;
            created += findings.Count;
            done += chunk.Length;
            progress?.Report((done, todo.Count, $"{flagged} flagged, {created} findings"));
        }
        return new ImageScoringReport(scored, flagged, created, failed);
    }

    private static FeatureRecord FindingRow(string id, FeatureRecord image, ImageDamageScore score, FindingRegion region,
        StoredPhotoGeometry geometry, AssetLinker linker)
    {
        var s = ImagesLayer.Schema;
        var fs = FindingsLayer.Schema;
        var poly = geometry.Box(region.XPx, region.YPx, region.WidthPx, region.HeightPx, score.ImageWidthPx, score.ImageHeightPx);
        var asset = linker.Link(poly);
        var now = DateTimeOffset.UtcNow;
        var r = new FeatureRecord(poly, new object?[fs.Fields.Count]);
        r.Set(fs, "finding_id", id);
        r.Set(fs, "image_id", image.Text(s, "image_id"));
        r.Set(fs, "flight_id", image.Text(s, "flight_id"));
        r.Set(fs, "asset_layer", asset?.Layer ?? image.Text(s, "asset_layer"));
        r.Set(fs, "asset_id", asset?.Id ?? image.Text(s, "asset_id"));
        r.Set(fs, "score", (double)region.Score);
        r.Set(fs, "model_id", score.ModelId);
        r.Set(fs, "box_x_px", (long)region.XPx);
        r.Set(fs, "box_y_px", (long)region.YPx);
        r.Set(fs, "box_w_px", (long)region.WidthPx);
        r.Set(fs, "box_h_px", (long)region.HeightPx);
        r.Set(fs, "source", "model");
        r.Set(fs, "status", FindingStatus.ToReview.ToCode());
        r.Set(fs, "version", 1L);
        r.Set(fs, "created_at", now);
        r.Set(fs, "updated_at", now);
        return r;
    }

    /// <summary>Stable id: the same image, model and box always give the same finding id.</summary>
    public static string FindingId(string imageId, string modelId, FindingRegion r)
    {
        var key = string.Create(CultureInfo.InvariantCulture, $"{imageId}|{modelId}|{r.XPx},{r.YPx},{r.WidthPx},{r.HeightPx}");
        return "FND-" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)))[..16];
    }

    private static string HeatmapJson(IReadOnlyList<TileScore> tiles)
    {
        var sb = new StringBuilder("[");
        for (var i = 0; i < tiles.Count; i++)
        {
            var t = tiles[i];
            if (i > 0) sb.Append(',');
            sb.Append(CultureInfo.InvariantCulture, $"[{t.XPx},{t.YPx},{t.WidthPx},{t.HeightPx},{Math.Round(t.Score, 4)}]");
        }
        return sb.Append(']').ToString();
    }
}
