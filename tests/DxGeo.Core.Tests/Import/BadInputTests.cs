using DxGeo.Core.Crs;
using DxGeo.Core.Errors;
using DxGeo.Core.Import;
using DxGeo.Core.Tests.Formats;
using static DxGeo.Core.Tests.Import.ImportFixture;

namespace DxGeo.Core.Tests.Import;

/// <summary>Each kind of bad input gives its own clear error naming the file, and the workspace stays exactly as it was.</summary>
public sealed class BadInputTests : IDisposable
{
    private readonly ImportFixture _fx = new();
    private readonly string _before;

    public BadInputTests()
    {
        var seed = _fx.GeoJson("seed.geojson",
        [
            ("{\"pipe_id\":\"S-1\",\"diameter_mm\":100}", Line(139.7, 35.6, 139.71, 35.61)),
            ("{\"pipe_id\":\"S-2\",\"diameter_mm\":150}", Line(139.71, 35.61, 139.72, 35.6)),
        ]);
        LayerImporter.Import(_fx.Workspace, seed, new ImportOptions { Layer = "water_pipes" });
        _before = Fingerprint(_fx.Workspace);
    }

    private T Fails<T>(string path, ImportOptions? o = null) where T : Exception
    {
        var e = Assert.Throws<T>(() => LayerImporter.Import(_fx.Workspace, path, o ?? new ImportOptions { Layer = "water_pipes" }));
        Assert.Contains(path, e.Message);
        Assert.Equal(_before, Fingerprint(_fx.Workspace));
        return e;
    }

    [Fact]
    public void Broken_json_names_the_line_and_leaves_the_workspace_unchanged()
    {
        var path = _fx.File("broken.geojson");
        File.WriteAllText(path, "{\"type\":\"FeatureCollection\",\"features\":[\n" +
            "{\"type\":\"Feature\",\"properties\":{\"pipe_id\":\"B-1\",\"diameter_mm\":100},\"geometry\":" + Line(139.7, 35.6, 139.71, 35.61) + "},\n" +
            "{\"type\":\"Feature\",\"properties\":{\"pipe_id\":\"B-2\",\"diameter_mm\":100,},\"geometry\":null}\n]}");
        var e = Fails<InputDataException>(path);
        Assert.Contains("broken JSON at line 3", e.Message);
        Assert.Equal(1, e.FeatureIndex);
    }

    [Fact]
    public void Self_intersecting_polygon_names_the_feature_and_where()
    {
        var path = _fx.GeoJson("bowtie.geojson",
        [
            ("{\"zone_id\":\"Z-1\",\"soil_class\":\"clay\",\"corrosivity\":\"low\"}", "{\"type\":\"Polygon\",\"coordinates\":[[[139.7,35.6],[139.71,35.6],[139.71,35.61],[139.7,35.61],[139.7,35.6]]]}"),
            ("{\"zone_id\":\"Z-2\",\"soil_class\":\"sand\",\"corrosivity\":\"low\"}", "{\"type\":\"Polygon\",\"coordinates\":[[[139.7,35.6],[139.71,35.61],[139.71,35.6],[139.7,35.61],[139.7,35.6]]]}"),
        ]);
        var e = Fails<InputDataException>(path, new ImportOptions { Layer = "soil" });
        Assert.Equal(1, e.FeatureIndex);
        Assert.Equal("Z-2", e.FeatureId);
        Assert.Equal("geometry", e.Field);
        Assert.Contains("Self-intersection", e.Message);
        Assert.Null(_fx.Workspace.FindLayer("soil"));
    }

    [Fact]
    public void Unknown_epsg_in_the_file_is_refused()
    {
        var path = _fx.GeoJson("crs.geojson", [("{\"pipe_id\":\"C-1\",\"diameter_mm\":100}", Line(1000, 2000, 1100, 2100))], crs: 99999);
        var e = Fails<UnknownCrsException>(path);
        Assert.Contains("EPSG:99999", e.Message);
    }

    [Fact]
    public void Unknown_epsg_given_with_srid_is_refused()
    {
        var path = _fx.GeoJson("ok.geojson", [("{\"pipe_id\":\"C-1\",\"diameter_mm\":100}", Line(1000, 2000, 1100, 2100))]);
        var e = Fails<UnknownCrsException>(path, new ImportOptions { Layer = "water_pipes", Srid = 12345 });
        Assert.Contains("EPSG:12345", e.Message);
    }

    [Fact]
    public void Unidentifiable_prj_is_refused_until_srid_is_given()
    {
        var csv = _fx.File("in.csv");
        File.WriteAllText(csv, "pipe_id,diameter_mm,WKT\nP,100,\"LINESTRING (1000 2000,1100 2100)\"\n");
        var shp = _fx.File("odd.shp");
        Gdal.Ogr2Ogr("-f", "ESRI Shapefile", shp, csv, "-oo", "GEOM_POSSIBLE_NAMES=WKT", "-oo", "KEEP_GEOM_COLUMNS=NO", "-nlt", "LINESTRING",
            "-a_srs", "+proj=tmerc +lat_0=10 +lon_0=100 +k=0.9 +x_0=7 +y_0=3 +ellps=bessel +units=m");
        var e = Fails<UnknownCrsException>(shp);
        Assert.Contains("--srid", e.Message);
    }

    [Fact]
    public void Truncated_geopackage_is_reported_as_truncated()
    {
        var csv = _fx.File("in.csv");
        File.WriteAllText(csv, "pipe_id,diameter_mm,WKT\n" + string.Concat(Enumerable.Range(0, 300).Select(i => $"P{i},100,\"LINESTRING (139.{i:D3} 35.6,139.{i:D3} 35.61)\"\n")));
        var gpkg = _fx.File("src.gpkg");
        Gdal.Ogr2Ogr("-f", "GPKG", gpkg, csv, "-oo", "GEOM_POSSIBLE_NAMES=WKT", "-oo", "KEEP_GEOM_COLUMNS=NO", "-a_srs", "EPSG:4326");
        var bytes = File.ReadAllBytes(gpkg);
        var cut = _fx.File("cut.gpkg");
        File.WriteAllBytes(cut, bytes[..(bytes.Length * 2 / 3)]);
        var e = Fails<InputDataException>(cut);
        Assert.Contains("truncated", e.Message);
    }

    [Fact]
    public void Png_renamed_geojson_says_it_is_a_png()
    {
        var path = _fx.File("pipes.geojson");
        File.WriteAllBytes(path, [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, 0, 0, 1, 0]);
        Assert.Contains("PNG image", Fails<InputDataException>(path).Message);
    }

    [Fact]
    public void Json_renamed_shp_says_it_is_json()
    {
        var path = _fx.File("pipes.shp");
        File.WriteAllText(path, "{\"type\":\"FeatureCollection\",\"features\":[]}");
        Assert.Contains("JSON text", Fails<InputDataException>(path).Message);
    }

    [Fact]
    public void Wrong_geometry_type_for_the_layer_is_named()
    {
        var path = _fx.GeoJson("pts.geojson", [("{\"pipe_id\":\"P\",\"diameter_mm\":100}", "{\"type\":\"Point\",\"coordinates\":[139.7,35.6]}")]);
        var e = Fails<InputDataException>(path);
        Assert.Equal("geometry", e.Field);
        Assert.Contains("expected LineString", e.Message);
    }

    [Fact]
    public void Projected_coordinates_without_a_crs_ask_for_srid()
    {
        var csv = _fx.File("nocrs.csv");
        File.WriteAllText(csv, "pipe_id,diameter_mm,WKT\nP,100,\"LINESTRING (-7000 -35000,-6900 -34900)\"\n");
        var e = Fails<InputDataException>(csv);
        Assert.Contains("outside lon/lat range", e.Message);
        Assert.Contains("--srid", e.Message);
    }

    public void Dispose() => _fx.Dispose();
}
