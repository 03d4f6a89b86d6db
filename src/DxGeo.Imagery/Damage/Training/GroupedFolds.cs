using System.Security.Cryptography;
using System.Text;

namespace DxGeo.Imagery.Damage.Training;

/// <summary>
/// Grouped k-fold over labelled tiles: within each source, photos (groups) are ordered by a hash of their id and dealt
/// round-robin into <c>k</c> folds, so every tile of a photo is in one fold and every fold holds photos of every source
/// that has at least <c>k</c> of them. Out-of-fold predictions then score each photo with a head that never saw it.
/// </summary>
public static class GroupedFolds
{
    public static int[] Assign(IReadOnlyList<TileSample> samples, int k, string salt = "dxgeo-damage-folds-v1")
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(k, 2);
        var foldOf = new Dictionary<(string, string), int>();
        foreach (var source in samples.GroupBy(s => s.Source))
        {
            var groups = source.Select(s => s.Group).Distinct()
                .OrderBy(g => BitConverter.ToUInt64(SHA256.HashData(Encoding.UTF8.GetBytes($"{salt}|{source.Key}|{g}")), 0))
                .ThenBy(g => g, StringComparer.Ordinal).ToList();
            for (var i = 0; i < groups.Count; i++) foldOf[(source.Key, groups[i])] = i % k;
        }
        return samples.Select(s => foldOf[(s.Source, s.Group)]).ToArray();
    }
}
