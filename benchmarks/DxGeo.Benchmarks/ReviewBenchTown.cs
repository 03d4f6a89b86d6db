using System.Security.Cryptography;
using DxGeo.Core.Assets.Layers;
using DxGeo.Core.Features;
using DxGeo.Core.Workspace.GeoPackage;
using DxGeo.Imagery.Findings;
using DxGeo.Imagery.Images;
using NetTopologySuite.Geometries;

namespace DxGeo.Benchmarks;

/// <summary>
/// A review workspace of the size a big flight campaign leaves: <c>n</c> findings spread over 40 bridges and 250
/// photos (the four CC BY 4.0 test photos of tests/DxGeo.Review.Tests/Fixtures, copied), scores spread uniformly.
/// </summary>
internal static class ReviewBenchTown
{
    private static readonly GeometryFactory Gf = new(new PrecisionModel(), 4326);

    public static (string Path, List<string> FindingIds) Build(string dir, int findings, int photos = 250, int bridges = 40)
    {
        var fixtures = FindFixtures();
        var path = Path.Combine(dir, "review-bench.gpkg");
        var rnd = new Random(42);
        var ids = new List<string>();
        using var ws = GeoPackageWorkspace.Create(path);
        using var w = ws.BeginWrite();
        foreach (var s in new[] { AssetLayers.Bridges.Schema, ImagesLayer.Schema, FindingsLayer.Schema }) w.CreateLayer(s);
        for (var b = 0; b < bridges; b++)
        {
            var (x, y) = (141.0 + b * 0.002, 38.4);
            w.Insert("bridges", FeatureRecord.Create(AssetLayers.Bridges.Schema, Gf.CreateLineString([new(x, y), new(x + 0.0006, y + 0.0001)]), ("bridge_id", $"B-{b:000}")));
        }
        var imageIds = new List<string>();
        var t0 = new DateTimeOffset(2026, 10, 1, 0, 0, 0, TimeSpan.Zero);
        for (var i = 0; i < photos; i++)
        {
            var src = Directory.GetFiles(fixtures, "*.jpg").Order().ToArray()[i % 4];
            var dst = Path.Combine(dir, $"photo-{i:0000}.jpg");
            // Append a comment byte so each file (and so each image id) is distinct while staying a valid JPEG.
            File.WriteAllBytes(dst, [.. File.ReadAllBytes(src), (byte)(i % 251)]);
            var id = Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(dst)));
            imageIds.Add(id);
            var b = i % bridges;
            var (x, y) = (141.0 + b * 0.002 + 0.0003, 38.40005);
            w.Insert(ImagesLayer.Name, FeatureRecord.Create(ImagesLayer.Schema, Square(x, y, 0.0001),
                ("image_id", id), ("path", dst), ("file_name", Path.GetFileName(dst)), ("flight_id", $"F{i / 50}"), ("captured_at", t0.AddSeconds(2 * i)),
                ("lon", x), ("lat", y), ("height_source", "relative_altitude"), ("width_px", 227L), ("height_px", 227L),
                ("asset_layer", "bridges"), ("asset_id", $"B-{b:000}"), ("heatmap_json", "[[0,0,113,113,0.9],[113,113,114,114,0.2]]"), ("time_source", "gps"), ("view", "nadir"), ("yaw_source", "none"), ("horizon_capped", false), ("sensor_width_mm", 13.2), ("camera_source", "preset:test"), ("ingested_at", t0)));
        }
        for (var i = 0; i < findings; i++)
        {
            var img = rnd.Next(photos);
            var b = img % bridges;
            var id = $"F-{i:000000}";
            ids.Add(id);
            w.Insert(FindingsLayer.Name, FeatureRecord.Create(FindingsLayer.Schema, Square(141.0 + b * 0.002 + 0.0003, 38.40005, 0.00003),
                ("finding_id", id), ("image_id", imageIds[img]), ("flight_id", $"F{img / 50}"), ("asset_layer", "bridges"), ("asset_id", $"B-{b:000}"),
                ("score", rnd.NextDouble()), ("model_id", "bench"), ("box_x_px", 0L), ("box_y_px", 0L), ("box_w_px", 113L), ("box_h_px", 113L),
                ("source", "model"), ("status", "to_review"), ("version", 1L), ("created_at", t0.AddHours(1)), ("updated_at", t0.AddHours(1))));
        }
        w.Commit();
        return (path, ids);
    }

    private static string FindFixtures()
    {
        for (var d = new DirectoryInfo(AppContext.BaseDirectory); d is not null; d = d.Parent)
        {
            var f = Path.Combine(d.FullName, "tests", "DxGeo.Review.Tests", "Fixtures", "photos");
            if (Directory.Exists(f)) return f;
        }
        throw new DirectoryNotFoundException("tests/DxGeo.Review.Tests/Fixtures/photos not found above " + AppContext.BaseDirectory);
    }

    private static Polygon Square(double lon, double lat, double half) => Gf.CreatePolygon([
        new(lon - half, lat - half), new(lon + half, lat - half), new(lon + half, lat + half), new(lon - half, lat + half), new(lon - half, lat - half)]);
}
