using DxGeo.Core.Assets;
using NetTopologySuite.Geometries;
using NetTopologySuite.Geometries.Prepared;

namespace DxGeo.SampleTown.Tests;

/// <summary>The break history must carry the signal a risk model should find (from the public layers only), and noise.</summary>
[Collection("town")]
public sealed class BreakHistoryTests(TownFixture fixture)
{
    private SampleTown T => fixture.Town;

    /// <summary>Breaks per km per year over the pipes selected, counting breaks by their snapped pipe id.</summary>
    private double Rate(Func<WaterPipe, bool> select)
    {
        var pipes = T.Pipes.Where(select).ToList();
        var ids = pipes.Select(p => p.PipeId).ToHashSet();
        var breaks = T.Breaks.Count(b => b.PipeId is not null && ids.Contains(b.PipeId));
        return breaks / (pipes.Sum(p => p.LengthM) / 1000) / 15;
    }

    [Fact]
    public void Town_wide_rate_is_realistic()
    {
        Assert.InRange(Rate(_ => true), 0.05, 0.3);
        Assert.All(T.Breaks, b => Assert.InRange(b.Date, new DateOnly(2011, 1, 1), new DateOnly(2025, 12, 31)));
    }

    [Fact]
    public void Brittle_old_materials_break_more_than_ductile_iron_and_polyethylene()
    {
        var cip = Rate(p => p.Material == PipeMaterial.CastIron);
        var acp = Rate(p => p.Material == PipeMaterial.AsbestosCement);
        var dcip = Rate(p => p.Material == PipeMaterial.DuctileIron);
        var pe = Rate(p => p.Material == PipeMaterial.Polyethylene);
        Assert.True(cip > 2 * dcip && acp > 2 * dcip, $"CIP {cip:F3}, ACP {acp:F3}, DCIP {dcip:F3}");
        Assert.True(cip > 2 * pe && acp > 2 * pe, $"CIP {cip:F3}, ACP {acp:F3}, PE {pe:F3}");
        Assert.InRange(cip, 0.15, 1.0);
        Assert.InRange(pe, 0.005, 0.1);
    }

    [Fact]
    public void Older_and_smaller_pipes_break_more()
    {
        var old = Rate(p => p.InstallYear < 1975);
        var young = Rate(p => p.InstallYear >= 2000);
        Assert.True(old > 3 * young, $"pre-1975 {old:F3} vs post-2000 {young:F3}");
        var dcipOld = Rate(p => p.Material == PipeMaterial.DuctileIron && p.InstallYear < 1990);
        var dcipNew = Rate(p => p.Material == PipeMaterial.DuctileIron && p.InstallYear >= 2005);
        Assert.True(dcipOld > dcipNew, $"DCIP before 1990 {dcipOld:F3} vs since 2005 {dcipNew:F3}");
        Assert.True(Rate(p => p.DiameterMm <= 75) > Rate(p => p.DiameterMm is >= 150 and < 300));
    }

    [Fact]
    public void Metal_pipes_break_more_in_corrosive_soil()
    {
        var soil = T.SoilZones.Select(z => (z.Corrosivity, Area: PreparedGeometryFactory.Prepare(z.Geometry))).ToList();
        Corrosivity? At(WaterPipe p)
        {
            var mid = p.Geometry.InteriorPoint;
            foreach (var (c, area) in soil) if (area.Contains(mid)) return c;
            return null;
        }
        var corr = T.Pipes.Where(p => p.Material is PipeMaterial.CastIron or PipeMaterial.DuctileIron or PipeMaterial.Steel)
            .ToDictionary(p => p.PipeId, At);
        var high = Rate(p => corr.GetValueOrDefault(p.PipeId) == Corrosivity.High);
        var low = Rate(p => corr.GetValueOrDefault(p.PipeId) == Corrosivity.Low);
        Assert.True(high > 1.5 * low, $"metal pipes: high corrosivity {high:F3} vs low {low:F3}");
    }

    [Fact]
    public void Breaks_cluster_on_frail_pipes_beyond_what_the_attributes_explain()
    {
        // Without the hidden frailty each pipe's count would be Poisson with the attribute-only mean;
        // the frailty makes repeat-break pipes far more common than that.
        var expectedRepeat = 0.0;
        foreach (var p in T.GroundTruth.Pipes.Where(p => p.Frailty > 1e-6)) // frailty is rounded to 6 decimals
        {
            var m = p.ExpectedBreaks2011To2025 / p.Frailty;
            expectedRepeat += 1 - Math.Exp(-m) * (1 + m + m * m / 2);
        }
        var observedRepeat = T.GroundTruth.Pipes.Count(p => p.ObservedBreaks2011To2025 >= 3);
        Assert.True(observedRepeat > 1.5 * expectedRepeat, $"{observedRepeat} pipes with ≥3 breaks vs {expectedRepeat:F1} without frailty");
    }

    [Fact]
    public void History_is_noisy_not_a_function_of_the_attributes()
    {
        var ranked = T.GroundTruth.Pipes.OrderByDescending(p => p.RatePerKm2026NoFrailty * p.LengthM).ToList();
        var top = ranked.Take(ranked.Count / 10).ToList();
        var bottom = ranked.Skip(ranked.Count / 2).ToList();
        Assert.True(top.Count(p => p.ObservedBreaks2011To2025 == 0) > top.Count / 4, "most risky pipes all broke: no noise");
        Assert.True(bottom.Count(p => p.ObservedBreaks2011To2025 > 0) > 10, "safe pipes never broke: no noise");
        static double PerKm(List<PipeTruth> ps) => ps.Sum(p => p.ObservedBreaks2011To2025) / ps.Sum(p => p.LengthM);
        var byRate = T.GroundTruth.Pipes.OrderByDescending(p => p.RatePerKm2026NoFrailty).ToList();
        var riskiest = byRate.Take(byRate.Count / 10).ToList();
        var safest = byRate.Skip(byRate.Count / 2).ToList();
        Assert.True(PerKm(riskiest) > 3 * PerKm(safest), $"no signal: {PerKm(riskiest) * 1000:F3} vs {PerKm(safest) * 1000:F3} breaks/km");
        // The 2011 earthquake shows as a spike.
        var perYear = T.Breaks.GroupBy(b => b.Date.Year).ToDictionary(g => g.Key, g => g.Count());
        Assert.True(perYear[2011] > 1.3 * Enumerable.Range(2012, 9).Average(y => perYear[y]));
    }

    [Fact]
    public void A_break_raises_the_pipe_s_rate_in_the_following_year_beyond_its_frailty()
    {
        // Observed ÷ expected (background with the pipe's own frailty) for pipe-years that follow a break year vs the rest.
        var g = T.GroundTruth;
        var date = T.Breaks.ToDictionary(b => b.BreakId, b => b.Date);
        var years = g.Breaks.GroupBy(b => b.TruePipeId).ToDictionary(x => x.Key, x => x.Select(b => date[b.BreakId].Year).ToList());
        double obsAfter = 0, expAfter = 0, obsElse = 0, expElse = 0;
        foreach (var p in g.Pipes)
        {
            var ys = years.GetValueOrDefault(p.PipeId) ?? [];
            for (var y = 2013; y <= 2025; y++)
            {
                if (y == 2021 || y == 2022) continue; // earthquake years add breaks beyond the background
                var e = g.BackgroundExpectedByYear[p.PipeId][y - g.FirstYear];
                var o = ys.Count(v => v == y);
                if (ys.Contains(y - 1)) { obsAfter += o; expAfter += e; } else { obsElse += o; expElse += e; }
            }
        }
        Assert.True(obsAfter / expAfter > 1.3 * (obsElse / expElse), $"after a break {obsAfter / expAfter:F2}× expected, otherwise {obsElse / expElse:F2}×");
    }

    [Fact]
    public void Spot_heights_cover_the_land_low_at_the_coast_and_higher_inland()
    {
        var pts = T.ElevationPoints.Select(e => (P: Metric.Project(e.Geometry).Coordinate, Z: e.ElevationM)).ToList();
        Assert.InRange(pts.Count, 1500, 2000); // 100 m grid over the ~4.7 × 4 km of land
        Assert.All(pts, x => Assert.InRange(x.Z, 0.3, 60));
        Assert.Equal(pts.Count, T.ElevationPoints.Select(e => e.PointId).Distinct().Count());
        var minX = pts.Min(x => x.P.X);
        var maxX = pts.Max(x => x.P.X);
        var west = pts.Where(x => x.P.X < minX + 1000).Average(x => x.Z);
        var east = pts.Where(x => x.P.X > maxX - 500).Average(x => x.Z);
        Assert.True(west > east + 5, $"west {west:F1} m, coast {east:F1} m");
        // Neighbouring points 100 m apart: a coastal plain has no cliffs.
        var nearest = pts.Take(200).Select(a => pts.Where(b => b != a).MinBy(b => a.P.Distance(b.P))).ToList();
        Assert.All(pts.Take(200).Zip(nearest), x => Assert.InRange(x.First.P.Distance(x.Second.P), 95, 105));
    }

    [Fact]
    public void Every_break_lies_within_a_few_metres_of_its_pipe()
    {
        var pipes = T.Pipes.ToDictionary(p => p.PipeId);
        var truth = T.GroundTruth.Breaks.ToDictionary(b => b.BreakId);
        var mismatched = 0;
        foreach (var b in T.Breaks)
        {
            Assert.NotNull(b.PipeId);
            var d = Metric.Project(pipes[b.PipeId!].Geometry).Distance(Metric.Project(b.Geometry));
            Assert.True(d <= 3.5, $"{b.BreakId} is {d:F2} m from {b.PipeId}");
            Assert.InRange(b.SnapDistanceM ?? -1, d - 0.05, d + 0.05);
            if (truth[b.BreakId].TruePipeId != b.PipeId) mismatched++;
        }
        // Near junctions a break can snap to the neighbouring main, as in real records, but rarely.
        Assert.True(mismatched < 0.1 * T.Breaks.Count, $"{mismatched} of {T.Breaks.Count} snapped to another pipe");
    }
}
