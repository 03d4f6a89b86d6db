using DxGeo.Core.Features;
using DxGeo.Core.Workspace.GeoPackage;
using DxGeo.Imagery.Capture;
using DxGeo.Imagery.Images;
using DxGeo.Imagery.Ingest;
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
        Assert.True(report.Added == 8, string.Join("; ", report.Rejected.Select(r => r.Reason)));
        var s = ImagesLayer.Schema;
        var rows = ws.Read(ImagesLayer.Name).ToList();
        Assert.Equal(7, rows.Count(r => r.Text(s, "view") == "nadir"));
        Assert.Equal("oblique", rows.Single(r => r.Text(s, "file_name") == "DJI_0008.JPG").Text(s, "view"));
        // The inspection zoom holds 0.6 m per 256 px at the aimed point, nadir or oblique; the footprint code recovers
        // the sensor from the 35 mm equivalent focal length (an integer tag: within 0.2 %).
        Assert.All(rows, r => Assert.InRange(r.Real(s, "gsd_cm_per_px")!.Value / (60.0 / 256), 0.998, 1.002));
        Assert.All(rows, r => Assert.Equal("equiv_35mm", r.Text(s, "camera_source")));
    }
}
