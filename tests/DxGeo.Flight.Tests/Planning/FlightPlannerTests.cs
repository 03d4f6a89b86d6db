using DxGeo.Core.Errors;
using DxGeo.Flight.Camera;
using DxGeo.Flight.Planning;
using DxGeo.Flight.Tests.Support;

namespace DxGeo.Flight.Tests.Planning;

public class FlightPlannerTests
{
    [Fact]
    public void Area_near_tokyo_is_planned_in_its_jgd2011_zone_and_states_the_gsd_it_achieves()
    {
        var plan = FlightPlanner.PlanArea(Sites.Area(), new PlanRequest { GsdCmPerPx = 2.5 });
        Assert.Equal(6677, plan.MetricEpsg); // zone IX covers Tokyo
        var cam = plan.Camera;
        var altitude = 2.5 * cam.ImageWidthPx * cam.FocalLengthMm / (cam.SensorWidthMm * 100);
        Assert.All(plan.Passes, p => { Assert.Equal(2.5, p.GsdCmPerPx, 9); Assert.Equal(altitude, p.AltitudeM, 6); });
        Assert.Equal(plan.TotalPhotos, plan.Passes.Sum(p => p.PhotoCount));
        Assert.Empty(plan.Uncovered);
        Assert.Contains(plan.Warnings, w => w.Contains("generated"));
    }

    [Fact]
    public void Self_intersecting_polygon_is_refused_saying_where()
    {
        var bowtie = Sites.Wgs.CreatePolygon([new(139.70, 35.60), new(139.705, 35.605), new(139.705, 35.60), new(139.70, 35.605), new(139.70, 35.60)]);
        var e = Assert.Throws<DxGeoException>(() => FlightPlanner.PlanArea(bowtie, new PlanRequest()));
        Assert.Contains("Self-intersection", e.Message);
        Assert.Contains("139.7025", e.Message);
    }

    [Fact]
    public void Zero_length_corridor_is_refused()
    {
        var line = Sites.Wgs.CreateLineString([new(139.70, 35.60), new(139.70, 35.60)]);
        var e = Assert.Throws<DxGeoException>(() => FlightPlanner.PlanCorridor(line, 30, new PlanRequest()));
        Assert.Contains("zero length", e.Message);
    }

    [Fact]
    public void Gsd_that_needs_more_than_the_altitude_limit_is_refused_with_the_coarsest_gsd_possible()
    {
        // M3E: 5 cm/px needs 5 × 5280 px × 12.29 mm / (17.3 mm × 100) = 187.547 m.
        var e = Assert.Throws<DxGeoException>(() => FlightPlanner.PlanArea(Sites.Area(), new PlanRequest { GsdCmPerPx = 5 }));
        Assert.Contains("150 m limit", e.Message);
        Assert.Contains("187.5 m", e.Message);
    }

    [Fact]
    public void Lower_altitude_limit_is_honoured_and_above_150_m_is_refused()
    {
        var e = Assert.Throws<DxGeoException>(() => FlightPlanner.PlanArea(Sites.Area(), new PlanRequest { GsdCmPerPx = 2, MaxAltitudeM = 50 }));
        Assert.Contains("50 m limit", e.Message);
        Assert.Throws<DxGeoException>(() => FlightPlanner.PlanArea(Sites.Area(), new PlanRequest { MaxAltitudeM = 200 }));
    }

    [Fact]
    public void Gsd_and_altitude_together_are_refused()
    {
        Assert.Throws<DxGeoException>(() => FlightPlanner.PlanArea(Sites.Area(), new PlanRequest { GsdCmPerPx = 2, AltitudeM = 60 }));
    }

    [Fact]
    public void Area_inside_a_no_fly_zone_is_an_error_not_an_empty_plan()
    {
        var zone = Sites.Zone("Z1", 139.699, 35.599, 0.01);
        var e = Assert.Throws<DxGeoException>(() => FlightPlanner.PlanArea(Sites.Area(), new PlanRequest { NoFlyZones = [zone] }));
        Assert.Contains("no-fly", e.Message);
    }

    [Fact]
    public void Gap_next_to_a_no_fly_zone_is_reported_with_its_reason_or_refused_when_full_coverage_is_required()
    {
        var zone = Sites.Zone("NF-1", 139.7022, 35.6020, 0.0006);
        var plan = FlightPlanner.PlanArea(Sites.Area(), new PlanRequest { NoFlyZones = [zone] });
        Assert.NotEmpty(plan.Uncovered);
        Assert.All(plan.Uncovered, u => Assert.Contains("NF-1", u.Reason));
        Assert.Contains(plan.Warnings, w => w.Contains("cannot be covered"));
        var e = Assert.Throws<DxGeoException>(() => FlightPlanner.PlanArea(Sites.Area(), new PlanRequest { NoFlyZones = [zone], RequireFullCoverage = true }));
        Assert.Contains("NF-1", e.Message);
    }

    [Fact]
    public void Launch_point_out_of_radio_range_is_an_error_naming_the_distance()
    {
        var far = new LaunchSite("far", 139.72, 35.62);
        var e = Assert.Throws<DxGeoException>(() => FlightPlanner.PlanArea(Sites.Area(), new PlanRequest { LaunchSites = [far], RadioRangeM = 500 }));
        Assert.Contains("'far'", e.Message);
        Assert.Contains("radio range 500 m", e.Message);
    }

    [Fact]
    public void Battery_too_small_for_a_single_photo_is_an_error_naming_the_budget()
    {
        var site = new LaunchSite("L1", 139.7025, 35.6022);
        var e = Assert.Throws<DxGeoException>(() => FlightPlanner.PlanArea(Sites.Area(), new PlanRequest { LaunchSites = [site], EnduranceMin = 0.5 }));
        Assert.Contains("budget", e.Message);
    }

    [Fact]
    public void Launch_point_inside_a_no_fly_zone_is_not_used_and_the_plan_says_so()
    {
        var zone = Sites.Zone("Z9", 139.7100, 35.6100);
        var inside = new LaunchSite("bad", 139.7104, 35.6104);
        var good = new LaunchSite("good", 139.7025, 35.6022);
        var plan = FlightPlanner.PlanArea(Sites.Area(), new PlanRequest { NoFlyZones = [zone], LaunchSites = [inside, good], RadioRangeM = 2000 });
        Assert.All(plan.Sorties, s => Assert.Equal("good", s.LaunchId));
        Assert.Contains(plan.Warnings, w => w.Contains("'bad'") && w.Contains("Z9"));
        var e = Assert.Throws<DxGeoException>(() => FlightPlanner.PlanArea(Sites.Area(), new PlanRequest { NoFlyZones = [zone], LaunchSites = [inside] }));
        Assert.Contains("no usable launch point", e.Message);
    }

    [Fact]
    public void Levee_corridor_is_as_wide_as_its_toes_and_levee_without_base_width_is_refused()
    {
        var plan = FlightPlanner.PlanLevee(Sites.Levee(40), new PlanRequest(), toeMarginM: 5);
        var shot = CameraCalc.ForGsd(plan.Camera, FlightPlanner.DefaultGsdCmPerPx, 80, 70);
        Assert.Equal((int)Math.Ceiling(50 / shot.LineSpacingM), plan.Passes.Count); // QGC: ⌈width / line spacing⌉
        Assert.Equal(new AssetRef("levees", "L-3"), plan.Asset);
        var e = Assert.Throws<DxGeoException>(() => FlightPlanner.PlanLevee(Sites.Levee(null), new PlanRequest()));
        Assert.Contains("base_width_m", e.Message);
    }

    [Fact]
    public void Bridge_stored_as_a_point_is_refused()
    {
        var b = Sites.Bridge() with { Geometry = Sites.Wgs.CreatePoint(new NetTopologySuite.Geometries.Coordinate(139.7, 35.6)) };
        var e = Assert.Throws<DxGeoException>(() => FlightPlanner.PlanBridge(b, new PlanRequest(), new BridgeRequest()));
        Assert.Contains("LineString", e.Message);
    }
}
