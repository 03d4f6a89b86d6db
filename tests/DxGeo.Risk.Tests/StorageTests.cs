using DxGeo.Core.Assets;
using DxGeo.Core.Assets.Layers;
using DxGeo.Core.Errors;
using DxGeo.Core.Features;
using DxGeo.Core.Workspace;
using DxGeo.Core.Workspace.GeoPackage;
using DxGeo.Risk.Models.Imputation;
using DxGeo.Risk.Scoring;
using DxGeo.Risk.Storage;

namespace DxGeo.Risk.Tests;

[Collection(SampleTownCollection.Name)]
public class StorageTests(SampleTownFixture town) : IDisposable
{
    private readonly DirectoryInfo _dir = Directory.CreateTempSubdirectory("dxgeo-risk-ws-");

    public void Dispose() => _dir.Delete(true);

    /// <summary>A real GeoPackage workspace with the first pipes of the town and their breaks.</summary>
    private GeoPackageWorkspace Workspace(int pipes = 200, Func<WaterPipe, WaterPipe>? edit = null)
    {
        var ws = GeoPackageWorkspace.Create(Path.Combine(_dir.FullName, $"ws-{Guid.NewGuid():N}.gpkg"));
        var chosen = town.Inputs.Pipes.Take(pipes).Select(edit ?? (p => p)).ToList();
        var ids = chosen.Select(p => p.PipeId).ToHashSet();
        using var w = ws.BeginWrite();
        w.CreateLayer(AssetLayers.Pipes.Schema);
        w.CreateLayer(AssetLayers.Breaks.Schema);
        w.InsertAll(AssetLayers.Pipes, chosen);
        w.InsertAll(AssetLayers.Breaks, town.Inputs.Breaks.Where(b => b.PipeId is not null && ids.Contains(b.PipeId)));
        w.Commit();
        return ws;
    }

    [Fact]
    public void Unknown_material_code_is_refused_naming_the_field()
    {
        using var ws = Workspace(20);
        var r = ws.Read(AssetLayers.Pipes.Schema.Name).First();
        var values = (object?[])r.Values.Clone();
        values[AssetLayers.Pipes.Schema.IndexOf("material")] = "XYZ";
        using (var w = ws.BeginWrite()) { w.Update(AssetLayers.Pipes.Schema.Name, new FeatureRecord(r.Geometry, values, r.Fid)); w.Commit(); }
        var e = Assert.Throws<InputDataException>(() => RiskInputReader.Read(ws));
        Assert.Equal("material", e.Field);
        Assert.Contains("XYZ", e.Message);
        Assert.Contains(ws.Location, e.Message);
    }

    [Fact]
    public void Risk_is_written_back_and_recorded_fields_are_untouched()
    {
        using var ws = Workspace();
        var before = RiskInputReader.Read(ws).Pipes.ToDictionary(p => p.PipeId);
        var scores = before.Values.Select((p, i) => new PipeRiskScore(p.PipeId, 2026, 0.001 * (i + 1), 0, 0)).ToList();
        Assert.Equal(scores.Count, PipeLayerWriter.WriteRisk(ws, scores));
        foreach (var p in RiskInputReader.Read(ws).Pipes)
        {
            Assert.Equal(scores.Single(s => s.PipeId == p.PipeId).BreakProbability, p.RiskBreakProb);
            Assert.Equal(before[p.PipeId] with { RiskBreakProb = p.RiskBreakProb }, p);
        }
    }

    [Fact]
    public void Failing_write_leaves_the_workspace_unchanged()
    {
        // Pipe 0 lost its material; pipe 1 has a recorded one. A fill for both must fail on pipe 1 and write neither.
        using var ws = Workspace(50, p => p.PipeId == town.Inputs.Pipes[0].PipeId ? p with { Material = PipeMaterial.Unknown } : p);
        var pipes = RiskInputReader.Read(ws).Pipes;
        Assert.NotEqual(PipeMaterial.Unknown, pipes[1].Material);
        var fills = new[] { new LedgerFill(pipes[0].PipeId, PipeMaterial.DuctileIron, null), new LedgerFill(pipes[1].PipeId, PipeMaterial.Pvc, null) };
        var e = Assert.ThrowsAny<DxGeoException>(() => PipeLayerWriter.WriteFills(ws, fills));
        Assert.Contains("refusing to overwrite", e.Message);
        Assert.Equal(pipes, RiskInputReader.Read(ws).Pipes);

        // Likewise a plan naming a pipe the layer does not hold.
        var bogus = new[] { new PipeRiskScore(pipes[0].PipeId, 2026, 0.5, 0.7, 1), new PipeRiskScore("NOT-THERE", 2026, 0.5, 0.7, 1) };
        Assert.ThrowsAny<DxGeoException>(() => PipeLayerWriter.WriteRisk(ws, bogus));
        Assert.All(RiskInputReader.Read(ws).Pipes, p => Assert.Null(p.RiskBreakProb));
    }

    [Fact]
    public void Imputed_values_are_flagged_in_the_layer()
    {
        using var ws = Workspace(50, p => p.PipeId == town.Inputs.Pipes[3].PipeId ? p with { InstallYear = null } : p);
        PipeLayerWriter.WriteFills(ws, [new LedgerFill(town.Inputs.Pipes[3].PipeId, null, 1975)]);
        var p = RiskInputReader.Read(ws).Pipes.Single(x => x.PipeId == town.Inputs.Pipes[3].PipeId);
        Assert.Equal(1975, p.InstallYear);
        Assert.True(p.InstallYearImputed);
        Assert.False(p.MaterialImputed);
    }
}
