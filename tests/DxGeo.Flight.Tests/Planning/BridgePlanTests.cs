using DxGeo.Core.Errors;
using DxGeo.Flight.Camera;
using DxGeo.Flight.Missions;
using DxGeo.Flight.Patterns;
using DxGeo.Flight.Planning;
using DxGeo.Flight.Tests.Support;
using NetTopologySuite.Geometries;

namespace DxGeo.Flight.Tests.Planning;

public class BridgePlanTests
{
    private static FlightPlan Plan(BridgeRequest? b = null, PlanRequest? r = null) =>
        FlightPlanner.PlanBridge(Sites.Bridge(), r ?? new PlanRequest(), b ?? new BridgeRequest());

    [Fact]
    public void Passes_run_along_both_sides_at_the_standoff_for_the_wanted_gsd_never_under_the_deck()
    {
        var plan = Plan(new BridgeRequest { TargetGsdCmPerPx = 0.2 });
        var cam = plan.Camera;
        var standoff = 0.2 * cam.ImageWidthPx * cam.FocalLengthMm / (cam.SensorWidthMm * 100); // 7.50 m for the M3E
        var deck = plan.Metric.Pattern.Obstacles[0];
        var lines = plan.Metric.Sorties.SelectMany(s => s.Lines).ToList();
        var sides = new HashSet<int>();
        foreach (var line in lines)
        {
            var pass = plan.Metric.Pattern.Passes[line.PassIndex];
            if (pass.Kind != PassKind.Facade) continue;
            Assert.Equal(0.2, pass.Shot.GsdCmPerPx, 9);
            foreach (var p in line.Photos())
            {
                // Distance from the deck centreline = half width + standoff; the pass is outside the deck on one side.
                var d = DistanceToDeck(plan, p);
                Assert.Equal(10 / 2.0 + standoff, d, 3);
                sides.Add(Math.Sign(SideOfDeck(plan, p)));
                Assert.False(deck.Footprint.Contains(deck.Footprint.Factory.CreatePoint(p)));
            }
            Assert.True(line.AltitudeM <= 8 + 2 + 1e-9 && line.AltitudeM >= 3 - 1e-9);
            Assert.Equal(0, line.GimbalPitchDeg);
        }
        Assert.Equal(2, sides.Count);
        Assert.Contains(plan.Warnings, w => w.Contains("under the deck"));
        Assert.Contains(plan.Passes, p => p.Name.StartsWith("left"));
        Assert.Contains(plan.Passes, p => p.Name.StartsWith("right"));
    }

    [Fact]
    public void Camera_looks_at_the_deck_on_every_facade_photo()
    {
        var plan = Plan();
        var (ux, uy) = DeckDirection(plan);
        foreach (var line in plan.Metric.Sorties.SelectMany(s => s.Lines))
        {
            var h = line.HeadingDeg!.Value * Math.PI / 180;
            var side = Math.Sign(SideOfDeck(plan, line.Start));
            // Towards the deck = against the normal of the side the pass is on.
            double tx = side * uy, ty = -side * ux;
            Assert.True(Math.Sin(h) * tx + Math.Cos(h) * ty > 0.9999, $"heading {line.HeadingDeg:0.0}° does not face the deck");
        }
    }

    [Fact]
    public void Heights_are_spaced_for_the_side_overlap_from_the_lowest_pass_to_the_deck_top()
    {
        var plan = Plan();
        var shot = plan.Metric.Pattern.Passes[0].Shot;
        var cam = plan.Camera;
        var vertical = shot.DistanceM * cam.SensorHeightMm / cam.FocalLengthMm;
        var heights = plan.Passes.Where(p => p.Name.StartsWith("left")).Select(p => p.AltitudeM).Order().ToList();
        for (var i = 1; i < heights.Count; i++) Assert.Equal(vertical * 0.3, heights[i] - heights[i - 1], 6);
        // The band 3 m … 10 m (clearance 8 m + girder 2 m) is within half a spacing of the outer passes.
        Assert.True(heights[0] - 3 <= vertical * 0.3 / 2 + 1e-9 && 10 - heights[^1] <= vertical * 0.3 / 2 + 1e-9);
    }

    [Fact]
    public void Crossing_to_the_other_side_climbs_over_the_deck()
    {
        var plan = Plan();
        var top = plan.Metric.Pattern.Obstacles[0].TopM;
        foreach (var s in plan.Metric.Sorties)
            foreach (var leg in s.Legs.OfType<TransitLeg>())
                for (var i = 0; i + 1 < leg.PathM.Count; i++)
                {
                    var a = leg.PathM[i]; var b = leg.PathM[i + 1];
                    if (Math.Sign(SideOfDeck(plan, a)) != Math.Sign(SideOfDeck(plan, b)) && !a.Equals2D(b))
                        Assert.True(a.Z >= top - 1e-9 && b.Z >= top - 1e-9, $"crossing at {a.Z:0.0}/{b.Z:0.0} m below {top:0.0} m");
                }
    }

    [Fact]
    public void Zoom_is_set_when_the_wanted_gsd_needs_a_standoff_below_the_minimum()
    {
        var zoomCam = CameraPresets.Get("dji-m350-h20-zoom");
        var plan = Plan(new BridgeRequest { TargetGsdCmPerPx = 0.05, MinStandoffM = 5 }, new PlanRequest { Camera = zoomCam });
        var pass = plan.Passes.First(p => p.Kind == PassKind.Facade);
        Assert.Equal(0.05, pass.GsdCmPerPx, 9);
        Assert.Equal(5, pass.DistanceToSurfaceM, 9);
        Assert.True(pass.FocalLengthMm > zoomCam.FocalLengthMm);
    }

    [Fact]
    public void Gsd_the_camera_cannot_reach_at_the_minimum_standoff_is_refused()
    {
        var e = Assert.Throws<DxGeoException>(() => Plan(new BridgeRequest { TargetGsdCmPerPx = 0.05, MinStandoffM = 5 }));
        Assert.Contains("minimum safe standoff", e.Message);
    }

    [Fact]
    public void Ardupilot_missions_hold_the_heading_with_condition_yaw_px4_missions_with_waypoint_yaw_only()
    {
        var ap = Plan(r: new PlanRequest { Firmware = Autopilot.ArduPilot });
        var px4 = Plan(r: new PlanRequest { Firmware = Autopilot.Px4 });
        Assert.Contains(ap.Sorties[0].Mission, i => i.Command == MavCmd.ConditionYaw);
        Assert.DoesNotContain(px4.Sorties[0].Mission, i => i.Command == MavCmd.ConditionYaw);
        Assert.Contains(px4.Sorties[0].Mission, i => i.Command == MavCmd.NavWaypoint && !float.IsNaN(i.Param4));
        Assert.Contains(ap.Warnings, w => w.Contains("WP_YAW_BEHAVIOR"));
    }

    [Fact]
    public void Orbit_keeps_the_camera_on_the_bridge_middle()
    {
        var plan = Plan(new BridgeRequest { Orbit = true });
        Assert.Contains(plan.Passes, p => p.Kind == PassKind.Orbit);
        var items = plan.Sorties.SelectMany(s => s.Mission).ToList();
        Assert.Contains(items, i => i.Command == MavCmd.DoSetRoiLocation);
        Assert.Contains(items, i => i.Command == MavCmd.DoSetRoiNone);
    }

    private static (double X, double Y) DeckDirection(FlightPlan plan)
    {
        var deck = DxGeo.Core.Crs.MetricFrame.ForEpsg(plan.MetricEpsg).Project((LineString)Sites.Bridge().Geometry);
        var a = deck.GetCoordinateN(0); var b = deck.GetCoordinateN(1);
        return ((b.X - a.X) / a.Distance(b), (b.Y - a.Y) / a.Distance(b));
    }

    private static double DistanceToDeck(FlightPlan plan, Coordinate p)
    {
        var (x, y) = DeckFrame(plan, p);
        return Math.Abs(y);
    }

    private static double SideOfDeck(FlightPlan plan, Coordinate p) => DeckFrame(plan, p).Y;

    /// <summary>Position relative to the deck line (x along, y to its left) in the plan's metric CRS, from the bridge's lon/lat.</summary>
    private static (double X, double Y) DeckFrame(FlightPlan plan, Coordinate p)
    {
        var f = DxGeo.Core.Crs.MetricFrame.ForEpsg(plan.MetricEpsg);
        var deck = f.Project((LineString)Sites.Bridge().Geometry);
        var a = deck.GetCoordinateN(0); var b = deck.GetCoordinateN(1);
        var len = a.Distance(b);
        double ux = (b.X - a.X) / len, uy = (b.Y - a.Y) / len;
        return ((p.X - a.X) * ux + (p.Y - a.Y) * uy, -(p.X - a.X) * uy + (p.Y - a.Y) * ux);
    }
}
