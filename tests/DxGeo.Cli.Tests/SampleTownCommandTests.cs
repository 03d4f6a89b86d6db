namespace DxGeo.Cli.Tests;

public sealed class SampleTownCommandTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("dxgeo-cli-town-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void Sample_town_writes_layers_workspace_and_truth()
    {
        var (stdout, stderr) = (new StringWriter(), new StringWriter());
        var outDir = Path.Combine(_dir, "town");
        var code = CliApp.Run(["sample-town", "--out", outDir], stdout, stderr);
        Assert.True(code == 0, stderr.ToString());
        Assert.Contains("川湊町 (seed 2026)", stdout.ToString());
        Assert.True(File.Exists(Path.Combine(outDir, "town.gpkg")));
        Assert.True(File.Exists(Path.Combine(outDir, "water_pipes.geojson")));
        Assert.True(File.Exists(Path.Combine(_dir, "town-truth", "pipes_truth.csv")));
    }

    [Fact]
    public void Sample_town_refuses_a_file_as_output_folder()
    {
        var file = Path.Combine(_dir, "not-a-folder");
        File.WriteAllText(file, "x");
        var (stdout, stderr) = (new StringWriter(), new StringWriter());
        Assert.Equal(1, CliApp.Run(["sample-town", "--out", file], stdout, stderr));
        Assert.Contains("is a file", stderr.ToString());
        Assert.Equal("x", File.ReadAllText(file));
    }
}
