using DxGeo.Core.Assets;
using DxGeo.Core.Crs;
using DxGeo.Core.Errors;
using DxGeo.Flight.Camera;
using DxGeo.Flight.Constraints;
using DxGeo.Flight.Internal;
using DxGeo.Flight.Patterns;
using NetTopologySuite.Geometries;

namespace DxGeo.Flight.Planning;

/// <summary>
/// Plans survey flights from lon/lat inputs: picks the site's metric CRS (JGD2011 zone in Japan), projects the
/// target, no-fly zones, fence and launch points, builds the pattern, applies the hard constraints, and returns the
/// plan in lon/lat with its MAVLink missions.
/// </summary>
public static class FlightPlanner
{
    /// <summary>Default GSD of nadir patterns when neither GSD nor altitude is given.</summary>
    public const double DefaultGsdCmPerPx = 2.0;
    /// <summary>Lowest altitude a nadir pattern may use (below it, plan structure passes instead).</summary>
    public const double MinNadirAltitudeM = 10;
    /// <summary>Photo interval assumed for a camera whose minimum interval is unknown.</summary>
    public const double AssumedTriggerIntervalS = 2.0;

    public static FlightPlan PlanArea(Geometry areaLonLat, PlanRequest r, AssetRef? asset = null)
    {
        GeometryChecks.ValidPolygonal(areaLonLat, "survey area");
        var site = SiteFrame.For(areaLonLat, r);
        var area = site.Frame.Project(areaLonLat);
        var (shot, altitude, speed, notes) = Nadir(r);
        var budget = Budget(r);
        var block = Math.Min(1.4 * r.RadioRangeM, Math.Sqrt(budget.BudgetS * speed * 0.7 * shot.LineSpacingM));
        var pattern = AreaGridPattern.Plan(area, site.Zones.Select(z => z.GeometryM).ToList(), new AreaGridOptions
        {
            Shot = shot, AltitudeM = altitude, SpeedMps = speed, TurnaroundM = r.TurnaroundM, LineBearingDeg = r.LineBearingDeg,
            BlockSideM = block,
        });
        var launches = r.LaunchSites.Count > 0 ? site.Launches(r) : site.Generated(GridCandidates(area, r.RadioRangeM), notes);
        return site.Finish(r, pattern with { Warnings = [.. notes, .. pattern.Warnings] }, launches, budget, asset, "area");
    }

    public static FlightPlan PlanCorridor(LineString lineLonLat, double widthM, PlanRequest r, AssetRef? asset = null, string kind = "corridor")
    {
        GeometryChecks.UsableLine(lineLonLat, "corridor line");
        var site = SiteFrame.For(lineLonLat, r);
        var line = site.Frame.Project(lineLonLat);
        var (shot, altitude, speed, notes) = Nadir(r);
        var budget = Budget(r);
        var passes = Math.Max(1, (int)Math.Ceiling(widthM / shot.LineSpacingM - 1e-9));
        // A chunk is what one sortie should fly: a launch point near its middle must reach both ends (generated
        // candidates lie every quarter range along the line, so at most an eighth of the range off the middle).
        var chunk = Math.Min(1.4 * r.RadioRangeM, budget.BudgetS * speed * 0.7 / (passes + 1));
        var pattern = CorridorPattern.Plan(line, site.Zones.Select(z => z.GeometryM).ToList(), new CorridorOptions
        {
            Shot = shot, AltitudeM = altitude, WidthM = widthM, SpeedMps = speed, TurnaroundM = r.TurnaroundM, ChunkLengthM = chunk,
        });
        var launches = r.LaunchSites.Count > 0 ? site.Launches(r) : site.Generated(AlongCandidates(line, r.RadioRangeM), notes);
        return site.Finish(r, pattern with { Kind = kind, Warnings = [.. notes, .. pattern.Warnings] }, launches, budget, asset, kind);
    }

    /// <summary>Levee: a corridor along the crest line, wide enough for crest and both slopes (base width plus a margin each side).</summary>
    public static FlightPlan PlanLevee(Levee levee, PlanRequest r, double? widthM = null, double toeMarginM = 5)
    {
        var width = widthM ?? (levee.BaseWidthM is { } b and > 0 ? b + 2 * toeMarginM
            : throw new DxGeoException($"levee '{levee.LeveeId}' has no base width (base_width_m): pass the corridor width (toe to toe) explicitly"));
        var named = r with { Name = r.Name ?? $"levee-{levee.LeveeId}" };
        var plan = PlanCorridor(levee.Geometry, width, named, new AssetRef("levees", levee.LeveeId), "levee");
        return plan with { Warnings = [$"corridor {width:0.#} m wide covers crest and both slopes (base {levee.BaseWidthM?.ToString("0.#") ?? "?"} m + {toeMarginM:0.#} m each side); GSD is stated at the crest, the toe is lower", .. plan.Warnings] };
    }

    public static FlightPlan PlanBridge(Bridge bridge, PlanRequest r, BridgeRequest b)
    {
        if (bridge.Geometry is not LineString deckLonLat)
            throw new DxGeoException($"bridge '{bridge.BridgeId}' is stored as a {bridge.Geometry.GeometryType}: structure passes need the deck centreline (LineString)");
        var width = bridge.WidthM ?? b.DeckWidthM
            ?? throw new DxGeoException($"bridge '{bridge.BridgeId}' has no deck width (width_m): pass it explicitly");
        var height = bridge.DeckHeightM ?? b.DeckHeightM
            ?? throw new DxGeoException($"bridge '{bridge.BridgeId}' has no clearance height (deck_height_m): pass it explicitly");
        var named = r with { Name = r.Name ?? $"bridge-{bridge.BridgeId}" };
        var site = SiteFrame.For(deckLonLat, named);
        var deck = site.Frame.Project(deckLonLat);
        var pattern = BridgePassesPattern.Plan(deck, new BridgeOptions
        {
            Camera = r.Camera, TargetGsdCmPerPx = b.TargetGsdCmPerPx, FrontOverlapPct = r.FrontOverlapPct, SideOverlapPct = r.SideOverlapPct,
            MinStandoffM = b.MinStandoffM, DeckWidthM = width, DeckHeightM = height, GirderDepthM = b.GirderDepthM,
            MinPassHeightM = b.MinPassHeightM, CrossingClearanceM = b.CrossingClearanceM, GimbalPitchDeg = b.GimbalPitchDeg,
            SpeedMps = r.LineSpeedMps ?? 2, TurnaroundM = Math.Min(r.TurnaroundM, 5), Orbit = b.Orbit,
        });
        var notes = new List<string>();
        if (r.Firmware == Missions.Autopilot.ArduPilot)
            notes.Add("ArduPilot: set WP_YAW_BEHAVIOR = 0 so the vehicle keeps the CONDITION_YAW heading at the structure along each pass");
        var budget = Budget(r);
        var launches = r.LaunchSites.Count > 0 ? site.Launches(named)
            : site.Generated(BridgeEndCandidates(deck, width / 2 + b.MinStandoffM + 15), notes);
        return site.Finish(named, pattern with { Warnings = [.. notes, .. pattern.Warnings] }, launches, budget,
            new AssetRef("bridges", bridge.BridgeId), "bridge", turnaround: Math.Min(r.TurnaroundM, 5));
    }

    /// <summary>Camera shot, altitude and line speed of a nadir pattern, with the reasons for any adjustment.</summary>
    internal static (CameraShot Shot, double AltitudeM, double SpeedMps, List<string> Notes) Nadir(PlanRequest r)
    {
        r.Camera.Validate();
        var limit = new AltitudeLimit(r.MaxAltitudeM);
        if (r.GsdCmPerPx is not null && r.AltitudeM is not null)
            throw new DxGeoException("give either a GSD or an altitude, not both: one follows from the other");
        CameraShot shot;
        if (r.AltitudeM is { } alt)
        {
            limit.Check(alt, "the requested altitude");
            shot = CameraCalc.AtDistance(r.Camera, alt, r.FrontOverlapPct, r.SideOverlapPct);
        }
        else
        {
            var gsd = r.GsdCmPerPx ?? DefaultGsdCmPerPx;
            shot = CameraCalc.ForGsd(r.Camera, gsd, r.FrontOverlapPct, r.SideOverlapPct);
            if (shot.DistanceM > limit.MaxAltitudeM)
                throw new DxGeoException($"camera '{r.Camera.Id}' would need {shot.DistanceM:0.0} m above ground for {gsd} cm/px, above the {limit.MaxAltitudeM:0} m limit " +
                                         $"(the coarsest GSD it gives at {limit.MaxAltitudeM:0} m is {CameraCalc.GsdCmPerPx(r.Camera, limit.MaxAltitudeM):0.00} cm/px)");
        }
        if (shot.DistanceM < MinNadirAltitudeM)
            throw new DxGeoException($"{shot.GsdCmPerPx:0.###} cm/px needs {shot.DistanceM:0.0} m above ground with camera '{r.Camera.Id}', below the {MinNadirAltitudeM:0} m a grid may fly: plan structure passes or a coarser GSD");
        var notes = new List<string>();
        var speed = r.LineSpeedMps ?? 8;
        var interval = r.Camera.MinTriggerIntervalS ?? AssumedTriggerIntervalS;
        if (speed > shot.TriggerDistanceM / interval)
        {
            speed = shot.TriggerDistanceM / interval;
            notes.Add($"line speed lowered to {speed:0.0} m/s: photos {shot.TriggerDistanceM:0.0} m apart need {interval:0.0} s each" +
                      (r.Camera.MinTriggerIntervalS is null ? " (interval assumed: the camera's is unknown)" : ""));
        }
        return (shot, shot.DistanceM, speed, notes);
    }

    internal static BatteryModel Budget(PlanRequest r) =>
        new((r.EnduranceMin ?? r.Camera.FlightTimeMin ?? 25) * 60, r.ReservePct, r.CruiseSpeedMps, r.ClimbSpeedMps,
            hoverPerPhotoS: 2);

    private static List<Coordinate> GridCandidates(Geometry areaM, double rangeM)
    {
        var env = areaM.EnvelopeInternal.Copy();
        env.ExpandBy(30);
        var step = 0.7 * rangeM;
        var pts = new List<Coordinate> { areaM.InteriorPoint.Coordinate };
        var nx = Math.Max(1, (int)Math.Ceiling(env.Width / step));
        var ny = Math.Max(1, (int)Math.Ceiling(env.Height / step));
        for (var i = 0; i <= nx; i++)
            for (var j = 0; j <= ny; j++)
                pts.Add(new Coordinate(env.MinX + env.Width * i / nx, env.MinY + env.Height * j / ny));
        return pts;
    }

    private static List<Coordinate> AlongCandidates(LineString lineM, double rangeM)
    {
        var step = 0.25 * rangeM;
        var n = Math.Max(1, (int)Math.Ceiling(lineM.Length / step));
        var li = new NetTopologySuite.LinearReferencing.LengthIndexedLine(lineM);
        return Enumerable.Range(0, n + 1).Select(i => li.ExtractPoint(lineM.Length * i / n)).ToList();
    }

    private static List<Coordinate> BridgeEndCandidates(LineString deckM, double beyondM)
    {
        var a = deckM.GetCoordinateN(0); var a1 = deckM.GetCoordinateN(1);
        var b = deckM.GetCoordinateN(deckM.NumPoints - 1); var b1 = deckM.GetCoordinateN(deckM.NumPoints - 2);
        Coordinate Beyond(Coordinate end, Coordinate inner)
        {
            var d = end.Distance(inner);
            return new Coordinate(end.X + (end.X - inner.X) / d * beyondM, end.Y + (end.Y - inner.Y) / d * beyondM);
        }
        return [Beyond(a, a1), Beyond(b, b1)];
    }
}
