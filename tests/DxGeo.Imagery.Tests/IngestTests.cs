using DxGeo.Core.Assets;
using DxGeo.Core.Assets.Layers;
using DxGeo.Core.Features;
using DxGeo.Core.Workspace;
using DxGeo.Core.Workspace.GeoPackage;
using DxGeo.Imagery.Images;
using DxGeo.Imagery.Ingest;
using DxGeo.Imagery.Tests.Support;
using DxGeo.Mavlink.FlightLog;
using NetTopologySuite.Geometries;

namespace DxGeo.Imagery.Tests;

public class IngestTests
{
    private static readonly DateTimeOffset T0 = new(2026, 5, 17, 1, 0, 0, TimeSpan.Zero);
    private const double Lat = 35.69, Lon = 139.70;

    private static List<FeatureRecord> Rows(IWorkspace ws) => ws.Read(ImagesLayer.Name).ToList();
    private static string? Text(FeatureRecord r, string f) => r.Text(ImagesLayer.Schema, f);

    [Fact]
    public void Bad_files_are_reported_one_by_one_and_the_batch_goes_on_without_half_rows()
    {
        using var tmp = new TempDir();
        var dir = tmp.Sub("photos");
        var good1 = Fixtures.CopySmall(dir, "IMG_9356.jpg");
        var good2 = Fixtures.DjiPhoto(dir, "dji_0001.jpg", Lat, Lon, T0);
        var full = File.ReadAllBytes(Path.Combine(TestPaths.CaliterraSmall, "IMG_9357.jpg"));
        File.WriteAllBytes(Path.Combine(dir, "truncated.jpg"), full[..(full.Length / 2)]);
        File.WriteAllBytes(Path.Combine(dir, "renamed_png.jpg"), Fixtures.Png());
        File.WriteAllBytes(Path.Combine(dir, "no_exif.jpg"), Fixtures.PlainJpeg());
        var absurd = Fixtures.CopySmall(dir, "IMG_9357.jpg", "absurd_alt.jpg");
        Peers.ExifTool($"-q -overwrite_original -GPSAltitude=25000 \"{absurd}\"");
        var nogps = Fixtures.CopySmall(dir, "IMG_9358.jpg", "no_gps.jpg");
        Peers.ExifTool($"-q -overwrite_original -gps:all= \"{nogps}\"");
        File.CreateSymbolicLink(Path.Combine(dir, "unreadable.jpg"), Path.Combine(tmp.Path, "gone", "nothing.jpg"));
        var ws = GeoPackageWorkspace.Create(Path.Combine(tmp.Path, "w.gpkg"));
        using (ws)
        {
            var report = ImageIngestOp.Run(ws, dir, new ImageIngestOptions { GroundElevationM = 230, ChunkSize = 3, ThumbnailDir = tmp.Sub("thumbs") });

            Assert.Equal(2, report.Added);
            var reasons = report.Rejected.ToDictionary(r => Path.GetFileName(r.Path), r => r.Reason);
            Assert.Equal(6, reasons.Count);
            Assert.Contains("truncated", reasons["truncated.jpg"]);
            Assert.Contains("PNG", reasons["renamed_png.jpg"]);
            Assert.Contains("no EXIF", reasons["no_exif.jpg"]);
            Assert.Contains("altitude", reasons["absurd_alt.jpg"]);
            Assert.Contains("no GPS", reasons["no_gps.jpg"]);
            Assert.Contains("cannot read", reasons["unreadable.jpg"]);
            var rows = Rows(ws);
            Assert.Equal(2, rows.Count);
            Assert.Equal(new[] { "IMG_9356.jpg", "dji_0001.jpg" }, rows.Select(r => Text(r, "file_name")).Order(StringComparer.Ordinal));
            Assert.All(rows, r => Assert.Null(Core.Workspace.FeatureValidator.Check(ImagesLayer.Schema, r)));
            Assert.All(rows, r => Assert.True(File.Exists(Text(r, "thumb_path")), "thumbnail written"));
            var canon = rows.Single(r => Text(r, "file_name") == "IMG_9356.jpg");
            Assert.Equal("ground_elevation", Text(canon, "height_source"));
            Assert.Equal(320.1 - 230, canon.Real(ImagesLayer.Schema, "altitude_rel_m")!.Value, 3);
            Assert.Equal("focal_plane_resolution", Text(canon, "camera_source"));
            var dji = rows.Single(r => Text(r, "file_name") == "dji_0001.jpg");
            Assert.Equal("relative_altitude", Text(dji, "height_source"));
            Assert.Equal("preset:dji-m30-zoom", Text(dji, "camera_source"));
        }
    }

    [Fact]
    public void Photo_with_only_sea_level_altitude_and_no_ground_elevation_is_reported_as_unplaceable()
    {
        using var tmp = new TempDir();
        var dir = tmp.Sub("photos");
        Fixtures.CopySmall(dir, "IMG_9356.jpg");
        using var ws = GeoPackageWorkspace.Create(Path.Combine(tmp.Path, "w.gpkg"));
        var report = ImageIngestOp.Run(ws, dir);
        Assert.Equal(0, report.Added);
        Assert.Contains("--ground-elevation", Assert.Single(report.Rejected).Reason);
        Assert.Null(ws.FindLayer(ImagesLayer.Name));
    }

    [Fact]
    public void Reingest_is_idempotent_and_a_moved_folder_is_relinked_by_hash()
    {
        using var tmp = new TempDir();
        var dir = tmp.Sub("flight1");
        for (var i = 0; i < 5; i++) Fixtures.DjiPhoto(dir, $"DJI_{i:D4}.JPG", Lat + i * 1e-4, Lon, T0.AddSeconds(i * 2), (byte)(100 + i));
        using var ws = GeoPackageWorkspace.Create(Path.Combine(tmp.Path, "w.gpkg"));
        Assert.Equal(5, ImageIngestOp.Run(ws, dir, new ImageIngestOptions { ChunkSize = 2 }).Added);
        var ids = Rows(ws).Select(r => Text(r, "image_id")).Order().ToArray();

        var again = ImageIngestOp.Run(ws, dir);
        Assert.Equal((0, 0, 5), (again.Added, again.Relinked, again.Unchanged));
        Assert.Equal(5, ws.Count(ImagesLayer.Name));

        var moved = Path.Combine(tmp.Path, "archive", "flight1");
        Directory.CreateDirectory(Path.GetDirectoryName(moved)!);
        Directory.Move(dir, moved);
        var relinked = ImageIngestOp.Run(ws, moved);
        Assert.Equal((0, 5), (relinked.Added, relinked.Relinked));
        Assert.Equal(ids, Rows(ws).Select(r => Text(r, "image_id")).Order().ToArray());
        Assert.All(Rows(ws), r => Assert.StartsWith(moved, Text(r, "path")));

        var back = Path.Combine(tmp.Path, "flight1-again");
        Directory.Move(moved, back);
        var rel = ImageRelinkOp.Run(ws, moved, back);
        Assert.Equal(5, rel.Relinked);
        Assert.Empty(rel.Missing);
        Assert.All(Rows(ws), r => Assert.True(File.Exists(Text(r, "path"))));
    }

    [Fact]
    public void Relink_refuses_a_file_whose_content_changed()
    {
        using var tmp = new TempDir();
        var dir = tmp.Sub("a");
        Fixtures.DjiPhoto(dir, "x.jpg", Lat, Lon, T0);
        using var ws = GeoPackageWorkspace.Create(Path.Combine(tmp.Path, "w.gpkg"));
        ImageIngestOp.Run(ws, dir);
        var b = tmp.Sub("b");
        Fixtures.DjiPhoto(b, "x.jpg", Lat, Lon, T0, shade: 30);
        var rel = ImageRelinkOp.Run(ws, dir, b);
        Assert.Equal(0, rel.Relinked);
        Assert.Contains("SHA-256", Assert.Single(rel.Missing).Reason);
        Assert.StartsWith(dir, Text(Rows(ws)[0], "path"));
    }

    [Fact]
    public void Photo_is_linked_to_the_flight_flown_at_its_time_and_takes_its_take_off_elevation()
    {
        using var tmp = new TempDir();
        var dir = tmp.Sub("photos");
        Fixtures.CopySmall(dir, "IMG_9356.jpg"); // 2014-10-19 18:20:55 UTC, GPS altitude 320.1 m
        using var ws = GeoPackageWorkspace.Create(Path.Combine(tmp.Path, "w.gpkg"));
        var start = new DateTimeOffset(2014, 10, 19, 18, 15, 0, TimeSpan.Zero);
        FlightTrackPoint P(int s, double lat, double lon, double rel) => new(start.AddSeconds(s), lat, lon, 240 + rel, rel, 5, 90, "AUTO", true, 1);
        FlightLogWriter.Write(ws, new FlightRecord
        {
            FlightId = "F-caliterra", StartedUtc = start, EndedUtc = start.AddMinutes(15),
            Points = [P(0, 30.1700, -98.0900, 0), P(300, 30.1711, -98.0898, 80), P(900, 30.1700, -98.0900, 0)],
        });
        FlightLogWriter.Write(ws, new FlightRecord
        {
            FlightId = "F-other-day", StartedUtc = start.AddDays(1), EndedUtc = start.AddDays(1).AddMinutes(15),
            Points = [P(86400, 30.1700, -98.0900, 0), P(86500, 30.1711, -98.0898, 80)],
        });
        var report = ImageIngestOp.Run(ws, dir);
        Assert.Equal(1, report.Added);
        var row = Rows(ws)[0];
        Assert.Equal("F-caliterra", Text(row, "flight_id"));
        Assert.Equal("flight_takeoff", Text(row, "height_source"));
        Assert.Equal(320.1 - 240, row.Real(ImagesLayer.Schema, "altitude_rel_m")!.Value, 3);
    }

    [Fact]
    public void Photo_is_linked_to_the_asset_its_footprint_covers_most()
    {
        using var tmp = new TempDir();
        var dir = tmp.Sub("photos");
        // M30 zoom at 75 mm from 30 m: 2.56 m × 1.92 m on the ground around (Lon, Lat); 1 m ≈ 1.1e-5° of longitude here.
        Fixtures.DjiPhoto(dir, "p.jpg", Lat, Lon, T0);
        using var ws = GeoPackageWorkspace.Create(Path.Combine(tmp.Path, "w.gpkg"));
        var gf = new GeometryFactory(new PrecisionModel(), 4326);
        LineString L(params double[] xy) => gf.CreateLineString(Enumerable.Range(0, xy.Length / 2).Select(i => new Coordinate(xy[2 * i], xy[2 * i + 1])).ToArray());
        using (var w = ws.BeginWrite())
        {
            w.CreateLayer(AssetLayers.Levees.Schema);
            w.InsertAll(AssetLayers.Levees, new[]
            {
                new Levee { LeveeId = "corner", Geometry = L(Lon + 1.2e-5, Lat - 1e-4, Lon + 1.2e-5, Lat + 1e-4) }, // clips the east edge
                new Levee { LeveeId = "through", Geometry = L(Lon - 1e-4, Lat, Lon + 1e-4, Lat) },             // crosses the whole frame
                new Levee { LeveeId = "far", Geometry = L(Lon + 1e-3, Lat, Lon + 2e-3, Lat) },
            });
            w.Commit();
        }
        ImageIngestOp.Run(ws, dir);
        var row = Rows(ws)[0];
        Assert.Equal(("levees", "through"), (Text(row, "asset_layer"), Text(row, "asset_id")));
    }
}
