using DxGeo.Core.Errors;
using DxGeo.Flight.Camera;

namespace DxGeo.Flight.Tests.Camera;

public class CameraCalcTests
{
    // A round-numbered camera so every expected value below is worked out by hand.
    private static readonly CameraModel Cam = new()
    {
        Id = "test", Name = "test", SensorWidthMm = 10, SensorHeightMm = 7.5, FocalLengthMm = 10, ImageWidthPx = 4000, ImageHeightPx = 3000,
    };

    [Fact]
    public void Gsd_follows_the_qgc_formula_distance_times_sensor_width_over_image_width_times_focal_length()
    {
        // 100 m × 10 mm × 100 / (4000 px × 10 mm) = 2.5 cm/px
        Assert.Equal(2.5, CameraCalc.GsdCmPerPx(Cam, 100), 12);
        Assert.Equal(100, CameraCalc.DistanceForGsdM(Cam, 2.5), 9);
    }

    [Fact]
    public void Footprint_spacing_and_trigger_distance_follow_the_overlaps()
    {
        var shot = CameraCalc.AtDistance(Cam, 100, frontOverlapPct: 80, sideOverlapPct: 70);
        Assert.Equal(100, shot.FootprintSideM, 9);      // 100 m × 10 mm / 10 mm
        Assert.Equal(75, shot.FootprintFrontalM, 9);    // 100 m × 7.5 mm / 10 mm
        Assert.Equal(30, shot.LineSpacingM, 9);         // 100 × (1 − 0.7)
        Assert.Equal(15, shot.TriggerDistanceM, 9);     // 75 × (1 − 0.8)
        Assert.Equal(5, shot.FrontMultiplicity);        // ⌊75 / 15⌋
    }

    [Fact]
    public void Portrait_mounting_swaps_the_side_and_frontal_footprints()
    {
        var shot = CameraCalc.AtDistance(Cam with { Landscape = false }, 100, 80, 70);
        Assert.Equal(75, shot.FootprintSideM, 9);
        Assert.Equal(100, shot.FootprintFrontalM, 9);
    }

    [Fact]
    public void Facade_shot_runs_the_image_width_along_the_pass()
    {
        var shot = FacadeCalc.AtStandoff(Cam, 10, 80, 70);
        Assert.Equal(10, shot.FootprintFrontalM, 9);   // horizontal = 10 m × 10 mm / 10 mm
        Assert.Equal(7.5, shot.FootprintSideM, 9);     // vertical
        Assert.Equal(2, shot.TriggerDistanceM, 9);
        Assert.Equal(2.25, shot.LineSpacingM, 9);
        Assert.Equal(0.25, shot.GsdCmPerPx, 12);       // 10 × 10 × 100 / (4000 × 10)
    }

    [Fact]
    public void Camera_without_focal_length_is_refused_naming_the_field()
    {
        var e = Assert.Throws<InputDataException>(() => CameraCalc.AtDistance(Cam with { FocalLengthMm = 0 }, 50, 80, 70));
        Assert.Equal("focalLengthMm", e.Field);
    }

    [Theory]
    [InlineData(100)]
    [InlineData(-1)]
    public void Overlap_outside_0_to_100_percent_is_refused(double pct)
    {
        Assert.Throws<DxGeoException>(() => CameraCalc.AtDistance(Cam, 50, pct, 70));
    }

    [Fact]
    public void Zoom_outside_the_lens_range_is_refused()
    {
        var zoom = Cam with { FocalLengthMaxMm = 40 };
        Assert.Equal(30, zoom.WithFocalLength(30).FocalLengthMm);
        Assert.Throws<DxGeoException>(() => zoom.WithFocalLength(41));
    }
}
