using DxGeo.SampleTown.Internal;

namespace DxGeo.SampleTown;

/// <summary>
/// Generates the synthetic town 川湊町 (Kawaminato). Deterministic: the same seed gives the same town, bit for bit,
/// on any machine (own PRNG and own transcendental functions; coordinates rounded to 1e-7°). The model behind
/// every layer is described in docs/sample-town.md.
/// </summary>
public static class SampleTownGenerator
{
    public const int DefaultSeed = 2026;

    public static SampleTown Generate(int seed = DefaultSeed) => TownAssembler.Assemble(TownDraft.Build(seed));
}
