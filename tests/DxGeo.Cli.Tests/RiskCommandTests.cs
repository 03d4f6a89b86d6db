using System.Globalization;
using DxGeo.Cli;
using DxGeo.Core.Assets.Layers;
using DxGeo.Core.Workspace;
using DxGeo.Core.Workspace.GeoPackage;

namespace DxGeo.Cli.Tests;

public sealed class RiskCommandTests() : CliTest("risk")
{
    private string TownCopy()
    {
        var ws = P("town.gpkg");
        File.Copy(Path.Combine(ReadmeTests.RepoRoot(), "sample-data", "town", "town.gpkg"), ws);
        return ws;
    }

    [Fact]
    public void Train_then_plan_writes_the_model_the_plan_and_the_pipe_layer()
    {
        var ws = TownCopy();
        var model = P("model");
        var (code, stdout, stderr) = Run("risk", "train", "-w", ws, "--out", model, "--folds", "1", "--iterations", "30", "--as-of", "2026-01-01");
        Assert.True(code == 0, stderr);
        Assert.Contains("| model (LightGBM) |", stdout);
        Assert.Contains("| past breaks |", stdout);
        foreach (var f in new[] { "break-risk.zip", "break-risk.prior.json", "card.json", "card.md", "capture-curve.png", "calibration.png" })
            Assert.True(File.Exists(Path.Combine(model, f)), f);

        (code, stdout, stderr) = Run("risk", "plan", "-w", ws, "--model", model, "--budget", "100000000", "--years", "2",
            "--out", P("plan.csv"), "--as-of", "2026-01-01");
        Assert.True(code == 0, stderr);
        var rows = File.ReadAllLines(P("plan.csv")).Skip(1).ToArray();
        Assert.NotEmpty(rows);
        Assert.All(rows.GroupBy(r => r.Split(',')[0]), g =>
            Assert.True(g.Sum(r => double.Parse(r.Split(',')[5], CultureInfo.InvariantCulture)) <= 100_000_000));
        using var w = GeoPackageWorkspace.Open(ws);
        var pipes = w.ReadAll(AssetLayers.Pipes).ToList();
        Assert.Equal(rows.Length, pipes.Count(p => p.RenewalYear is not null));
        Assert.All(pipes.Where(p => p.Status == Core.Assets.PipeStatus.InService), p => Assert.NotNull(p.RiskPriority));
    }

    [Fact]
    public void Train_on_a_workspace_without_breaks_fails_with_one_line_and_writes_nothing()
    {
        var ws = P("empty.gpkg");
        using (var w = GeoPackageWorkspace.Create(ws))
        using (var tx = w.BeginWrite())
        {
            tx.CreateLayer(AssetLayers.Pipes.Schema);
            tx.InsertAll(AssetLayers.Pipes, SampleTown.SampleTownGenerator.Generate().Pipes.Take(20));
            tx.Commit();
        }
        var (code, _, stderr) = Run("risk", "train", "-w", ws, "--out", P("m"));
        Assert.Equal(1, code);
        Assert.Contains("no break history", stderr);
        Assert.Single(stderr.Split('\n'), l => l.StartsWith("dxgeo:"));
        Assert.False(Directory.Exists(P("m")) && Directory.EnumerateFiles(P("m")).Any());
    }

    [Fact]
    public void Plan_rejects_a_bad_budget_and_a_missing_model()
    {
        var (code, _, stderr) = Run("risk", "plan", "-w", P("x.gpkg"), "--budget", "-5", "--model", P("none"));
        Assert.Equal(1, code);
        Assert.Contains("budget must be a positive", stderr);
        (code, _, stderr) = Run("risk", "plan", "-w", P("x.gpkg"), "--budget", "5000000", "--model", P("none"));
        Assert.Equal(1, code);
        Assert.Contains("no model folder", stderr);
    }
}
