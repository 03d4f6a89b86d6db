using DxGeo.Core.Errors;

namespace DxGeo.Risk.Renewal;

/// <summary>The renewal planning problem: a yearly budget over a horizon, unit costs and consequence weights.</summary>
public sealed record RenewalOptions
{
    public required double BudgetYenPerYear { get; init; }
    public required int Years { get; init; }
    /// <summary>First plan year (default: the year after the break record ends).</summary>
    public int? FirstYear { get; init; }
    public CostTable Costs { get; init; } = CostTable.Default();
    public ConsequenceOptions Consequence { get; init; } = new();
    /// <summary>Share of the renewal cost saved when it is dug together with road works in the same year
    /// (excavation and pavement paid once). 0 disables the discount; the overlap is flagged either way.</summary>
    public double SharedExcavationSaving { get; init; } = 0.3;
    public double RoadWorkToleranceM { get; init; } = 3;

    public void Validate()
    {
        if (!double.IsFinite(BudgetYenPerYear) || BudgetYenPerYear <= 0)
            throw new DxGeoException($"budget must be a positive amount of yen per year (got {BudgetYenPerYear})");
        if (Years is < 1 or > 50) throw new DxGeoException($"years must be 1–50 (got {Years})");
        if (SharedExcavationSaving is < 0 or >= 1) throw new DxGeoException($"shared-excavation saving must be in [0, 1) (got {SharedExcavationSaving})");
    }
}
