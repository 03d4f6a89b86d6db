using DxGeo.Imagery.Footprints;
using DxGeo.Imagery.Tests.Support;

namespace DxGeo.Imagery.Tests;

public class FootprintTests
{
    // A Mavic 3 Enterprise-like frame camera: 17.3 × 12.96 mm sensor (5280 × 3956 px), 12.29 mm lens.
    private static readonly PhotoCamera M3E = new(12.29, 17.3, 17.3 * 3956 / 5280.0, 5280, 3956, "test");
    private const double Lon = 139.70, Lat = 35.69; // Tokyo, JGD2011 zone IX (EPSG:6677)

    private static (double E, double N)[] Corners(PhotoFootprint fp) =>
        Peers.GdalTransform(6677, fp.LonLat.ExteriorRing.Coordinates.Take(4).Select(c => (c.X, c.Y)));

    private static double Dist((double E, double N) a, (double E, double N) b) => Math.Sqrt(Math.Pow(a.E - b.E, 2) + Math.Pow(a.N - b.N, 2));

    [Theory]
    [InlineData(100, 0)]
    [InlineData(60, 30)]
    [InlineData(120, 250)]
    public void Nadir_footprint_at_known_altitude_has_the_expected_size_within_1_percent(double heightM, double yawDeg)
    {
        var fp = FootprintOp.Compute(M3E, Lon, Lat, heightM, yawDeg, -90);
        // Similar triangles: ground extent = height × sensor extent / focal length.
        var expectedW = heightM * 17.3 / 12.29;
        var expectedH = heightM * (17.3 * 3956 / 5280.0) / 12.29;
        var c = Corners(fp); // measured in EPSG:6677 by GDAL, not by our transform
        Assert.Equal("nadir", fp.View);
        Assert.InRange(Dist(c[0], c[1]) / expectedW, 0.99, 1.01);
        Assert.InRange(Dist(c[1], c[2]) / expectedH, 0.99, 1.01);
        Assert.InRange(Dist(c[2], c[3]) / expectedW, 0.99, 1.01);
        Assert.InRange(Dist(c[0], c[2]) / Math.Sqrt(expectedW * expectedW + expectedH * expectedH), 0.99, 1.01);
        // The top edge (image left → right) runs at yaw + 90° (grid bearing; zone IX's convergence here is < 0.1°).
        var bearing = (Math.Atan2(c[1].E - c[0].E, c[1].N - c[0].N) * 180 / Math.PI + 360) % 360;
        var diff = Math.Abs(((bearing - (yawDeg + 90)) % 360 + 540) % 360 - 180);
        Assert.True(diff < 0.5, $"top edge bearing {bearing:F2}° for yaw {yawDeg}°");
        // GSD at the centre = height × pixel pitch / focal length.
        Assert.InRange(fp.GsdCmPerPx / (heightM * (17.3 / 5280) / 12.29 * 100), 0.999, 1.001);
    }

    [Fact]
    public void Oblique_footprint_is_a_trapezoid_widening_away_from_the_camera_towards_the_yaw()
    {
        const double h = 50;
        var fp = FootprintOp.Compute(M3E, Lon, Lat, h, yawDeg: 90, pitchDeg: -45);
        var cam = Peers.GdalTransform(6677, [(Lon, Lat)])[0];
        var c = Corners(fp); // 0,1 = top edge (far), 2,3 = bottom edge (near)
        Assert.Equal("oblique", fp.View);
        Assert.False(fp.HorizonCapped);
        var far = Dist(c[0], c[1]);
        var near = Dist(c[2], c[3]);
        Assert.True(far > near * 1.3, $"far edge {far:F1} m should be wider than near edge {near:F1} m");
        // Looking east: both edges lie east of the camera, the far one further.
        double MidE(int a, int b) => (c[a].E + c[b].E) / 2 - cam.E;
        Assert.True(MidE(2, 3) > 0 && MidE(0, 1) > MidE(2, 3));
        // Near edge centre: depression = 45° + half the vertical field of view → distance h / tan(that).
        var halfV = Math.Atan(17.3 * 3956 / 5280.0 / 2 / 12.29);
        Assert.InRange(MidE(2, 3) / (h / Math.Tan(Math.PI / 4 + halfV)), 0.99, 1.01);
        Assert.InRange(MidE(0, 1) / (h / Math.Tan(Math.PI / 4 - halfV)), 0.99, 1.01);
        // Parallel near/far edges (both run north–south) make it a trapezoid.
        Assert.True(Math.Abs(c[0].E - c[1].E) < 0.01 && Math.Abs(c[2].E - c[3].E) < 0.01);
    }

    [Fact]
    public void Oblique_far_edge_is_capped_before_the_horizon()
    {
        const double h = 30;
        var fp = FootprintOp.Compute(M3E, Lon, Lat, h, yawDeg: 0, pitchDeg: -15);
        Assert.True(fp.HorizonCapped);
        var cam = Peers.GdalTransform(6677, [(Lon, Lat)])[0];
        var c = Corners(fp);
        var maxRange = h / Math.Tan(GroundProjector.MinDepressionDeg * Math.PI / 180);
        Assert.All(c, p => Assert.True(Dist(p, cam) <= maxRange * 1.001, $"corner {Dist(p, cam):F0} m beyond the cap {maxRange:F0} m"));
        Assert.True(c[0].N - cam.N > 0.9 * maxRange * Math.Cos(Math.Atan(17.3 / 2 / 12.29)));
    }

    [Fact]
    public void Camera_looking_above_the_horizon_has_no_footprint() =>
        Assert.Contains("horizon", Assert.Throws<Core.Errors.InputDataException>(() => FootprintOp.Compute(M3E, Lon, Lat, 30, 0, 10)).Message);
}
