using System.Security.Cryptography;
using DxGeo.Core.Formats.GeoJson;
using DxGeo.SampleTown.Output;

namespace DxGeo.SampleTown.Tests;

[Collection("town")]
public sealed class DeterminismTests(TownFixture fixture)
{
    internal static Dictionary<string, byte[]> GeoJsonBytes(SampleTown town)
    {
        var result = new Dictionary<string, byte[]>();
        foreach (var (schema, records) in SampleTownWriter.Layers(town))
        {
            using var ms = new MemoryStream();
            using (var w = new GeoJsonLayerWriter(ms, schema, coordinateDecimals: 7))
            {
                foreach (var r in records) w.Write(r);
                w.Complete();
            }
            result[schema.Name + ".geojson"] = ms.ToArray();
        }
        return result;
    }

    [Fact]
    public void Same_seed_gives_byte_identical_layers_and_truth()
    {
        var again = SampleTownGenerator.Generate();
        var a = GeoJsonBytes(fixture.Town);
        var b = GeoJsonBytes(again);
        Assert.Equal(a.Keys.Order(), b.Keys.Order());
        foreach (var (name, bytes) in a)
            Assert.True(bytes.AsSpan().SequenceEqual(b[name]), $"{name} differs between two runs with the same seed");
        Assert.Equal(fixture.Town.GroundTruth.Pipes, again.GroundTruth.Pipes);
        Assert.Equal(fixture.Town.GroundTruth.Breaks, again.GroundTruth.Breaks);
    }

    [Fact]
    public void Committed_sample_data_is_what_the_generator_makes_now()
    {
        // Also the cross-machine check: the committed files were generated on another machine than CI's.
        var dir = Path.Combine(Repo.Root(), "sample-data", "town");
        foreach (var (name, bytes) in GeoJsonBytes(fixture.Town))
        {
            var path = Path.Combine(dir, name);
            Assert.True(File.Exists(path), $"{path} is missing: run `dxgeo sample-town`");
            Assert.True(SHA256.HashData(File.ReadAllBytes(path)).AsSpan().SequenceEqual(SHA256.HashData(bytes)),
                $"{path} differs from the generator's output for seed {SampleTownGenerator.DefaultSeed}: regenerate with `dxgeo sample-town`");
        }
    }

    [Fact]
    public void Another_seed_gives_another_town_that_keeps_the_guarantees()
    {
        var other = SampleTownGenerator.Generate(7);
        Assert.NotEqual(fixture.Town.Pipes.Count, other.Pipes.Count);
        Assert.NotEqual(fixture.Town.RiverMouth.Coordinate, other.RiverMouth.Coordinate);
        Assert.True(other.Pipes.Count >= 2000, $"{other.Pipes.Count} pipes");
        Assert.True(other.Bridges.Count >= 30, $"{other.Bridges.Count} bridges");
        Assert.Contains(other.Levees, l => l.Bank == Core.Assets.Bank.Left && l.River == "川湊川");
        Assert.Contains(other.Levees, l => l.Bank == Core.Assets.Bank.Right && l.River == "川湊川");
        Assert.True(other.Breaks.Count > 200, $"{other.Breaks.Count} breaks");
    }
}
