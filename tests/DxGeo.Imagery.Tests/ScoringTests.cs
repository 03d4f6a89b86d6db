using DxGeo.Core.Features;
using DxGeo.Core.Workspace;
using DxGeo.Core.Workspace.GeoPackage;
using DxGeo.Imagery.Damage;
using DxGeo.Imagery.Findings;
using DxGeo.Imagery.Images;
using DxGeo.Imagery.Ingest;
using DxGeo.Imagery.Scoring;
using DxGeo.Imagery.Tests.Support;

namespace DxGeo.Imagery.Tests;

/// <summary>
/// A deterministic stand-in for the damage model: a 4 × 3 grid of tiles; tiles listed in <c>hot</c> score 0.9, the rest 0.1.
/// Counts its calls so a test can see what was (not) rescored.
/// </summary>
internal sealed class GridScorer(string modelId, params (int Col, int Row)[] hot) : IDamageScorer
{
    public int Calls;
    public string ModelId => modelId;
    public double Threshold => 0.5;

    public ImageDamageScore Score(string imagePath, double? gsdCmPerPx, CancellationToken cancellationToken = default)
    {
        Interlocked.Increment(ref Calls);
        var m = Metadata.PhotoMetadataReader.Read(imagePath);
        int tw = m.WidthPx / 4, th = m.HeightPx / 3;
        var tiles = new List<TileScore>();
        for (var r = 0; r < 3; r++)
            for (var c = 0; c < 4; c++)
                tiles.Add(new TileScore(c * tw, r * th, tw, th, hot.Contains((c, r)) ? 0.9f : 0.1f));
        return new ImageDamageScore(modelId, m.WidthPx, m.HeightPx, tiles.Max(t => t.Score), tiles);
    }
}

public class ScoringTests
{
    private static readonly DateTimeOffset T0 = new(2026, 5, 17, 1, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Touching_flagged_tiles_merge_into_one_region_and_separate_ones_stay_apart()
    {
        TileScore T(int c, int r, float s) => new(c * 100, r * 100, 100, 100, s);
        var regions = FindingRegions.Merge([T(0, 0, 0.9f), T(1, 0, 0.7f), T(1, 1, 0.6f), T(3, 2, 0.8f), T(2, 0, 0.2f)], 0.5);
        Assert.Equal(2, regions.Count);
        Assert.Equal(new FindingRegion(0, 0, 200, 200, 0.9f, 3), regions[0]);
        Assert.Equal(new FindingRegion(300, 200, 100, 100, 0.8f, 1), regions[1]);
        Assert.Single(FindingRegions.Merge([T(0, 0, 0.9f), T(3, 2, 0.8f)], 0.5, maxRegions: 1));
    }

    [Fact]
    public void Scoring_run_writes_scores_and_findings_and_a_rerun_creates_no_duplicates()
    {
        using var tmp = new TempDir();
        var dir = tmp.Sub("photos");
        for (var i = 0; i < 5; i++) Fixtures.DjiPhoto(dir, $"DJI_{i:D4}.JPG", 35.69 + i * 1e-4, 139.70, T0.AddSeconds(2 * i), (byte)(90 + i), yaw: 45);
        using var ws = GeoPackageWorkspace.Create(Path.Combine(tmp.Path, "w.gpkg"));
        ImageIngestOp.Run(ws, dir);
        var scorer = new GridScorer("grid-v1", (0, 0), (1, 0), (3, 2));

        var report = ImageScoringOp.Run(ws, scorer, new ImageScoringOptions { ChunkSize = 2 });
        Assert.Equal((5, 5, 10), (report.Scored, report.Flagged, report.FindingsCreated));
        Assert.Empty(report.Failed);
        var s = ImagesLayer.Schema;
        var images = ws.Read(ImagesLayer.Name).ToList();
        Assert.All(images, r =>
        {
            Assert.Equal(0.9, r.Real(s, "score")!.Value, 5);
            Assert.Equal("grid-v1", r.Text(s, "model_id"));
            Assert.Equal(12, System.Text.Json.JsonDocument.Parse(r.Text(s, "heatmap_json")!).RootElement.GetArrayLength());
        });
        var fs = FindingsLayer.Schema;
        var findings = ws.Read(FindingsLayer.Name).ToList();
        Assert.Equal(10, findings.Count);
        Assert.All(findings, f =>
        {
            Assert.Equal("to_review", f.Text(fs, "status"));
            Assert.Equal(1, f.Integer(fs, "version"));
            Assert.Equal("model", f.Text(fs, "source"));
            var image = images.Single(i => i.Text(s, "image_id") == f.Text(fs, "image_id"));
            // The region's ground polygon lies inside the photo's footprint.
            Assert.True(image.Geometry!.Buffer(1e-9).Contains(f.Geometry!), "finding polygon inside the image footprint");
        });
        // Top-left pair merged: 2 tiles wide (160 px of 320), one tile high (80 of 240).
        Assert.Equal(5, findings.Count(f => f.Integer(fs, "box_w_px") == 160 && f.Integer(fs, "box_h_px") == 80 && f.Integer(fs, "box_x_px") == 0));

        var calls = scorer.Calls;
        var again = ImageScoringOp.Run(ws, scorer);
        Assert.Equal((0, 0), (again.Scored, again.FindingsCreated));
        Assert.Equal(calls, scorer.Calls);
        Assert.Equal(10, ws.Count(FindingsLayer.Name));

        // Rescoring the same photos with another model adds that model's findings once, never the first model's again.
        var other = new GridScorer("grid-v2", (0, 0), (1, 0), (3, 2));
        Assert.Equal(10, ImageScoringOp.Run(ws, other, new ImageScoringOptions { RescoreOtherModels = true }).FindingsCreated);
        Assert.Equal(0, ImageScoringOp.Run(ws, other, new ImageScoringOptions { RescoreOtherModels = true }).FindingsCreated);
        Assert.Equal(20, ws.Count(FindingsLayer.Name));
    }

    [Fact]
    public void Scoring_reports_a_missing_file_and_scores_the_rest()
    {
        using var tmp = new TempDir();
        var dir = tmp.Sub("photos");
        var gone = Fixtures.DjiPhoto(dir, "a.jpg", 35.69, 139.70, T0);
        Fixtures.DjiPhoto(dir, "b.jpg", 35.6901, 139.70, T0.AddSeconds(2), shade: 40);
        using var ws = GeoPackageWorkspace.Create(Path.Combine(tmp.Path, "w.gpkg"));
        ImageIngestOp.Run(ws, dir);
        File.Delete(gone);
        var report = ImageScoringOp.Run(ws, new GridScorer("g", (2, 1)));
        Assert.Equal(1, report.Scored);
        Assert.Contains("relink", Assert.Single(report.Failed).Reason);
        Assert.Single(FindingsListOp.Items(ws));
    }

    [Fact]
    public void Findings_are_listed_per_asset_and_exported_as_GeoJSON_that_GDAL_reads()
    {
        using var tmp = new TempDir();
        var dir = tmp.Sub("photos");
        for (var i = 0; i < 3; i++) Fixtures.DjiPhoto(dir, $"p{i}.jpg", 35.69 + i * 1e-4, 139.70, T0.AddSeconds(i), (byte)(60 + i));
        using var ws = GeoPackageWorkspace.Create(Path.Combine(tmp.Path, "w.gpkg"));
        ImageIngestOp.Run(ws, dir);
        ImageScoringOp.Run(ws, new GridScorer("g", (1, 1)));
        var per = Assert.Single(FindingsListOp.PerAsset(ws));
        Assert.Equal((3, 3, 3), (per.Count, per.ToReview, per.Images));
        var geojson = Path.Combine(tmp.Path, "f.geojson");
        var csv = Path.Combine(tmp.Path, "f.csv");
        Assert.Equal(3, FindingsExportOp.Export(ws, geojson, "geojson").Count);
        Assert.Equal(3, FindingsExportOp.Export(ws, csv, "csv").Count);
        var info = Peers.Run("ogrinfo", $"-ro -al -so \"{geojson}\"", aptPackage: "gdal-bin");
        Assert.Contains("Feature Count: 3", info);
        Assert.Contains("Polygon", info);
        Assert.Equal(4, File.ReadAllLines(csv).Length);
        Assert.Throws<Core.Errors.DxGeoException>(() => FindingsExportOp.Export(ws, csv, "geojson"));
    }
}
