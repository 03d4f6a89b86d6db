using DxGeo.Flight.Missions;
using DxGeo.Flight.Planning;
using DxGeo.Flight.Tests.Support;

namespace DxGeo.Flight.Tests.Planning;

public class MissionBuilderTests
{
    [Fact]
    public void Mission_takes_off_flies_relative_altitude_waypoints_triggers_per_line_and_returns()
    {
        var plan = FlightPlanner.PlanArea(Sites.Area(), new PlanRequest());
        foreach (var s in plan.Sorties)
        {
            var m = s.Mission;
            Assert.Equal(MavCmd.NavTakeoff, m[0].Command);
            Assert.Equal(MavCmd.NavReturnToLaunch, m[^1].Command);
            Assert.Equal(Enumerable.Range(0, m.Count), m.Select(i => i.Seq));
            Assert.All(m.Where(i => i.Command is MavCmd.NavWaypoint or MavCmd.NavTakeoff), i => Assert.Equal(MavFrame.GlobalRelativeAltInt, i.Frame));
            var lines = plan.Metric.Sorties[s.Index - 1].Lines.ToList();
            var starts = m.Where(i => i.Command == MavCmd.DoSetCamTriggDist && i.Param1 > 0).ToList();
            var stops = m.Where(i => i.Command == MavCmd.DoSetCamTriggDist && i.Param1 == 0).ToList();
            Assert.Equal(lines.Count, starts.Count);
            Assert.Equal(lines.Count, stops.Count);
            Assert.All(starts, i => Assert.Equal((float)lines[0].TriggerDistanceM, i.Param1));
            Assert.Contains(m, i => i.Command == MavCmd.DoGimbalManagerPitchYaw && i.Param1 == -90);
            Assert.All(m.Where(i => i.Frame == MavFrame.GlobalRelativeAltInt), i => Assert.InRange(i.Z, 0, 150));
            // The take-off is at the launch point.
            Assert.Equal(s.LaunchLatDeg, m[0].LatitudeDeg, 9);
            Assert.Equal(s.LaunchLonDeg, m[0].LongitudeDeg, 9);
        }
    }

    [Fact]
    public void Hover_and_capture_takes_one_picture_per_photo_position_and_land_ends_at_the_launch_point()
    {
        var plan = FlightPlanner.PlanArea(Sites.Area(), new PlanRequest { HoverAndCapture = true, End = EndAction.Land, GsdCmPerPx = 3 });
        foreach (var s in plan.Sorties)
        {
            Assert.Equal(s.PhotoCount, s.Mission.Count(i => i.Command == MavCmd.ImageStartCapture));
            Assert.DoesNotContain(s.Mission, i => i.Command == MavCmd.DoSetCamTriggDist);
            Assert.Equal(MavCmd.NavLand, s.Mission[^1].Command);
            Assert.Equal(s.LaunchLatDeg, s.Mission[^1].LatitudeDeg, 9);
        }
    }
}
