using DxGeo.Core.Assets;
using NetTopologySuite.Geometries;
using NetTopologySuite.Index.Strtree;

namespace DxGeo.SampleTown.Tests;

[Collection("town")]
public sealed class LayoutTests(TownFixture fixture)
{
    private SampleTown T => fixture.Town;

    private IEnumerable<(string Layer, string Id, Geometry G)> AllGeometries() =>
        T.Pipes.Select(x => ("water_pipes", x.PipeId, (Geometry)x.Geometry))
            .Concat(T.Breaks.Select(x => ("pipe_breaks", x.BreakId, (Geometry)x.Geometry)))
            .Concat(T.Bridges.Select(x => ("bridges", x.BridgeId, x.Geometry)))
            .Concat(T.Levees.Select(x => ("levees", x.LeveeId, (Geometry)x.Geometry)))
            .Concat(T.Roads.Select(x => ("roads", x.RoadId, (Geometry)x.Geometry)))
            .Concat(T.SoilZones.Select(x => ("soil", x.ZoneId, (Geometry)x.Geometry)))
            .Concat(T.FloodZones.Select(x => ("flood_zones", x.ZoneId, (Geometry)x.Geometry)))
            .Concat(T.NoFlyZones.Select(x => ("no_fly_zones", x.ZoneId, (Geometry)x.Geometry)))
            .Concat(T.Facilities.Select(x => ("facilities", x.FacilityId, (Geometry)x.Geometry)))
            .Concat(T.RoadWorks.Select(x => ("road_works", x.WorkId, (Geometry)x.Geometry)))
            .Concat(T.Districts.Select(x => ("districts", x.DistrictId, (Geometry)x.Geometry)))
            .Concat(T.Waterways.Select(x => ("waterways", x.WaterwayId, (Geometry)x.Geometry)))
            .Concat(T.WaterAreas.Select(x => ("water_areas", x.AreaId, (Geometry)x.Geometry)));

    [Fact]
    public void Every_geometry_is_valid_lon_lat_on_the_Miyagi_coast()
    {
        foreach (var (layer, id, g) in AllGeometries())
        {
            Assert.True(g.IsValid, $"{layer} {id}: invalid geometry");
            Assert.False(g.IsEmpty, $"{layer} {id}: empty geometry");
            Assert.Equal(4326, g.SRID);
            var e = g.EnvelopeInternal;
            Assert.True(e.MinX >= 140.90 && e.MaxX <= 140.98 && e.MinY >= 38.16 && e.MaxY <= 38.22, $"{layer} {id}: {e} is off the town");
        }
    }

    [Fact]
    public void Town_is_a_few_kilometres_across()
    {
        var box = Metric.Project(T.Districts.Select(d => (Geometry)d.Geometry).Aggregate((a, b) => a.Union(b))).EnvelopeInternal;
        Assert.InRange(box.Width, 4000, 5500);
        Assert.InRange(box.Height, 3200, 4500);
    }

    [Fact]
    public void Has_enough_pipes_bridges_and_history()
    {
        Assert.True(T.Pipes.Count >= 2000, $"{T.Pipes.Count} pipes");
        Assert.True(T.Bridges.Count >= 30, $"{T.Bridges.Count} bridges");
        Assert.Equal(T.Pipes.Count, T.Pipes.Select(p => p.PipeId).Distinct().Count());
        Assert.Equal(T.Bridges.Count, T.Bridges.Select(p => p.BridgeId).Distinct().Count());
        Assert.Equal(T.Bridges.Count, T.Bridges.Select(p => p.Name).Distinct().Count());
        Assert.All(T.Bridges, b => Assert.EndsWith("橋", b.Name));
        Assert.Equal(2011, T.BreakHistoryFirstYear);
        Assert.Equal(2025, T.BreakHistoryLastYear);
        Assert.Contains(T.Facilities, f => f.Kind == "hospital");
        Assert.Contains(T.Facilities, f => f.Kind == "school");
        Assert.Contains(T.Facilities, f => f.Kind == "shelter");
        Assert.InRange(T.NoFlyZones.Count, 2, 6);
        Assert.All(T.RoadWorks, w => Assert.InRange(w.PlannedYear ?? 0, 2026, 2028));
        Assert.Equal(["arterial", "collector", "local"], T.Roads.Select(r => r.RoadClass!).Distinct().Order());
    }

    [Fact]
    public void Every_bridge_spans_a_watercourse_from_bank_to_bank()
    {
        var water = T.WaterAreas.Where(a => a.Kind != "sea").Select(a => Metric.Project((Geometry)a.Geometry)).ToList();
        var lines = T.Waterways.Select(w => Metric.Project(w.Geometry)).ToList();
        foreach (var b in T.Bridges)
        {
            var deck = Metric.Project(b.Geometry);
            Assert.IsType<LineString>(deck);
            Assert.True(lines.Any(l => l.Intersects(deck)), $"bridge {b.BridgeId} {b.Name} does not cross a watercourse centreline");
            var ends = new[] { ((LineString)deck).StartPoint, ((LineString)deck).EndPoint };
            Assert.True(ends.All(e => water.All(w => !w.Contains(e))), $"bridge {b.BridgeId} {b.Name} ends in the water");
            Assert.InRange(b.LengthM ?? 0, deck.Length - 0.2, deck.Length + 0.2);
        }
    }

    [Fact]
    public void River_bridges_reach_from_levee_crest_to_levee_crest()
    {
        var river = Metric.Project(T.Waterways.Single(w => w.Kind == "river").Geometry);
        var left = Metric.Project(T.Levees.Where(l => l.River == "川湊川" && l.Bank == Bank.Left).Select(l => (Geometry)l.Geometry).Aggregate((a, b) => a.Union(b)));
        var right = Metric.Project(T.Levees.Where(l => l.River == "川湊川" && l.Bank == Bank.Right).Select(l => (Geometry)l.Geometry).Aggregate((a, b) => a.Union(b)));
        var riverBridges = T.Bridges.Where(b => Metric.Project(b.Geometry).Intersects(river)).ToList();
        Assert.True(riverBridges.Count >= 8, $"{riverBridges.Count} bridges over the main river");
        foreach (var b in riverBridges)
        {
            var deck = (LineString)Metric.Project(b.Geometry);
            var (a, z) = (deck.StartPoint, deck.EndPoint);
            Assert.True(Math.Min(left.Distance(a) + right.Distance(z), left.Distance(z) + right.Distance(a)) < 3,
                $"bridge {b.Name} does not reach both levee crests");
            Assert.InRange(b.LengthM ?? 0, 150, 400);
            Assert.InRange(b.DeckHeightM ?? 0, 5, 15);
            Assert.True(b.SpanCount >= 2);
        }
    }

    [Fact]
    public void Levees_line_both_banks_and_the_coast()
    {
        var river = Metric.Project(T.Waterways.Single(w => w.Kind == "river").Geometry);
        foreach (var bank in new[] { Bank.Left, Bank.Right })
        {
            var sections = T.Levees.Where(l => l.River == "川湊川" && l.Bank == bank).ToList();
            var length = sections.Sum(s => Metric.Project(s.Geometry).Length);
            Assert.True(length > 0.9 * river.Length, $"{bank} levees {length:F0} m along a {river.Length:F0} m river");
            var side = bank == Bank.Left ? 1 : -1; // left bank is north here: the river flows east
            foreach (var s in sections)
            {
                var mid = Metric.Project(s.Geometry).InteriorPoint;
                var onRiver = NetTopologySuite.Operation.Distance.DistanceOp.NearestPoints(river, mid)[0];
                Assert.True(side * (mid.Y - onRiver.Y) > 0, $"{s.LeveeId} is on the wrong bank");
                Assert.True(s.BaseWidthM > s.CrestWidthM, $"{s.LeveeId}: base {s.BaseWidthM} ≤ crest {s.CrestWidthM}");
                Assert.True(s.KpToKm > s.KpFromKm);
            }
        }
        Assert.Contains(T.Levees, l => l.River == "川湊海岸");
    }

    [Fact]
    public void River_meanders_east_into_the_sea()
    {
        var river = Metric.Project(T.Waterways.Single(w => w.Kind == "river").Geometry);
        var sea = Metric.Project((Geometry)T.WaterAreas.Single(a => a.Kind == "sea").Geometry);
        Assert.True(sea.Distance(river.EndPoint) < 5, "the river does not end at the sea");
        Assert.True(sea.Distance(Metric.Project(T.RiverMouth)) < 5);
        Assert.True(river.EndPoint.X - river.StartPoint.X > 4000, "the river should cross the town west to east");
        Assert.True(river.Length > 1.05 * river.StartPoint.Distance(river.EndPoint), "the river does not meander");
    }

    [Fact]
    public void Pipes_lie_under_streets()
    {
        var tree = new STRtree<Geometry>();
        foreach (var r in T.Roads) { var g = Metric.Project(r.Geometry); tree.Insert(g.EnvelopeInternal, g); }
        foreach (var p in T.Pipes)
        {
            var line = Metric.Project(p.Geometry);
            var mid = line.InteriorPoint;
            var env = mid.EnvelopeInternal.Copy();
            env.ExpandBy(10);
            Assert.True(tree.Query(env).Any(r => r.Distance(mid) <= 3), $"pipe {p.PipeId} is not under a street");
        }
    }
}
