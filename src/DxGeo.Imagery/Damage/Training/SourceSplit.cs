using System.Security.Cryptography;
using System.Text;

namespace DxGeo.Imagery.Damage.Training;

/// <summary>
/// Splits by source photo: within each source, photos (groups) are ordered by a hash of their id and the first
/// <see cref="HeldoutFraction"/> go to held-out, the next <see cref="ValidationFraction"/> to validation, the rest to
/// training (at least one photo each when a source has three or more), so every tile of a photo lands in the same
/// part, the split does not depend on tile order, and a source with few photos still has each part.
/// Photos whose tiles are all <see cref="TrainOnly"/> (e.g. reserved for demo scenes) always train.
/// </summary>
public sealed class SourceSplit
{
    public double ValidationFraction { get; init; } = 0.2;
    public double HeldoutFraction { get; init; } = 0.2;
    public string Salt { get; init; } = "dxgeo-damage-split-v1";
    public Func<TileSample, bool> TrainOnly { get; init; } = _ => false;

    public IReadOnlyDictionary<(string Source, string Group), SplitPart> Assign(IEnumerable<TileSample> samples)
    {
        var parts = new Dictionary<(string, string), SplitPart>();
        foreach (var source in samples.GroupBy(s => s.Source))
        {
            var groups = source.GroupBy(s => s.Group).ToList();
            foreach (var g in groups.Where(g => g.All(TrainOnly))) parts[(source.Key, g.Key)] = SplitPart.Train;
            var eligible = groups.Where(g => !g.All(TrainOnly)).Select(g => g.Key)
                .OrderBy(g => Hash($"{Salt}|{source.Key}|{g}")).ThenBy(g => g, StringComparer.Ordinal).ToList();
            var n = eligible.Count;
            var held = Count(n, HeldoutFraction);
            var val = Count(n, ValidationFraction);
            for (var i = 0; i < n; i++)
                parts[(source.Key, eligible[i])] = i < held ? SplitPart.Heldout : i < held + val ? SplitPart.Validation : SplitPart.Train;
        }
        return parts;
    }

    public ILookup<SplitPart, TileSample> Apply(IReadOnlyCollection<TileSample> samples)
    {
        var parts = Assign(samples);
        return samples.ToLookup(s => parts[(s.Source, s.Group)]);
    }

    private static int Count(int n, double fraction) => n < 3 ? 0 : Math.Max(1, (int)Math.Round(n * fraction));

    private static ulong Hash(string key) => BitConverter.ToUInt64(SHA256.HashData(Encoding.UTF8.GetBytes(key)), 0);
}
