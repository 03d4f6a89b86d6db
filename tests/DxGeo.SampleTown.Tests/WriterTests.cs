using System.Text.Json;
using DxGeo.Core.Assets.Layers;
using DxGeo.Core.Workspace.GeoPackage;
using DxGeo.SampleTown.Output;

namespace DxGeo.SampleTown.Tests;

/// <summary>The default town written once (layers, workspace and truth) into a temporary folder.</summary>
public sealed class WrittenTownFixture : IDisposable
{
    public WrittenTownFixture()
    {
        Town = SampleTownGenerator.Generate();
        Files = SampleTownWriter.Write(Town, Path.Combine(Root, "town"));
        TruthFiles = SampleTownWriter.WriteTruth(Town, Path.Combine(Root, "truth"));
    }

    public string Root { get; } = Directory.CreateTempSubdirectory("dxgeo-town-").FullName;
    public SampleTown Town { get; }
    public IReadOnlyList<string> Files { get; }
    public IReadOnlyList<string> TruthFiles { get; }

    public void Dispose() => Directory.Delete(Root, recursive: true);
}

public sealed class WriterTests(WrittenTownFixture written) : IClassFixture<WrittenTownFixture>
{
    private readonly string _dir = Path.Combine(written.Root, "town");

    [Fact]
    public void Writes_geojson_and_a_workspace_that_GDAL_reads_with_the_same_counts()
    {
        var files = written.Files;
        Assert.Equal(15, files.Count); // 14 GeoJSON layers + town.gpkg
        Assert.Empty(Directory.GetFiles(_dir, "*.partial*"));
        var gpkg = Path.Combine(_dir, SampleTownWriter.WorkspaceFileName);
        foreach (var (schema, records) in SampleTownWriter.Layers(written.Town))
        {
            var geojson = Gdal.Run("ogrinfo", "-ro", "-so", "-al", Path.Combine(_dir, schema.Name + ".geojson"));
            Assert.Contains($"Feature Count: {records.Count}", geojson);
            var fromGpkg = Gdal.Run("ogrinfo", "-ro", "-so", gpkg, schema.Name);
            Assert.Contains($"Feature Count: {records.Count}", fromGpkg);
        }
        using var ws = GeoPackageWorkspace.Open(gpkg);
        var pipes = ws.Read(AssetLayers.Pipes.Schema.Name).Select(AssetLayers.Pipes.FromRecord).ToList();
        Assert.Equal(written.Town.Pipes.Select(p => p.PipeId), pipes.Select(p => p.PipeId));
        Assert.Equal(written.Town.Pipes.Select(p => p.Material), pipes.Select(p => p.Material));
    }

    [Fact]
    public void Lengths_agree_with_GDAL_reprojecting_the_pipes()
    {
        var projected = Path.Combine(written.Root, "pipes_6678.geojson");
        Gdal.Run("ogr2ogr", "-f", "GeoJSON", "-t_srs", "EPSG:6678", "-lco", "RFC7946=NO", projected, Path.Combine(_dir, "water_pipes.geojson"));
        using var doc = JsonDocument.Parse(File.ReadAllText(projected));
        var checkedCount = 0;
        foreach (var f in doc.RootElement.GetProperty("features").EnumerateArray())
        {
            var coords = f.GetProperty("geometry").GetProperty("coordinates").EnumerateArray()
                .Select(c => (X: c[0].GetDouble(), Y: c[1].GetDouble())).ToList();
            var metres = coords.Zip(coords.Skip(1), (a, b) => Math.Sqrt((a.X - b.X) * (a.X - b.X) + (a.Y - b.Y) * (a.Y - b.Y))).Sum();
            var lengthM = f.GetProperty("properties").GetProperty("length_m").GetDouble();
            Assert.True(Math.Abs(metres - lengthM) < 0.05 + 0.001 * metres, $"{f.GetProperty("properties").GetProperty("pipe_id")}: {lengthM} vs GDAL {metres:F2}");
            checkedCount++;
        }
        Assert.Equal(written.Town.Pipes.Count, checkedCount);
    }

    [Fact]
    public void Ground_truth_goes_to_its_own_folder_not_into_the_layers()
    {
        var truthDir = Path.Combine(written.Root, "truth");
        var truth = written.TruthFiles;
        Assert.Equal(3, truth.Count);
        var pipesCsv = File.ReadAllLines(Path.Combine(truthDir, "pipes_truth.csv"));
        Assert.Equal(written.Town.Pipes.Count + 1, pipesCsv.Length);
        Assert.StartsWith("pipe_id,true_material,true_install_year", pipesCsv[0]);
        foreach (var f in Directory.GetFiles(_dir, "*.geojson"))
            Assert.DoesNotContain("frailty", File.ReadAllText(f));
    }
}
