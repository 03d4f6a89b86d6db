using DxGeo.Core.Workspace.GeoPackage;
using DxGeo.Imagery.Capture;
using DxGeo.Imagery.Images;
using DxGeo.Imagery.Ingest;
using DxGeo.Imagery.Internal;
using DxGeo.Imagery.Metadata;
using DxGeo.Imagery.Tests.Support;

namespace DxGeo.Imagery.Tests;

public class SimulatedCameraTests
{
    private static string Scenes => Path.Combine(TestPaths.RepoRoot(), "sample-data", "images", "scenes");

    [Fact]
    public void Simulated_camera_writes_each_trigger_into_a_scene_photo_that_ingests_at_the_trigger()
    {
        using var tmp = new TempDir();
        var t0 = new DateTimeOffset(2026, 6, 1, 0, 30, 0, TimeSpan.Zero);
        var triggers = Enumerable.Range(0, 8).Select(i =>
            new CaptureTrigger(i, t0.AddSeconds(3 * i), 35.70 + i * 1.4e-4, 139.80, 35.5, 30.5, 0, i == 7 ? -60 : -90)).ToArray();
        var files = SimulatedCameraOp.Run(triggers, Scenes, tmp.Sub("card"));
        Assert.Equal(8, files.Count);
        Assert.All(files, f => Assert.True(new FileInfo(f).Length > 50_000));

        var x = Peers.ExifJson(files[7], "-XMP-drone-dji:GimbalPitchDegree -Composite:GPSLatitude -ExifIFD:DateTimeOriginal");
        Assert.Equal("2026:06:01 00:30:21", x.GetProperty("ExifIFD:DateTimeOriginal").ToString());
        Assert.Equal(triggers[7].LatDeg, x.GetProperty("Composite:GPSLatitude").GetDouble(), 7);

        var m = PhotoMetadataReader.Read(files[3]);
        Assert.Equal((1024, 768), (m.WidthPx, m.HeightPx));
        Assert.Equal(30.5, m.AltitudeRelM!.Value, 3);
        Assert.Equal(triggers[3].TimeUtc, m.CapturedUtc);

        using var ws = GeoPackageWorkspace.Create(Path.Combine(tmp.Path, "w.gpkg"));
        var report = ImageIngestOp.Run(ws, Path.GetDirectoryName(files[0])!);
        Assert.Equal(8, report.Added);
        var s = ImagesLayer.Schema;
        var rows = ws.Read(ImagesLayer.Name).ToList();
        Assert.Equal(7, rows.Count(r => r.Text(s, "view") == "nadir"));
        Assert.Equal("oblique", rows.Single(r => r.Text(s, "file_name") == "DJI_0008.JPG").Text(s, "view"));
        // 30.5 m × 6.4 mm / 75 mm / 1024 px = 0.254 cm/px at the centre of a nadir photo.
        Assert.All(rows.Where(r => r.Text(s, "view") == "nadir"), r => Assert.Equal(30.5 * 6.4 / 75 / 1024 * 100, r.Real(s, "gsd_cm_per_px")!.Value, 4));
    }
}
