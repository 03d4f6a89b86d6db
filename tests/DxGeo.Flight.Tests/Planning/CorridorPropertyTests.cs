using DxGeo.Core.Errors;
using DxGeo.Flight.Camera;
using DxGeo.Flight.Constraints;
using DxGeo.Flight.Patterns;
using DxGeo.Flight.Planning;
using DxGeo.Flight.Tests.Support;
using FsCheck.Xunit;
using NetTopologySuite.Geometries;
using NetTopologySuite.Operation.Buffer;

namespace DxGeo.Flight.Tests.Planning;

[Properties(Arbitrary = [typeof(SeedArb)], MaxTest = 20)]
public class CorridorPropertyTests
{
    internal record Case(MetricSite Site, MetricPlan Plan, LineString Line, double Width, double Front, double Side, double Altitude);

    internal static Case? CorridorCase(Seed seed, bool zones)
    {
        var r = new Random(seed.Value);
        var line = Scenarios.Corridor(r);
        var width = 10 + r.NextDouble() * 120;
        var gsd = 1.5 + r.NextDouble() * 2;
        var front = 60 + r.NextDouble() * 25;
        var side = 50 + r.NextDouble() * 30;
        var shot = CameraCalc.ForGsd(Scenarios.Camera, gsd, front, side);
        var env = line.EnvelopeInternal.Copy();
        env.ExpandBy(100);
        var noFly = new NoFlyConstraint(zones ? Scenarios.Zones(r, env, 2) : [], 10 + r.NextDouble() * 20, Scenarios.F);
        var pattern = CorridorPattern.Plan(line, noFly.Zones.Select(z => z.GeometryM).ToList(), new CorridorOptions
        {
            Shot = shot, AltitudeM = shot.DistanceM, WidthM = width, SpeedMps = 8, TurnaroundM = 10, ChunkLengthM = 600,
        });
        var launches = Scenarios.LaunchGrid(env, 400, noFly, null);
        var site = new MetricSite
        {
            Pattern = pattern, Launches = launches, NoFly = noFly, Altitude = new AltitudeLimit(),
            Radio = new RadioRangeConstraint(1000), Battery = new BatteryModel(20 * 60, 25, 10, 3), Factory = Scenarios.F,
        };
        try { return new Case(site, MetricPlanner.Plan(site), line, width, front, side, shot.DistanceM); }
        catch (DxGeoException e) when (e.Message.Contains("no clear transit") || e.Message.Contains("no usable launch point")
                                       || e.Message.Contains("entirely inside no-fly"))
        {
            return null;
        }
    }

    [Property]
    public bool Corridor_overlap_is_met_over_the_whole_width_along_every_bend(Seed seed)
    {
        var c = CorridorCase(seed, zones: false);
        if (c is null) return false;
        var (sideM, frontalM) = FootprintCheck.Footprint(Scenarios.Camera, c.Altitude);
        var spacing = sideM * (1 - c.Side / 100);
        var k = FootprintCheck.FrontMultiplicity(c.Front);
        var lines = c.Plan.Sorties.SelectMany(s => s.Lines).ToList();
        // The corridor: every point within half the width of the line (flat ends), computed here from the inputs.
        var corridor = c.Line.Buffer(c.Width / 2, new BufferParameters { EndCapStyle = EndCapStyle.Flat });
        var pts = FootprintCheck.Sample(corridor, 200, new Random(seed.Value));
        return c.Plan.Uncovered.Count == 0 && pts.All(p => FootprintCheck.Meets(p, lines, sideM, frontalM, spacing, k));
    }

    [Property]
    public bool Corridor_pass_count_is_the_qgc_count_or_one_more_for_a_wandering_line(Seed seed)
    {
        var c = CorridorCase(seed, zones: false);
        if (c is null) return false;
        var (sideM, _) = FootprintCheck.Footprint(Scenarios.Camera, c.Altitude);
        var qgc = (int)Math.Ceiling(c.Width / (sideM * (1 - c.Side / 100)) - 1e-9);
        var n = c.Site.Pattern.Passes.Count;
        return n == qgc || n == qgc + 1;
    }

    [Property]
    public void Corridor_legs_respect_no_fly_margins_and_reported_gaps_cover_the_rest(Seed seed)
    {
        var c = CorridorCase(seed, zones: true);
        if (c is null) return;
        Assert.Empty(PlanChecks.LegViolations(c.Plan.Sorties, c.Site.NoFly, null));
        var (sideM, frontalM) = FootprintCheck.Footprint(Scenarios.Camera, c.Altitude);
        var lines = c.Plan.Sorties.SelectMany(s => s.Lines).ToList();
        Geometry check = c.Site.Pattern.Target!;
        foreach (var u in c.Plan.Uncovered) check = check.Difference(u.GeometryM.Buffer(0.05));
        var pts = FootprintCheck.Sample(check, 120, new Random(seed.Value));
        var bad = pts.Where(p => !FootprintCheck.Meets(p, lines, sideM, frontalM, sideM * (1 - c.Side / 100), FootprintCheck.FrontMultiplicity(c.Front))).ToList();
        Assert.Empty(bad);
    }
}
