using DxGeo.Core.Features;
using DxGeo.Core.Workspace.GeoPackage;
using NetTopologySuite.Geometries;

namespace DxGeo.Core.Tests.Workspace;

/// <summary>We must read what GDAL writes (ogr2ogr -f GPKG from GeoJSON), and our writes must keep such a file valid for GDAL.</summary>
public class GdalWrittenGeoPackageTests
{
    private const string Props1 = """{"name":"配水管 本町一丁目","n":12,"big":5000000000,"x":1.25,"d":"2024-02-29","t":"2024-03-01T12:30:15.250Z","b":true}""";
    private const string Props2 = """{"name":"Main St","n":-3,"big":1,"x":-0.5,"d":"1999-12-31","t":"2000-01-01T00:00:00Z","b":false}""";

    private static string Collection(string g1, string g2) =>
        $$"""{"type":"FeatureCollection","features":[{"type":"Feature","properties":{{Props1}},"geometry":{{g1}}},{"type":"Feature","properties":{{Props2}},"geometry":{{g2}}}]}""";

    private static string MakeGdalGeoPackage(TempDir dir)
    {
        File.WriteAllText(dir.File("points.geojson"), Collection(
            """{"type":"Point","coordinates":[139.7671,35.6812]}""", """{"type":"Point","coordinates":[135.5023,34.6937]}"""));
        File.WriteAllText(dir.File("lines.geojson"), Collection(
            """{"type":"LineString","coordinates":[[139.70,35.60],[139.71,35.61],[139.72,35.60]]}""",
            """{"type":"LineString","coordinates":[[135.50,34.69],[135.51,34.70]]}"""));
        File.WriteAllText(dir.File("polygons.geojson"), Collection(
            """{"type":"Polygon","coordinates":[[[139.70,35.60],[139.71,35.60],[139.71,35.61],[139.70,35.61],[139.70,35.60]]]}""",
            """{"type":"Polygon","coordinates":[[[135.50,34.69],[135.52,34.69],[135.51,34.70],[135.50,34.69]]]}"""));
        var gpkg = dir.File("gdal.gpkg");
        Tool.Run("ogr2ogr", "-f", "GPKG", gpkg, dir.File("points.geojson"));
        Tool.Run("ogr2ogr", "-f", "GPKG", "-update", gpkg, dir.File("lines.geojson"));
        Tool.Run("ogr2ogr", "-f", "GPKG", "-update", gpkg, dir.File("polygons.geojson"));
        return gpkg;
    }

    [Fact]
    public void Reads_layers_fields_and_values_that_ogr2ogr_writes()
    {
        using var dir = new TempDir();
        var gpkg = MakeGdalGeoPackage(dir);
        using var ws = GeoPackageWorkspace.Open(gpkg);

        var layers = ws.ListLayers().ToDictionary(l => l.Name);
        Assert.Equal(["lines", "points", "polygons"], layers.Keys.Order());
        Assert.Equal(LayerGeometryType.Point, layers["points"].Schema.GeometryType);
        Assert.Equal(LayerGeometryType.LineString, layers["lines"].Schema.GeometryType);
        Assert.Equal(LayerGeometryType.Polygon, layers["polygons"].Schema.GeometryType);
        Assert.All(layers.Values, l => Assert.Equal(4326, l.Schema.Srid));
        Assert.All(layers.Values, l => Assert.Equal(2, l.FeatureCount));
        var extent = layers["points"].Extent!; // as GDAL recorded it in gpkg_contents
        Assert.Equal(135.5023, extent.MinX, 9);
        Assert.Equal(139.7671, extent.MaxX, 9);
        Assert.Equal(34.6937, extent.MinY, 9);
        Assert.Equal(35.6812, extent.MaxY, 9);

        var fields = layers["points"].Schema.Fields.Select(f => (f.Name, f.Type)).ToList();
        Assert.Equal([("name", FieldType.Text), ("n", FieldType.Integer), ("big", FieldType.Integer), ("x", FieldType.Real),
                      ("d", FieldType.Date), ("t", FieldType.DateTime), ("b", FieldType.Boolean)], fields);

        foreach (var name in layers.Keys)
        {
            var rows = ws.Read(name).ToList();
            Assert.Equal(["配水管 本町一丁目", 12L, 5_000_000_000L, 1.25, new DateOnly(2024, 2, 29),
                          new DateTimeOffset(2024, 3, 1, 12, 30, 15, 250, TimeSpan.Zero), true], rows[0].Values);
            Assert.Equal(["Main St", -3L, 1L, -0.5, new DateOnly(1999, 12, 31), new DateTimeOffset(2000, 1, 1, 0, 0, 0, TimeSpan.Zero), false], rows[1].Values);
            Assert.Equal(4326, rows[0].Geometry!.SRID);
        }
        Assert.Equal(new Coordinate(139.7671, 35.6812), ws.Get("points", 1)!.Geometry!.Coordinate);
        Assert.Equal(3, ws.Get("lines", 1)!.Geometry!.NumPoints);
        Assert.Equal(0.0001, ws.Get("polygons", 1)!.Geometry!.Area, 9);
        var hit = Assert.Single(ws.Read("lines", new() { BoundingBox = new Envelope(135.4, 135.6, 34.6, 34.8) }));
        Assert.Equal("Main St", hit.Values[0]);
    }

    [Fact]
    public void Writing_into_a_gdal_geopackage_keeps_it_valid_and_counted_for_gdal()
    {
        using var dir = new TempDir();
        var gpkg = MakeGdalGeoPackage(dir);
        const string triggers = "SELECT name, sql FROM sqlite_master WHERE type = 'trigger' ORDER BY name";
        var triggersBefore = Tool.Run("sqlite3", gpkg, triggers);
        using (var ws = GeoPackageWorkspace.Open(gpkg))
        using (var w = ws.BeginWrite())
        {
            w.Insert("points", new FeatureRecord(new Point(141.3545, 43.0618) { SRID = 4326 },
                ["札幌", 1L, 2L, 3.5, new DateOnly(2025, 1, 1), new DateTimeOffset(2025, 1, 1, 9, 0, 0, TimeSpan.Zero), true]));
            w.Commit();
        }
        var info = Tool.Run("ogrinfo", "-so", gpkg, "points");
        Assert.Contains("Feature Count: 3", info);
        Assert.Contains("Extent: (135.502300, 34.693700) - (141.354500, 43.061800)", info);
        var hit = Tool.Run("ogrinfo", "-q", gpkg, "points", "-spat", "141", "43", "142", "44");
        Assert.Contains("name (String) = 札幌", hit);
        var (code, text) = Tool.ValidateGpkg(gpkg);
        Assert.True(code == 0, text);
        // GDAL's own triggers are back, exactly: a feature GDAL appends afterwards is indexed and found by our bbox query.
        Assert.Equal(triggersBefore, Tool.Run("sqlite3", gpkg, triggers));
        File.WriteAllText(dir.File("more.geojson"), Collection(
            """{"type":"Point","coordinates":[130.4017,33.5902]}""", """{"type":"Point","coordinates":[127.6809,26.2124]}"""));
        Tool.Run("ogr2ogr", "-append", "-update", "-nln", "points", gpkg, dir.File("more.geojson"));
        using var re = GeoPackageWorkspace.Open(gpkg);
        var okinawa = Assert.Single(re.Read("points", new() { BoundingBox = new Envelope(127, 128, 26, 27) }));
        Assert.Equal(5, okinawa.Fid);
    }
}
