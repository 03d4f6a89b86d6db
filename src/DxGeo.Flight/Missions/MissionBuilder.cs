using DxGeo.Flight.Patterns;
using DxGeo.Flight.Planning;
using NetTopologySuite.Geometries;

namespace DxGeo.Flight.Missions;

/// <summary>The autopilot a mission is written for (MAV_AUTOPILOT values): a few commands differ between them.</summary>
public enum Autopilot : byte { ArduPilot = 3, Px4 = 12 }

/// <summary>How a sortie ends once the vehicle is back above its launch point.</summary>
public enum EndAction { ReturnToLaunch, Land }

/// <summary>Settings that shape the MAVLink items of a sortie.</summary>
public sealed record MissionOptions
{
    public Autopilot Firmware { get; init; } = Autopilot.ArduPilot;
    public EndAction End { get; init; } = EndAction.ReturnToLaunch;
    public double CruiseSpeedMps { get; init; } = 10;
    /// <summary>Stop at every photo position and capture there (MAV_CMD_IMAGE_START_CAPTURE) instead of triggering by distance.</summary>
    public bool HoverAndCapture { get; init; }
    /// <summary>Seconds to hold at each photo position when hovering to capture.</summary>
    public double HoverHoldS { get; init; } = 1;
}

/// <summary>
/// Turns a sortie into MAVLink mission items that ArduPilot and PX4 both fly: take-off to the transit altitude,
/// speed changes, gimbal pitch (MAV_CMD_DO_GIMBAL_MANAGER_PITCHYAW), waypoints in MAV_FRAME_GLOBAL_RELATIVE_ALT_INT,
/// camera trigger by distance (MAV_CMD_DO_SET_CAM_TRIGG_DIST, started and stopped per line) or capture at each
/// photo waypoint, heading held at the structure on facade passes (waypoint yaw for PX4, MAV_CMD_CONDITION_YAW for
/// ArduPilot, which PX4 rejects), region of interest on orbits, and return-to-launch or land at the launch point.
/// </summary>
public static class MissionBuilder
{
    public static List<MissionItem> Build(Sortie sortie, SurveyPattern pattern, Func<double, double, (double LonDeg, double LatDeg)> toLonLat,
        MissionOptions o)
    {
        var items = new List<MissionItem>();
        var launch = sortie.Launch.PositionM;
        var (lon0, lat0) = toLonLat(launch.X, launch.Y);
        items.Add(Nav(MavCmd.NavTakeoff, lat0, lon0, sortie.TransitAltitudeM, float.NaN));
        var speed = o.CruiseSpeedMps;
        items.Add(Speed(speed));
        double? pitch = null;
        int? pass = null;
        var last = new CoordinateZ(launch.X, launch.Y, sortie.TransitAltitudeM);

        void Waypoint(Coordinate c, double z, float yaw, float hold = 0)
        {
            if (Math.Abs(c.X - last.X) < 1e-6 && Math.Abs(c.Y - last.Y) < 1e-6 && Math.Abs(z - last.Z) < 1e-6 && hold == 0) return;
            var (lon, lat) = toLonLat(c.X, c.Y);
            items.Add(Nav(MavCmd.NavWaypoint, lat, lon, z, yaw) with { Param1 = hold });
            last = new CoordinateZ(c.X, c.Y, z);
        }

        foreach (var leg in sortie.Legs)
        {
            if (leg is TransitLeg t)
            {
                if (Math.Abs(speed - o.CruiseSpeedMps) > 1e-9) items.Add(Speed(speed = o.CruiseSpeedMps));
                foreach (var p in t.PathM.Skip(1)) Waypoint(p, p.Z, float.NaN);
                continue;
            }
            var line = ((LineLeg)leg).Line;
            var sp = pattern.Passes[line.PassIndex];
            if (pass != line.PassIndex)
            {
                if (pass is { } prev && pattern.Passes[prev].Roi is not null) items.Add(Do(MavCmd.DoSetRoiNone));
                if (sp.Roi is { } roi)
                {
                    var (rlon, rlat) = toLonLat(roi.X, roi.Y);
                    items.Add(Nav(MavCmd.DoSetRoiLocation, rlat, rlon, roi.Z, 0));
                }
                pass = line.PassIndex;
            }
            if (pitch is null || Math.Abs(pitch.Value - line.GimbalPitchDeg) > 1e-6)
            {
                pitch = line.GimbalPitchDeg;
                items.Add(Do(MavCmd.DoGimbalManagerPitchYaw) with { Param1 = (float)line.GimbalPitchDeg, Param2 = 0, Param3 = float.NaN, Param4 = float.NaN });
            }
            if (Math.Abs(speed - pattern.LineSpeedMps) > 1e-9) items.Add(Speed(speed = pattern.LineSpeedMps));
            var yaw = line.HeadingDeg is { } h && sp.Roi is null ? (float)h : float.NaN;
            var holdYaw = line.HeadingDeg is not null && sp.Roi is null && o.Firmware == Autopilot.ArduPilot;
            Waypoint(line.LeadStart, line.AltitudeM, yaw);
            if (o.HoverAndCapture)
            {
                for (var i = 0; i < line.PhotoCount; i++)
                {
                    Waypoint(line.Photo(i), line.AltitudeM, yaw, (float)o.HoverHoldS);
                    if (i == 0 && holdYaw) items.Add(ConditionYaw(line.HeadingDeg!.Value));
                    items.Add(Do(MavCmd.ImageStartCapture) with { Param3 = 1 });
                }
            }
            else
            {
                Waypoint(line.Start, line.AltitudeM, yaw);
                if (holdYaw) items.Add(ConditionYaw(line.HeadingDeg!.Value));
                items.Add(Do(MavCmd.DoSetCamTriggDist) with { Param1 = (float)line.TriggerDistanceM, Param3 = 1 });
                if (line.PhotoCount > 1) Waypoint(line.End, line.AltitudeM, yaw);
                items.Add(Do(MavCmd.DoSetCamTriggDist));
            }
            Waypoint(line.LeadEnd, line.AltitudeM, yaw);
        }
        if (pass is { } lastPass && pattern.Passes[lastPass].Roi is not null) items.Add(Do(MavCmd.DoSetRoiNone));
        if (Math.Abs(speed - o.CruiseSpeedMps) > 1e-9) items.Add(Speed(o.CruiseSpeedMps));
        items.Add(o.End == EndAction.Land
            ? Nav(MavCmd.NavLand, lat0, lon0, 0, float.NaN)
            : Do(MavCmd.NavReturnToLaunch));
        return items.Select((it, i) => it with { Seq = i }).ToList();
    }

    private static MissionItem Nav(MavCmd cmd, double lat, double lon, double z, float yaw) => new()
    {
        Command = cmd, Frame = MavFrame.GlobalRelativeAltInt, LatitudeDeg = lat, LongitudeDeg = lon, Z = (float)z, Param4 = yaw,
    };

    private static MissionItem Do(MavCmd cmd) => new() { Command = cmd, Frame = MavFrame.Mission };

    /// <summary>MAV_CMD_DO_CHANGE_SPEED: ground speed (type 1), no throttle change.</summary>
    private static MissionItem Speed(double mps) => Do(MavCmd.DoChangeSpeed) with { Param1 = 1, Param2 = (float)mps, Param3 = -1 };

    /// <summary>MAV_CMD_CONDITION_YAW to an absolute heading, default rate, shortest direction.</summary>
    private static MissionItem ConditionYaw(double headingDeg) => Do(MavCmd.ConditionYaw) with { Param1 = (float)headingDeg };
}
