using DxGeo.Imagery.Damage.Tiling;
using DxGeo.Imagery.Damage.Training;
using DxGeo.Imagery.Damage.Training.Sources;

namespace DxGeo.Imagery.Tests.Damage;

public class SplitTests
{
    private static Dictionary<(string Source, string Group), string> ShippedSplit()
    {
        var map = new Dictionary<(string, string), string>();
        foreach (var line in File.ReadLines(Path.Combine(RepoPaths.Model, DamageTrainer.SplitFileName)).Skip(1))
        {
            var p = line.Split(',');
            Assert.True(map.TryAdd((p[0], p[1]), p[2]), $"source photo {p[0]}/{p[1]} is listed in two parts");
        }
        return map;
    }

    [Fact]
    public void Shipped_split_puts_every_source_photo_in_one_part_and_agrees_with_the_split_rule()
    {
        var map = ShippedSplit();
        // Re-run the rule on one representative tile per listed photo (Özgenel's demo reserve = blocks from file 19000 on).
        var reps = map.Keys.Select(k => new TileSample(k.Source, k.Group,
            k.Source == SharedDatasets.Ozgenel ? $"/d/{int.Parse(k.Group.Split('/')[1]) * SharedDatasets.OzgenelBlock:D5}.jpg" : "x.jpg",
            new TileRect(0, 0, 1, 1), false)).ToList();
        var rule = SharedDatasets.Split().Assign(reps);
        foreach (var (key, part) in map) Assert.Equal(rule[key].ToString().ToLowerInvariant(), part);
        foreach (var src in SharedDatasets.AllSources)
            foreach (var part in new[] { "train", "validation", "heldout" })
                Assert.Contains(map, kv => kv.Key.Source == src && kv.Value == part);
    }

    [Fact]
    public void Heldout_sample_comes_only_from_heldout_photos_and_never_from_demo_reserved_files()
    {
        var map = ShippedSplit();
        foreach (var dir in Directory.GetDirectories(RepoPaths.Heldout))
        {
            var source = Path.GetFileName(dir);
            var rows = LabelsCsv.Read(Path.Combine(dir, "labels.csv"), defaultSource: source);
            Assert.NotEmpty(rows);
            foreach (var r in rows)
            {
                Assert.Equal("heldout", map[(source, r.Group)]);
                if (source == SharedDatasets.Ozgenel)
                    Assert.True(SharedDatasets.OzgenelNumber(r.ImagePath.Split('_')[^1]) < SharedDatasets.OzgenelDemoFrom, r.ImagePath);
            }
        }
    }

    [Fact]
    public void Every_tile_of_a_photo_lands_in_the_same_part()
    {
        var samples = Enumerable.Range(0, 2000).Select(i => new TileSample(i % 3 == 0 ? "a" : "b", $"photo{i % 97}", $"{i}.jpg",
            new TileRect(i, 0, 10, 10), i % 2 == 0)).ToList();
        var parts = new SourceSplit().Apply(samples);
        var partOf = parts.SelectMany(p => p.Select(s => (s, p.Key))).ToDictionary(x => x.s, x => x.Key);
        Assert.Equal(samples.Count, partOf.Count);
        foreach (var g in samples.GroupBy(s => (s.Source, s.Group)))
            Assert.Single(g.Select(s => partOf[s]).Distinct());
        foreach (var src in new[] { "a", "b" })
            foreach (var part in Enum.GetValues<SplitPart>())
                Assert.Contains(samples, s => s.Source == src && partOf[s] == part);
        // Tile order does not matter.
        var reversed = new SourceSplit().Assign(Enumerable.Reverse(samples));
        Assert.All(samples, s => Assert.Equal(partOf[s], reversed[(s.Source, s.Group)]));
    }

    [Fact]
    public void Demo_reserved_ozgenel_files_always_train()
    {
        var samples = Enumerable.Range(0, 2000).Select(k => k * 10 + 1).Select(n => new TileSample(SharedDatasets.Ozgenel,
            $"positive/{n / SharedDatasets.OzgenelBlock}", $"/d/positive/{n:D5}.jpg", new TileRect(0, 0, 227, 227), true)).ToList();
        var parts = SharedDatasets.Split().Assign(samples);
        foreach (var s in samples.Where(s => SharedDatasets.OzgenelNumber(s.ImagePath) >= SharedDatasets.OzgenelDemoFrom))
            Assert.Equal(SplitPart.Train, parts[(s.Source, s.Group)]);
        Assert.Contains(parts.Values, p => p == SplitPart.Heldout);
    }
}
