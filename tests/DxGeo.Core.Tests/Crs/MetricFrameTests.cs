using DxGeo.Core.Crs;
using DxGeo.Core.Errors;
using NetTopologySuite.Geometries;
using NetTopologySuite.IO;

namespace DxGeo.Core.Tests.Crs;

public class MetricFrameTests
{
    [Theory]
    [InlineData(139.7671, 35.6812, 6677)] // Tokyo
    [InlineData(135.4959, 34.7025, 6674)] // Osaka
    [InlineData(127.6792, 26.2124, 6683)] // Naha
    [InlineData(-0.128, 51.507, 32630)]   // London: UTM
    public void For_a_place_picks_its_metric_crs(double lon, double lat, int expected)
    {
        var frame = MetricFrame.For(lon, lat);
        Assert.Equal(expected, frame.Epsg);
        Assert.Equal(4326, frame.ToMetric.SourceEpsg);
        Assert.Equal(expected, frame.ToMetric.TargetEpsg);
        Assert.Equal(expected, frame.ToLonLat.SourceEpsg);
        Assert.Equal(4326, frame.ToLonLat.TargetEpsg);
    }

    [Fact]
    public void For_a_geometry_uses_its_envelope_centre()
    {
        // A pipe line in Sendai (zone X); its first vertex alone would also be X, but the centre decides.
        var line = new WKTReader().Read("LINESTRING (140.80 38.20, 140.95 38.35)");
        Assert.Equal(6678, MetricFrame.For(line).Epsg);
        // First point on the Izu peninsula (zone VIII), last in Ibaraki; the centre is Tokyo (IX).
        var spread = new WKTReader().Read("MULTIPOINT ((139.0 35.0), (140.4 36.4))");
        Assert.Equal(6676, MetricFrame.For(spread.GetGeometryN(0)).Epsg);
        Assert.Equal(6677, MetricFrame.For(spread).Epsg);
    }

    [Fact]
    public void Project_then_unproject_returns_the_geometry()
    {
        var poly = new WKTReader().Read("POLYGON ((139.70 35.68, 139.71 35.68, 139.71 35.69, 139.70 35.68))");
        var frame = MetricFrame.For(poly);
        var metric = frame.Project(poly);
        Assert.Equal(6677, metric.SRID);
        Assert.True(metric.EnvelopeInternal.MinX is > -20000 and < -5000, "Shinjuku lies ~12 km west of the zone IX origin");
        var back = frame.Unproject(metric);
        Assert.Equal(4326, back.SRID);
        Assert.True(back.EqualsExact(poly, 1e-11));
    }

    [Fact]
    public void ForEpsg_accepts_any_projected_metric_crs_and_caches_it()
    {
        var frame = MetricFrame.ForEpsg(2451);
        Assert.Equal(2451, frame.Epsg);
        Assert.Same(frame, MetricFrame.ForEpsg(2451));
    }

    [Theory]
    [InlineData(4326)]
    [InlineData(6668)]
    [InlineData(3857)]
    public void ForEpsg_refuses_degrees_and_web_mercator(int code)
    {
        var e = Assert.Throws<DxGeoException>(() => MetricFrame.ForEpsg(code));
        Assert.Contains($"EPSG:{code}", e.Message);
    }

    [Fact]
    public void For_an_empty_geometry_is_an_argument_error()
    {
        Assert.Throws<ArgumentException>(() => MetricFrame.For(Point.Empty));
    }
}
