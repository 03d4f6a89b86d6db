using System.Text;
using DxGeo.Core.Errors;
using DxGeo.Core.Formats;

namespace DxGeo.Core.Tests.Formats;

public sealed class FormatDetectorTests : IDisposable
{
    private readonly TempDir _dir = new();

    private static readonly byte[] Png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52];

    [Fact]
    public void Png_renamed_geojson_is_named_as_a_png()
    {
        var path = _dir.File("pipes.geojson");
        File.WriteAllBytes(path, Png);
        var e = Assert.Throws<InputDataException>(() => FormatDetector.Detect(path));
        Assert.Equal(path, e.File);
        Assert.Contains("PNG image", e.Message);
        Assert.Contains(".geojson", e.Message);
    }

    [Fact]
    public void Json_renamed_shp_is_named_as_json()
    {
        var path = _dir.File("pipes.shp");
        File.WriteAllText(path, "  {\"type\":\"FeatureCollection\",\"features\":[]}");
        var e = Assert.Throws<InputDataException>(() => FormatDetector.Detect(path));
        Assert.Contains("JSON text", e.Message);
        Assert.Contains("Esri shapefile", e.Message);
    }

    [Fact]
    public void Real_files_written_by_gdal_are_recognised()
    {
        var csv = _dir.File("a.csv");
        File.WriteAllText(csv, "id,WKT\n1,\"POINT (1 2)\"\n");
        Gdal.Ogr2Ogr("-f", "GPKG", _dir.File("a.gpkg"), csv, "-oo", "GEOM_POSSIBLE_NAMES=WKT");
        Gdal.Ogr2Ogr("-f", "ESRI Shapefile", _dir.File("a.shp"), csv, "-oo", "GEOM_POSSIBLE_NAMES=WKT");
        Gdal.Ogr2Ogr("-f", "GeoJSON", _dir.File("a.geojson"), csv, "-oo", "GEOM_POSSIBLE_NAMES=WKT");
        Assert.Equal(FormatKind.GeoPackage, FormatDetector.Detect(_dir.File("a.gpkg")));
        Assert.Equal(FormatKind.Shapefile, FormatDetector.Detect(_dir.File("a.shp")));
        Assert.Equal(FormatKind.GeoJson, FormatDetector.Detect(_dir.File("a.geojson")));
        Assert.Equal(FormatKind.Csv, FormatDetector.Detect(csv));
    }

    [Fact]
    public void Truncated_geopackage_is_reported_as_truncated()
    {
        var csv = _dir.File("a.csv");
        File.WriteAllText(csv, "id,WKT\n" + string.Concat(Enumerable.Range(0, 500).Select(i => $"{i},\"POINT ({i} 2)\"\n")));
        var gpkg = _dir.File("a.gpkg");
        Gdal.Ogr2Ogr("-f", "GPKG", gpkg, csv, "-oo", "GEOM_POSSIBLE_NAMES=WKT");
        var bytes = File.ReadAllBytes(gpkg);
        var cut = _dir.File("cut.gpkg");
        File.WriteAllBytes(cut, bytes[..(bytes.Length / 2)]);
        var e = Assert.Throws<InputDataException>(() => FormatDetector.Detect(cut));
        Assert.Contains("truncated", e.Message);
        Assert.Equal(cut, e.File);
    }

    [Fact]
    public void Truncated_shapefile_is_reported_as_truncated()
    {
        var csv = _dir.File("a.csv");
        File.WriteAllText(csv, "id,WKT\n" + string.Concat(Enumerable.Range(0, 50).Select(i => $"{i},\"POINT ({i} 2)\"\n")));
        Gdal.Ogr2Ogr("-f", "ESRI Shapefile", _dir.File("a.shp"), csv, "-oo", "GEOM_POSSIBLE_NAMES=WKT");
        var bytes = File.ReadAllBytes(_dir.File("a.shp"));
        File.WriteAllBytes(_dir.File("a.shp"), bytes[..(bytes.Length - 40)]);
        var e = Assert.Throws<InputDataException>(() => FormatDetector.Detect(_dir.File("a.shp")));
        Assert.Contains("truncated", e.Message);
    }

    [Theory]
    [InlineData("x.csv", "")]
    [InlineData("x.kml", "<kml/>")]
    public void Empty_files_and_unknown_extensions_are_refused(string name, string content)
    {
        var path = _dir.File(name);
        File.WriteAllText(path, content, Encoding.UTF8);
        Assert.Throws<InputDataException>(() => FormatDetector.Detect(path));
    }

    [Fact]
    public void Missing_file_names_the_path()
    {
        var e = Assert.Throws<InputDataException>(() => FormatDetector.Detect(_dir.File("nope.geojson")));
        Assert.Contains("not found", e.Message);
        Assert.Contains("nope.geojson", e.Message);
    }

    public void Dispose() => _dir.Dispose();
}
