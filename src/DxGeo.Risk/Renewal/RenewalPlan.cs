namespace DxGeo.Risk.Renewal;

/// <summary>One segment chosen for renewal.</summary>
/// <param name="ExpectedBreaksAvoided">Breaks the model expects on this pipe from its renewal year to the end of the horizon.</param>
/// <param name="WeightedBreaksAvoided">The same times the pipe's consequence score (what the planner maximises).</param>
/// <param name="RoadWorkId">A planned road work over this pipe, if any (dig once).</param>
/// <param name="SharesExcavation">Renewal falls in the road work's year, so the excavation is shared and cheaper.</param>
public sealed record PlannedRenewal(
    string PipeId, int Year, double LengthM, int DiameterMm, string Material, double CostYen, double BreakProbability,
    double Consequence, double Priority, double ExpectedBreaksAvoided, double WeightedBreaksAvoided,
    string? RoadWorkId, int? RoadWorkYear, bool SharesExcavation);

/// <summary>What one strategy renews in one year.</summary>
public sealed record PlanYearSummary(int Year, int Segments, double LengthKm, double CostYen, double ExpectedBreaksAvoided, double WeightedBreaksAvoided);

/// <summary>A strategy over the whole horizon (the model's plan, or renewing by age within material).</summary>
public sealed record PlanSummary(string Strategy, IReadOnlyList<PlanYearSummary> Years)
{
    public double CostYen => Years.Sum(y => y.CostYen);
    public double LengthKm => Years.Sum(y => y.LengthKm);
    public int Segments => Years.Sum(y => y.Segments);
    public double ExpectedBreaksAvoided => Years.Sum(y => y.ExpectedBreaksAvoided);
    public double WeightedBreaksAvoided => Years.Sum(y => y.WeightedBreaksAvoided);
}

/// <summary>Risk and priority of every in-service pipe (written back to the pipe layer), chosen or not.</summary>
public sealed record PipePriority(string PipeId, double BreakProbability, double ExpectedBreaks, double Consequence, double Priority,
    int? RenewalYear, string? RoadWorkId, int? RoadWorkYear);

/// <summary>The renewal plan with its comparison against renewing by age.</summary>
public sealed record RenewalPlan
{
    public required double BudgetYenPerYear { get; init; }
    public required int FirstYear { get; init; }
    public required int Years { get; init; }
    public required IReadOnlyList<PlannedRenewal> Renewals { get; init; }
    public required PlanSummary Model { get; init; }
    public required PlanSummary ByAge { get; init; }
    public required IReadOnlyList<PipePriority> Priorities { get; init; }
    /// <summary>In the first year: what the model's ranking spends to avoid as many breaks as the age plan does (null if it never does).</summary>
    public double? CostForAgePlanBreaksYen { get; init; }
    /// <summary>Pipes whose renewal alone costs more than a year's budget (never chosen).</summary>
    public int UnaffordableSegments { get; init; }
    /// <summary>Chosen pipes that lie under a planned road work (dig once).</summary>
    public int RoadWorkOverlaps => Renewals.Count(r => r.RoadWorkId is not null);
}
