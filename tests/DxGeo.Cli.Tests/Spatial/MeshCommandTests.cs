using System.Text.Json;
using DxGeo.Core.Workspace.GeoPackage;

namespace DxGeo.Cli.Tests.Spatial;

public class MeshCommandTests : IDisposable
{
    private readonly SpatialCliTown _town = new();

    public void Dispose() => _town.Dispose();

    [Fact]
    public void Code_of_Tokyo_Tower_at_each_level()
    {
        // Published for Tokyo Tower (35.658581, 139.745433): 5339 / 533935 / 53393599 / 533935992 / 5339359921.
        Assert.Equal("5339359921", CliTest.Run("mesh", "code", "--point", "139.745433,35.658581", "--level", "250m").Out.Trim());
        var all = CliTest.Run("mesh", "code", "--point", "139.745433,35.658581").Out;
        foreach (var c in new[] { "5339", "533935", "53393599", "533935992", "5339359921", "5339-35-99-2-1" }) Assert.Contains(c, all);
    }

    [Fact]
    public void Bounds_of_a_third_mesh_in_degrees_and_dms()
    {
        var (code, o, _) = CliTest.Run("mesh", "bounds", "5339-46-11");
        Assert.Equal(0, code);
        Assert.Contains("south   35.675  (35°40′30″)", o);
        Assert.Contains("west    139.7625  (139°45′45″)", o);
        Assert.Contains("bbox    139.7625,35.675,139.775,35.683333333", o);
    }

    [Fact]
    public void Bad_codes_are_refused_with_the_reason()
    {
        var (code, _, e) = CliTest.Run("mesh", "bounds", "533984");
        Assert.Equal(1, code);
        Assert.Contains("second-mesh digits '84' must each be 0–7", e);
    }

    [Fact]
    public void Cover_lists_the_cells_of_a_box_as_geojson()
    {
        var (code, o, _) = CliTest.Run("mesh", "cover", "--bbox", "139.7625,35.675,139.775,35.683333", "--level", "half", "--format", "geojson");
        Assert.Equal(0, code);
        using var doc = JsonDocument.Parse(o);
        Assert.Equal(["533946111", "533946112", "533946113", "533946114"],
            doc.RootElement.GetProperty("features").EnumerateArray().Select(f => f.GetProperty("properties").GetProperty("mesh_code").GetString()));
    }

    [Fact]
    public void Aggregate_writes_a_geojson_file_and_a_layer()
    {
        var file = Path.Combine(Path.GetDirectoryName(_town.Path)!, "mesh.geojson");
        var (code, o, _) = CliTest.Run("mesh", "aggregate", "-w", _town.Path, "--layer", "water_pipes", "--level", "third", "--out", file, "--to-layer", "pipes_1km");
        Assert.Equal(0, code);
        using var doc = JsonDocument.Parse(File.ReadAllText(file));
        var feats = doc.RootElement.GetProperty("features").EnumerateArray().ToList();
        var total = feats.Sum(f => f.GetProperty("properties").GetProperty("length_m").GetDouble());
        Assert.InRange(total, 3 * 904.9, 3 * 905.3); // three pipes of 0.01° longitude ≈ 905.2 m
        Assert.StartsWith("total", o.Trim().Split('\n')[^1]);
        using var ws = GeoPackageWorkspace.Open(_town.Path);
        Assert.Equal(feats.Count, ws.FindLayer("pipes_1km")!.FeatureCount);
    }
}
