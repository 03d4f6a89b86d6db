using System.Security.Cryptography;
using System.Text;

namespace DxGeo.Imagery.Damage.Training;

/// <summary>
/// Splits by source photo: a photo's part comes from a hash of its group id, so every tile of a photo lands in the
/// same part, the split is stable when data are added, and it does not depend on tile order.
/// Groups listed in <see cref="TrainOnly"/> (e.g. photos reserved for demo scenes) never enter validation or held-out.
/// </summary>
public sealed class SourceSplit
{
    public double ValidationFraction { get; init; } = 0.2;
    public double HeldoutFraction { get; init; } = 0.2;
    public string Salt { get; init; } = "dxgeo-damage-split-v1";
    public Func<TileSample, bool> TrainOnly { get; init; } = _ => false;

    public SplitPart PartOf(TileSample s)
    {
        if (TrainOnly(s)) return SplitPart.Train;
        var u = Unit($"{Salt}|{s.Source}|{s.Group}");
        if (u < HeldoutFraction) return SplitPart.Heldout;
        if (u < HeldoutFraction + ValidationFraction) return SplitPart.Validation;
        return SplitPart.Train;
    }

    public ILookup<SplitPart, TileSample> Apply(IEnumerable<TileSample> samples) => samples.ToLookup(PartOf);

    private static double Unit(string key)
    {
        var h = SHA256.HashData(Encoding.UTF8.GetBytes(key));
        return BitConverter.ToUInt64(h, 0) / (double)ulong.MaxValue;
    }
}
