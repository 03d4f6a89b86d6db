using DxGeo.Core.Crs;
using DxGeo.Core.Errors;
using NetTopologySuite.Geometries;

namespace DxGeo.Core.Tests.Crs;

/// <summary>GeoMeasure against Vincenty geodesics on GRS80 (independent of ProjNet): within 0.1 %.</summary>
public class GeoMeasureTests
{
    private static readonly GeometryFactory LonLat = new(new PrecisionModel(), 4326);

    private static LineString Line(params double[] lonLat) =>
        LonLat.CreateLineString(Enumerable.Range(0, lonLat.Length / 2).Select(i => new Coordinate(lonLat[2 * i], lonLat[2 * i + 1])).ToArray());

    [Theory]
    [InlineData(139.76, 35.68, 139.771, 35.68)]   // 1 km east in Tokyo (zone IX)
    [InlineData(141.35, 43.06, 141.35, 43.069)]   // 1 km north in Sapporo (XII)
    [InlineData(127.68, 26.21, 127.69, 26.22)]    // diagonal in Naha (XV)
    [InlineData(145.55, 43.30, 145.60, 43.35)]    // Nemuro, far east of the zone XIII origin
    [InlineData(-0.13, 51.50, -0.10, 51.52)]      // London (UTM 30N)
    [InlineData(151.20, -33.87, 151.25, -33.85)]  // Sydney (UTM 56S)
    public void LengthM_of_a_line_matches_the_geodesic_length_within_0_1_percent(double lon1, double lat1, double lon2, double lat2)
    {
        var geodesic = Geodesic.DistanceM(lon1, lat1, lon2, lat2);
        Assert.InRange(GeoMeasure.LengthM(Line(lon1, lat1, lon2, lat2)), geodesic * 0.999, geodesic * 1.001);
    }

    [Fact]
    public void LengthM_adds_up_every_segment()
    {
        var line = Line(139.70, 35.68, 139.71, 35.68, 139.71, 35.69, 139.72, 35.695);
        var geodesic = Geodesic.DistanceM(139.70, 35.68, 139.71, 35.68) + Geodesic.DistanceM(139.71, 35.68, 139.71, 35.69)
            + Geodesic.DistanceM(139.71, 35.69, 139.72, 35.695);
        Assert.InRange(GeoMeasure.LengthM(line), geodesic * 0.999, geodesic * 1.001);
    }

    [Fact]
    public void AreaM2_of_a_small_quadrangle_matches_its_geodesic_sides()
    {
        // 0.01° × 0.01° in Osaka: near-rectangle, area ≈ mean width × height.
        var poly = LonLat.CreatePolygon([new(135.50, 34.69), new(135.51, 34.69), new(135.51, 34.70), new(135.50, 34.70), new(135.50, 34.69)]);
        var width = (Geodesic.DistanceM(135.50, 34.69, 135.51, 34.69) + Geodesic.DistanceM(135.50, 34.70, 135.51, 34.70)) / 2;
        var height = Geodesic.DistanceM(135.50, 34.69, 135.50, 34.70);
        Assert.InRange(GeoMeasure.AreaM2(poly), width * height * 0.999, width * height * 1.001);
    }

    [Fact]
    public void DistanceM_between_points_matches_the_geodesic()
    {
        var a = LonLat.CreatePoint(new Coordinate(130.40, 33.59));
        var b = LonLat.CreatePoint(new Coordinate(130.42, 33.60));
        var geodesic = Geodesic.DistanceM(130.40, 33.59, 130.42, 33.60);
        Assert.InRange(GeoMeasure.DistanceM(a, b), geodesic * 0.999, geodesic * 1.001);
    }

    [Fact]
    public void DistanceM_from_a_point_to_a_pipe_is_to_its_nearest_part()
    {
        var pipe = Line(139.70, 35.68, 139.72, 35.68);
        var p = LonLat.CreatePoint(new Coordinate(139.71, 35.681)); // 0.001° north of the pipe's middle
        var geodesic = Geodesic.DistanceM(139.71, 35.68, 139.71, 35.681);
        Assert.InRange(GeoMeasure.DistanceM(pipe, p), geodesic * 0.999, geodesic * 1.001);
    }

    [Fact]
    public void BufferM_returns_lon_lat_whose_ring_lies_at_the_distance_on_the_ground()
    {
        var centre = LonLat.CreatePoint(new Coordinate(140.87, 38.27));
        var buffer = GeoMeasure.BufferM(centre, 100);
        Assert.Equal(4326, buffer.SRID);
        Assert.True(buffer.EnvelopeInternal.Width < 0.01, "the result is in degrees");
        foreach (var c in ((Polygon)buffer).ExteriorRing.Coordinates)
            Assert.InRange(Geodesic.DistanceM(140.87, 38.27, c.X, c.Y), 99.9, 100.1);
    }

    [Fact]
    public void Rejects_geometry_that_is_in_metres()
    {
        var metric = new GeometryFactory(new PrecisionModel(), 6677).CreateLineString([new(-12000, 500), new(-11000, 500)]);
        Assert.Throws<DxGeoException>(() => GeoMeasure.LengthM(metric));
        var unlabelled = Line(-12000, 500, -11000, 500);
        unlabelled.SRID = 0;
        var e = Assert.Throws<DxGeoException>(() => GeoMeasure.LengthM(unlabelled));
        Assert.Contains("metres", e.Message);
    }
}
