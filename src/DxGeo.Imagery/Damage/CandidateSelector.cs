namespace DxGeo.Imagery.Damage;

/// <summary>
/// Which tiles of a photo the cascade sends to the network: those the first pass rates at or above its threshold,
/// highest first, at most <c>budget</c> of them (0 = no limit). Ties keep tile order, so the choice is deterministic.
/// </summary>
public static class CandidateSelector
{
    public static IReadOnlyList<int> Select(IReadOnlyList<float> firstPass, double threshold, int budget)
    {
        var above = Enumerable.Range(0, firstPass.Count).Where(i => firstPass[i] >= threshold)
            .OrderByDescending(i => firstPass[i]).ThenBy(i => i);
        return (budget > 0 ? above.Take(budget) : above).ToArray();
    }
}
