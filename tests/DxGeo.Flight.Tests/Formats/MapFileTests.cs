using DxGeo.Core.Errors;
using DxGeo.Flight.Formats;
using DxGeo.Flight.Planning;
using DxGeo.Flight.Tests.Support;
using NetTopologySuite.Geometries;

namespace DxGeo.Flight.Tests.Formats;

/// <summary>GeoJSON/KML output and area import, checked against GDAL (ogrinfo reads what we write; ogr2ogr writes what we read).</summary>
public class MapFileTests
{
    private static FlightPlan Plan() => FlightPlanner.PlanLevee(Sites.Levee(), new PlanRequest { NoFlyZones = [Sites.Zone("NF-2", 139.712, 35.6045, 0.0004)] });

    [Fact]
    public void Geojson_plan_is_read_by_gdal_with_a_route_per_sortie_and_every_photo()
    {
        using var dir = new TempDir();
        var plan = Plan();
        var path = dir.File("l3.geojson");
        PlanExport.Write(plan, path);
        var routes = Gdal.Run("ogrinfo", "-ro", "-q", "-sql", "SELECT COUNT(*) AS n FROM l3 WHERE kind = 'route'", path);
        Assert.Contains($"n (Integer) = {plan.Sorties.Count}", routes);
        var photos = Gdal.Run("ogrinfo", "-ro", "-q", "-sql", "SELECT COUNT(*) AS n FROM l3 WHERE kind = 'photo'", path);
        Assert.Contains($"n (Integer) = {plan.TotalPhotos}", photos);
        var fence = Gdal.Run("ogrinfo", "-ro", "-q", "-sql", "SELECT COUNT(*) AS n FROM l3 WHERE kind IN ('geofence', 'no_fly')", path);
        Assert.Contains("n (Integer) = 2", fence);
    }

    [Fact]
    public void Kml_plan_is_read_by_gdal_with_its_layers()
    {
        using var dir = new TempDir();
        var plan = Plan();
        var path = dir.File("l3.kml");
        PlanExport.Write(plan, path);
        var info = Gdal.Run("ogrinfo", "-ro", "-so", "-al", path);
        Assert.Contains("Layer name: Sorties", info);
        Assert.Contains($"Feature Count: {plan.Sorties.Count}", info);
        Assert.Contains("Layer name: Geofence and no-fly zones", info);
    }

    [Fact]
    public void Area_is_read_from_kml_geojson_and_shapefile_written_by_gdal()
    {
        using var dir = new TempDir();
        var area = Sites.Area();
        var src = dir.File("area.geojson");
        var ring = string.Join(",", area.ExteriorRing.Coordinates.Select(c => FormattableString.Invariant($"[{c.X:R},{c.Y:R}]")));
        File.WriteAllText(src, "{\"type\":\"FeatureCollection\",\"features\":[{\"type\":\"Feature\",\"properties\":{\"name\":\"a\"}," +
                               "\"geometry\":{\"type\":\"Polygon\",\"coordinates\":[[" + ring + "]]}}]}");
        Gdal.Run("ogr2ogr", "-f", "KML", dir.File("area.kml"), src);
        Gdal.Run("ogr2ogr", "-f", "ESRI Shapefile", dir.File("area.shp"), src);
        // Also a projected shapefile (JGD2011 zone IX): read back in lon/lat.
        Gdal.Run("ogr2ogr", "-f", "ESRI Shapefile", "-t_srs", "EPSG:6677", dir.File("area6677.shp"), src);
        foreach (var f in new[] { "area.geojson", "area.kml", "area.shp", "area6677.shp" })
        {
            var read = AreaFiles.ReadPolygon(dir.File(f));
            Assert.True(read.SymmetricDifference(area).Area < 1e-12, $"{f}: {read}");
        }
    }

    [Fact]
    public void Corridor_line_is_read_from_kml_and_a_file_without_lines_is_refused()
    {
        using var dir = new TempDir();
        var path = dir.File("line.kml");
        File.WriteAllText(path, """
            <?xml version="1.0" encoding="UTF-8"?>
            <kml xmlns="http://www.opengis.net/kml/2.2"><Document><Placemark><name>levee</name>
              <LineString><coordinates>139.700,35.600,0 139.706,35.6025,0 139.712,35.603,0</coordinates></LineString>
            </Placemark></Document></kml>
            """);
        var line = AreaFiles.ReadLine(path);
        Assert.Equal(3, line.NumPoints);
        Assert.Equal(139.706, line.GetCoordinateN(1).X, 9);
        var e = Assert.Throws<InputDataException>(() => AreaFiles.ReadPolygon(path));
        Assert.Contains(path, e.Message);
    }
}
