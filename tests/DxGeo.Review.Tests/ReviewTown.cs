using System.Security.Cryptography;
using DxGeo.Core.Assets.Layers;
using DxGeo.Core.Features;
using DxGeo.Core.Workspace.GeoPackage;
using DxGeo.Imagery.Findings;
using DxGeo.Imagery.Images;
using DxGeo.Review;
using NetTopologySuite.Geometries;

namespace DxGeo.Review.Tests;

/// <summary>
/// A workspace with one bridge (B-001), one levee (L-01), four real photos (CC BY 4.0 crack patches, Fixtures/photos)
/// in flight F1 two seconds apart, and findings on them written straight into the imagery contract's layers.
/// Finding i sits on photo i % 4 (photos 0–2 over the bridge, photo 3 over the levee) with score 0.99 − i/(n+1),
/// so the queue order is known here, not taken from the code under test.
/// </summary>
public sealed class ReviewTown : IDisposable
{
    public const string Flight = "F1";
    public static readonly string[] PhotoFiles = ["positive-00001.jpg", "positive-00011.jpg", "positive-00021.jpg", "negative-00001.jpg"];
    public static readonly DateTimeOffset T0 = new(2026, 10, 1, 1, 0, 0, TimeSpan.Zero);
    private static readonly GeometryFactory Gf = new(new PrecisionModel(), 4326);

    public string Folder { get; } = Directory.CreateTempSubdirectory("dxgeo-review-").FullName;
    public string Path { get; }
    public GeoPackageWorkspace Workspace { get; private set; }
    public ReviewStore Store { get; private set; }
    public List<string> ImageIds { get; } = [];
    public List<string> ImagePaths { get; } = [];
    /// <summary>Finding ids in the order they were written (= descending score).</summary>
    public List<string> FindingIds { get; } = [];

    public ReviewTown(int findings = 6, bool keepOpen = true)
    {
        Path = System.IO.Path.Combine(Folder, "town.gpkg");
        Workspace = GeoPackageWorkspace.Create(Path);
        var photos = Directory.CreateDirectory(System.IO.Path.Combine(Folder, "photos")).FullName;
        using (var w = Workspace.BeginWrite())
        {
            foreach (var s in new[] { AssetLayers.Bridges.Schema, AssetLayers.Levees.Schema, ImagesLayer.Schema, FindingsLayer.Schema })
                w.CreateLayer(s);
            w.Insert("bridges", FeatureRecord.Create(AssetLayers.Bridges.Schema, Gf.CreateLineString([new(141.0100, 38.4000), new(141.0106, 38.4001)]),
                ("bridge_id", "B-001"), ("name", "湊大橋"), ("mlit_grade", "II")));
            w.Insert("levees", FeatureRecord.Create(AssetLayers.Levees.Schema, Gf.CreateLineString([new(141.0000, 38.3950), new(141.0100, 38.3950)]),
                ("levee_id", "L-01"), ("river", "湊川"), ("bank", "left")));
            for (var i = 0; i < PhotoFiles.Length; i++)
            {
                var dst = System.IO.Path.Combine(photos, PhotoFiles[i]);
                File.Copy(System.IO.Path.Combine(AppContext.BaseDirectory, "Fixtures", "photos", PhotoFiles[i]), dst);
                var id = Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(dst)));
                ImageIds.Add(id);
                ImagePaths.Add(dst);
                var onBridge = i < 3;
                var (lon, lat) = onBridge ? (141.0101 + i * 0.0002, 38.40005) : (141.005, 38.3950);
                w.Insert(ImagesLayer.Name, FeatureRecord.Create(ImagesLayer.Schema, Square(lon, lat, 0.0001),
                    ("image_id", id), ("path", dst), ("file_name", PhotoFiles[i]), ("flight_id", Flight), ("captured_at", T0.AddSeconds(2 * i)),
                    ("lon", lon), ("lat", lat), ("altitude_rel_m", 30.0), ("height_source", "relative_altitude"), ("width_px", 227L), ("height_px", 227L),
                    ("gsd_cm_per_px", 0.8), ("asset_layer", onBridge ? "bridges" : "levees"), ("asset_id", onBridge ? "B-001" : "L-01"),
                    ("score", 0.9), ("model_id", "test"), ("heatmap_json", "[[0,0,113,113,0.9],[113,0,114,113,0.2],[0,113,113,114,0.4],[113,113,114,114,0.1]]"),
                    ("time_source", "gps"), ("view", "nadir"), ("yaw_source", "none"), ("horizon_capped", false), ("sensor_width_mm", 13.2), ("camera_source", "preset:test"), ("ingested_at", T0.AddHours(1))));
            }
            for (var i = 0; i < findings; i++)
            {
                var img = i % PhotoFiles.Length;
                var onBridge = img < 3;
                var (lon, lat) = onBridge ? (141.0101 + img * 0.0002, 38.40005) : (141.005, 38.3950);
                var id = $"F-{i + 1:00000}";
                FindingIds.Add(id);
                w.Insert(FindingsLayer.Name, FeatureRecord.Create(FindingsLayer.Schema, Square(lon, lat, 0.00003),
                    ("finding_id", id), ("image_id", ImageIds[img]), ("flight_id", Flight), ("asset_layer", onBridge ? "bridges" : "levees"),
                    ("asset_id", onBridge ? "B-001" : "L-01"), ("score", 0.99 - (double)i / (findings + 1)), ("model_id", "test"),
                    ("box_x_px", 0L), ("box_y_px", 0L), ("box_w_px", 113L), ("box_h_px", 113L), ("source", "model"), ("status", "to_review"),
                    ("version", 1L), ("created_at", T0.AddHours(2).AddSeconds(i)), ("updated_at", T0.AddHours(2).AddSeconds(i))));
            }
            w.Commit();
        }
        Store = new ReviewStore(Workspace);
        if (!keepOpen) Close();
    }

    /// <summary>Closes the workspace (so another process can own it).</summary>
    public void Close() => Workspace.Dispose();

    public void Reopen()
    {
        Workspace = GeoPackageWorkspace.Open(Path);
        Store = new ReviewStore(Workspace);
    }

    private static Polygon Square(double lon, double lat, double half) => Gf.CreatePolygon([
        new(lon - half, lat - half), new(lon + half, lat - half), new(lon + half, lat + half), new(lon - half, lat + half), new(lon - half, lat - half)]);

    public void Dispose()
    {
        Workspace.Dispose();
        try { Directory.Delete(Folder, recursive: true); } catch (IOException) { }
    }
}
