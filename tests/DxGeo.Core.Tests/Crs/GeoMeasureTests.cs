using DxGeo.Core.Crs;
using NetTopologySuite.Geometries;

namespace DxGeo.Core.Tests.Crs;

public class GeoMeasureTests
{
    private static readonly GeometryFactory Lonlat = new(new PrecisionModel(), 4326);

    [Fact]
    public void LengthM_of_a_line_matches_the_geodesic_length_within_0_1_percent()
    {
        // ~1 km east-west line in Tokyo (zone IX); Vincenty on GRS80 is independent of ProjNet.
        var line = Lonlat.CreateLineString([new Coordinate(139.76, 35.68), new Coordinate(139.771, 35.68)]);
        var geodesic = Geodesic.DistanceM(139.76, 35.68, 139.771, 35.68);
        Assert.InRange(GeoMeasure.LengthM(line), geodesic * 0.999, geodesic * 1.001);
    }
}
