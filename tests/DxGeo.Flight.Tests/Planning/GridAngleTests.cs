using DxGeo.Flight.Camera;
using DxGeo.Flight.Patterns;
using DxGeo.Flight.Tests.Support;
using NetTopologySuite.Geometries;
using NetTopologySuite.Geometries.Utilities;

namespace DxGeo.Flight.Tests.Planning;

public class GridAngleTests
{
    [Theory]
    [InlineData(30)]
    [InlineData(75)]
    [InlineData(140)]
    public void Lines_run_along_a_long_thin_field_whatever_its_orientation(double bearingDeg)
    {
        // 1200 m × 150 m rectangle whose long side runs at the given compass bearing.
        var rect = Scenarios.F.CreatePolygon([new(-600, -75), new(600, -75), new(600, 75), new(-600, 75), new(-600, -75)]);
        var rotated = AffineTransformation.RotationInstance((90 - bearingDeg) * Math.PI / 180).Transform(rect);
        var shot = CameraCalc.ForGsd(Scenarios.Camera, 2, 80, 70);
        var o = new AreaGridOptions { Shot = shot, AltitudeM = shot.DistanceM, SpeedMps = 8 };
        var pattern = AreaGridPattern.Plan(rotated, [], o);
        var track = pattern.Lines[0].TrackDeg % 180;
        var diff = Math.Abs(track - bearingDeg % 180);
        Assert.True(Math.Min(diff, 180 - diff) <= 1.0, $"lines at {track:0.0}°, field at {bearingDeg}°");
        Assert.True(AreaGridPattern.EstimateTimeS(rotated, track, o) <= AreaGridPattern.EstimateTimeS(rotated, (bearingDeg + 90) % 180, o));
    }

    [Fact]
    public void Given_bearing_is_used_as_is()
    {
        var shot = CameraCalc.ForGsd(Scenarios.Camera, 2, 80, 70);
        var pattern = AreaGridPattern.Plan(Scenarios.Star(new Random(1), new Coordinate(0, 0), 300, 7, 0.5), [],
            new AreaGridOptions { Shot = shot, AltitudeM = shot.DistanceM, SpeedMps = 8, LineBearingDeg = 20 });
        Assert.All(pattern.Lines, l => Assert.True(Math.Abs(l.TrackDeg % 180 - 20) < 1e-6));
    }
}
