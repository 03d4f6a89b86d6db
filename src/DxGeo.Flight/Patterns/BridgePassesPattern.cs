using DxGeo.Core.Errors;
using DxGeo.Flight.Camera;
using DxGeo.Flight.Internal;
using NetTopologySuite.Geometries;
using NetTopologySuite.Operation.Buffer;
using NetTopologySuite.Simplify;

namespace DxGeo.Flight.Patterns;

/// <summary>Settings of structure passes along a bridge (metres above the ground or water under the bridge).</summary>
public sealed record BridgeOptions
{
    public required CameraModel Camera { get; init; }
    /// <summary>Wanted GSD on the girder faces (0.1 cm/px = 1 mm/px).</summary>
    public double TargetGsdCmPerPx { get; init; } = 0.2;
    public double FrontOverlapPct { get; init; } = 80;
    public double SideOverlapPct { get; init; } = 70;
    /// <summary>Closest the vehicle may come to the structure.</summary>
    public double MinStandoffM { get; init; } = 5;
    public required double DeckWidthM { get; init; }
    /// <summary>Clearance under the girders (桁下高) above the ground or water.</summary>
    public required double DeckHeightM { get; init; }
    /// <summary>Girder and deck depth above the clearance height: the face to photograph ends at DeckHeightM + GirderDepthM.</summary>
    public double GirderDepthM { get; init; } = 2;
    /// <summary>Lowest pass height above ground or water.</summary>
    public double MinPassHeightM { get; init; } = 3;
    /// <summary>Height above the deck top for crossing from one side to the other.</summary>
    public double CrossingClearanceM { get; init; } = 10;
    /// <summary>Camera pitch on the passes: 0 level, positive up.</summary>
    public double GimbalPitchDeg { get; init; }
    public double SpeedMps { get; init; } = 2;
    public double TurnaroundM { get; init; } = 5;
    /// <summary>Add an overview orbit around the bridge, above the deck, looking at its middle.</summary>
    public bool Orbit { get; init; }
}

/// <summary>
/// Bridge structure passes: along both sides of the deck at a standoff chosen for the wanted GSD (never closer than
/// the minimum safe distance; a zoom is set when the lens allows), at stacked heights from the lowest pass up to the
/// deck top, camera level (or pitched) and yawed at the structure. Nothing is planned under the deck (GNSS is
/// unreliable there), which the warnings say. Crossing between sides goes over the deck.
/// </summary>
public static class BridgePassesPattern
{
    public static SurveyPattern Plan(LineString deckM, BridgeOptions o)
    {
        GeometryChecks.UsableLine(deckM, "bridge deck line");
        if (!(o.DeckWidthM > 0)) throw new DxGeoException($"bridge deck width must be positive (got {o.DeckWidthM} m)");
        if (!(o.DeckHeightM > 0)) throw new DxGeoException($"bridge deck height must be positive (got {o.DeckHeightM} m)");
        if (!(o.MinStandoffM > 0)) throw new DxGeoException("minimum standoff must be positive");
        var warnings = new List<string>();
        var (camera, standoff) = ChooseStandoff(o, warnings);
        var pitchRad = o.GimbalPitchDeg * Math.PI / 180;
        // Level camera at the standoff; with pitch the optical axis is longer by 1/cos(pitch).
        var shot = FacadeCalc.AtStandoff(camera, standoff / Math.Cos(pitchRad), o.FrontOverlapPct, o.SideOverlapPct);
        var speed = o.SpeedMps;
        if (camera.MinTriggerIntervalS is { } mi && mi > 0 && speed > shot.TriggerDistanceM / mi)
        {
            speed = shot.TriggerDistanceM / mi;
            warnings.Add($"pass speed lowered to {speed:0.0} m/s: the camera needs {mi:0.0} s between photos {shot.TriggerDistanceM:0.00} m apart");
        }

        var top = o.DeckHeightM + o.GirderDepthM;
        var low = Math.Min(o.MinPassHeightM, top);
        var heights = ParallelLineCover.CentredOffsets(low, top, shot.LineSpacingM);
        var half = o.DeckWidthM / 2;
        var f = deckM.Factory;
        var pts = ((LineString)DouglasPeuckerSimplifier.Simplify(deckM, 0.5)).Coordinates;
        var passes = new List<SurveyPass>();
        var lines = new List<PhotoLine>();
        var key = 0;
        foreach (var side in new[] { +1, -1 })
        {
            var sideName = side > 0 ? "left" : "right";
            var order = side > 0 ? heights : heights.Reverse().ToArray();
            var forward = true;
            foreach (var z in order)
            {
                var passIndex = passes.Count;
                passes.Add(new SurveyPass
                {
                    Name = $"{sideName} side, {z:0.0} m", Kind = PassKind.Facade, Shot = shot, AltitudeM = z,
                    GimbalPitchDeg = o.GimbalPitchDeg, FocalLengthMm = camera.FocalLengthMm,
                });
                var run = new List<PhotoLine>();
                for (var i = 0; i + 1 < pts.Length; i++)
                {
                    var a = pts[i]; var b = pts[i + 1];
                    var len = a.Distance(b);
                    if (len < 1e-6) continue;
                    var frame = new LineFrame(a, Math.Atan2(b.Y - a.Y, b.X - a.X));
                    var k = shot.FrontMultiplicity;
                    var reach = (k - 1) * shot.TriggerDistanceM - shot.FootprintFrontalM / 2;
                    var n = Math.Max(k, (int)Math.Ceiling((len + 2 * reach) / shot.TriggerDistanceM - 1e-9) + 1);
                    var x0 = len / 2 - (n - 1) * shot.TriggerDistanceM / 2;
                    var y = side * (half + standoff);
                    var (ux, uy) = frame.Along;
                    // Look at the face: from the pass towards the deck line, i.e. against the side normal.
                    var (nx, ny) = (-uy * side, ux * side);
                    run.Add(new PhotoLine
                    {
                        Start = frame.FromFrame(x0, y), DirX = ux, DirY = uy, PhotoCount = n,
                        TriggerDistanceM = shot.TriggerDistanceM, AltitudeM = z, PassIndex = passIndex, LineKey = key++,
                        HeadingDeg = Geo.HeadingDeg(-nx, -ny), GimbalPitchDeg = o.GimbalPitchDeg,
                    });
                }
                if (!forward) { run.Reverse(); run = run.Select(l => l.Reversed()).ToList(); }
                run[0] = run[0] with { LeadInM = o.TurnaroundM };
                run[^1] = run[^1] with { LeadOutM = o.TurnaroundM };
                lines.AddRange(run);
                forward = !forward;
            }
        }
        var deckTop = top + 1.5; // parapet, lamp posts
        var obstacle = new StructureObstacle(
            deckM.Buffer(half + 0.9 * o.MinStandoffM, new BufferParameters { EndCapStyle = EndCapStyle.Round, QuadrantSegments = 8 }),
            deckTop + o.CrossingClearanceM, "bridge deck");
        var transitAlt = deckTop + o.CrossingClearanceM;
        if (o.Orbit)
        {
            var mid = new NetTopologySuite.LinearReferencing.LengthIndexedLine(deckM).ExtractPoint(deckM.Length / 2);
            var radius = deckM.Length / 2 + half + standoff;
            var orbit = OrbitPattern.Plan(mid, radius, transitAlt, top, camera, o.FrontOverlapPct, passes.Count, key, speed: 3, f);
            passes.AddRange(orbit.Passes);
            lines.AddRange(orbit.Lines);
        }
        warnings.Add("no passes under the deck: GNSS is unreliable there (inspect the soffit by other means)");
        warnings.Add("heights are above the ground or water under the bridge: launch from that level");
        warnings.Add($"standoff {standoff:0.0} m from the deck edge gives {shot.GsdCmPerPx * 10:0.00} mm/px on the girder faces");
        return new SurveyPattern
        {
            Kind = "bridge", Passes = passes, Lines = lines, Target = null, Obstacles = [obstacle],
            TransitAltitudeM = transitAlt, Warnings = warnings, LineSpeedMps = speed,
        };
    }

    /// <summary>Standoff that gives the wanted GSD, or the minimum safe standoff with the zoom set to keep the GSD.</summary>
    internal static (CameraModel Camera, double StandoffM) ChooseStandoff(BridgeOptions o, List<string> notes)
    {
        o.Camera.Validate();
        if (!(o.TargetGsdCmPerPx > 0)) throw new DxGeoException($"target GSD must be positive (got {o.TargetGsdCmPerPx} cm/px)");
        var d = CameraCalc.DistanceForGsdM(o.Camera, o.TargetGsdCmPerPx);
        if (d >= o.MinStandoffM) return (o.Camera, d);
        var fNeeded = o.Camera.FocalLengthMm * o.MinStandoffM / d;
        if (o.Camera.FocalLengthMaxMm is { } fmax && fNeeded <= fmax + 1e-9)
        {
            notes.Add($"zoom set to {fNeeded:0.0} mm so that {o.TargetGsdCmPerPx * 10:0.00} mm/px holds at the minimum standoff {o.MinStandoffM:0.0} m");
            return (o.Camera.WithFocalLength(fNeeded), o.MinStandoffM);
        }
        var best = CameraCalc.GsdCmPerPx(o.Camera.FocalLengthMaxMm is { } fm ? o.Camera.WithFocalLength(fm) : o.Camera, o.MinStandoffM);
        throw new DxGeoException(
            $"camera '{o.Camera.Id}' cannot give {o.TargetGsdCmPerPx * 10:0.00} mm/px at the minimum safe standoff {o.MinStandoffM:0.0} m " +
            $"(it would need {d:0.0} m; the best it gives at {o.MinStandoffM:0.0} m is {best * 10:0.00} mm/px): " +
            "use a zoom payload, a coarser GSD or, if safe, a smaller minimum standoff");
    }
}
