using System.Text.RegularExpressions;

namespace DxGeo.Web.Tests;

/// <summary>GDAL as the client: its OAPIF driver reads the OGC API, its MVT driver reads a served tile.</summary>
[Collection(ServerCollection.Name)]
public sealed class GdalInteropTests(ServerFixture f)
{
    [Fact]
    public async Task Ogrinfo_OAPIF_lists_every_layer_with_its_feature_count()
    {
        var output = await Tools.Run("ogrinfo", "-ro", "-so", "-al", $"OAPIF:{f.LiveUrl}/");
        var counts = Regex.Matches(output, @"Layer name: (\S+)[\s\S]*?Feature Count: (\d+)")
            .ToDictionary(m => m.Groups[1].Value, m => long.Parse(m.Groups[2].Value));
        var expected = f.Town.Workspace.ListLayers().ToDictionary(l => l.Name, l => l.FeatureCount);
        Assert.Equal(expected.OrderBy(kv => kv.Key), counts.OrderBy(kv => kv.Key));
    }

    [Fact]
    public async Task Ogrinfo_OAPIF_reads_pipe_attributes_across_pages()
    {
        // The fixture's MaxLimit is 25, so GDAL must follow next links to see all 40 pipes.
        var output = await Tools.Run("ogrinfo", "-ro", "-q", $"OAPIF:{f.LiveUrl}/", "water_pipes");
        var ids = Regex.Matches(output, @"pipe_id \(String\) = (\S+)").Select(m => m.Groups[1].Value).Order().ToList();
        Assert.Equal(f.Town.Pipes.Select(p => p.Id).Order(), ids);
        var p7 = f.Town.Pipes.Single(p => p.Id == "P-0007");
        Assert.Matches(@"pipe_id \(String\) = P-0007\s+material \(String\) = " + p7.Material, output);
        Assert.Contains("district (String) = 湊町", output);
    }

    [Fact]
    public async Task Ogrinfo_reads_a_served_vector_tile()
    {
        var (z, x, y) = TileAndMapApiTests.TileOf(TestTown.Lon0 + 0.003, TestTown.Lat0 + 0.002, 14);
        using var http = new HttpClient();
        var bytes = await http.GetByteArrayAsync($"{f.LiveUrl}/tiles/water_pipes/{z}/{x}/{y}.pbf");
        // GDAL's MVT driver georeferences a tile from its z/x/y.pbf path.
        var dir = Path.Combine(f.Town.Folder, "tiles", $"{z}", $"{x}");
        Directory.CreateDirectory(dir);
        var file = Path.Combine(dir, $"{y}.pbf");
        await File.WriteAllBytesAsync(file, bytes);
        var output = await Tools.Run("ogrinfo", "-ro", "-al", file);
        Assert.Contains("Layer name: water_pipes", output);
        Assert.Contains($"Feature Count: {f.Town.Pipes.Count}", output);
        Assert.Contains("pipe_id (String) = P-0040", output);
    }
}
