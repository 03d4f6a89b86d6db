using DxGeo.Core.Assets;

namespace DxGeo.SampleTown.Tests;

[Collection("town")]
public sealed class LedgerTests(TownFixture fixture)
{
    private SampleTown T => fixture.Town;

    [Fact]
    public void About_five_percent_of_pipes_lack_year_or_material()
    {
        var missing = T.Pipes.Count(p => p.InstallYear is null || p.Material == PipeMaterial.Unknown);
        Assert.InRange(100.0 * missing / T.Pipes.Count, 3.0, 7.0);
        Assert.Contains(T.Pipes, p => p.InstallYear is null);
        Assert.Contains(T.Pipes, p => p.Material == PipeMaterial.Unknown);
        // The truth still knows them.
        var truth = T.GroundTruth.Pipes.ToDictionary(p => p.PipeId);
        Assert.All(T.Pipes.Where(p => p.Material == PipeMaterial.Unknown), p => Assert.NotEqual("UNK", truth[p.PipeId].TrueMaterial));
    }

    [Fact]
    public void Diameters_years_and_lengths_are_in_range()
    {
        Assert.All(T.Pipes, p => Assert.InRange(p.DiameterMm, 50, 800));
        Assert.All(T.Pipes.Where(p => p.InstallYear is not null), p => Assert.InRange(p.InstallYear!.Value, 1960, 2020));
        Assert.Equal(50, T.Pipes.Min(p => p.DiameterMm));
        Assert.Equal(800, T.Pipes.Max(p => p.DiameterMm));
        Assert.True(T.Pipes.Min(p => p.InstallYear) <= 1962 && T.Pipes.Max(p => p.InstallYear) >= 2018);
        foreach (var p in T.Pipes)
        {
            var metres = Metric.Project(p.Geometry).Length;
            Assert.True(Math.Abs(metres - p.LengthM) < 0.05 + 0.001 * metres, $"{p.PipeId}: length_m {p.LengthM} vs {metres:F2} m");
        }
    }

    [Fact]
    public void Materials_match_their_eras()
    {
        foreach (var p in T.GroundTruth.Pipes)
        {
            var y = p.TrueInstallYear;
            switch (p.TrueMaterial)
            {
                case "PE": Assert.True(y >= 2000, $"{p.PipeId}: PE laid in {y}"); break;
                case "ACP" or "CIP": Assert.True(y < 1980, $"{p.PipeId}: {p.TrueMaterial} laid in {y}"); break;
                case "DCIP": Assert.True(y >= 1970, $"{p.PipeId}: DCIP laid in {y}"); break;
                case "VP": Assert.True(y >= 1965, $"{p.PipeId}: VP laid in {y}"); break;
            }
        }
        var materials = T.Pipes.Select(p => p.Material).Distinct().ToHashSet();
        Assert.Superset(new HashSet<PipeMaterial> { PipeMaterial.CastIron, PipeMaterial.AsbestosCement, PipeMaterial.DuctileIron,
            PipeMaterial.Pvc, PipeMaterial.Polyethylene, PipeMaterial.Steel }, materials);
    }

    [Fact]
    public void Network_has_a_hierarchy_of_mains()
    {
        var arterial = T.Pipes.Where(p => p.RoadClass == "arterial").ToList();
        var local = T.Pipes.Where(p => p.RoadClass == "local").ToList();
        Assert.All(arterial, p => Assert.InRange(p.DiameterMm, 300, 800));
        Assert.True(local.Count(p => p.DiameterMm <= 150) > 0.95 * local.Count);
        Assert.Contains(local, p => p.DiameterMm == 50);
    }

    [Fact]
    public void Old_town_keeps_old_pipe_and_new_suburbs_have_new_pipe()
    {
        double MeanYear(string district) => T.GroundTruth.Pipes.Join(T.Pipes.Where(p => p.District == district), t => t.PipeId, p => p.PipeId,
            (t, _) => t.TrueInstallYear).Average();
        Assert.True(MeanYear("本町") + 15 < MeanYear("若葉台"), $"本町 {MeanYear("本町"):F0} vs 若葉台 {MeanYear("若葉台"):F0}");
        var oldTown = T.Pipes.Where(p => p.District is "本町" or "川端" or "港町").ToList();
        var suburbs = T.Pipes.Where(p => p.District is "若葉台" or "緑ヶ丘").ToList();
        static double Share(List<WaterPipe> ps, params PipeMaterial[] ms) => (double)ps.Count(p => ms.Contains(p.Material)) / ps.Count;
        Assert.True(Share(oldTown, PipeMaterial.CastIron, PipeMaterial.AsbestosCement) > 0.15);
        Assert.True(Share(suburbs, PipeMaterial.CastIron, PipeMaterial.AsbestosCement) < 0.03);
        Assert.True(Share(suburbs, PipeMaterial.Polyethylene, PipeMaterial.DuctileIron) > 0.6);
    }
}
