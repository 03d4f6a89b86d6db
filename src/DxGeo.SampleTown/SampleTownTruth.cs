namespace DxGeo.SampleTown;

/// <summary>
/// What the generator used and a utility would not know: each pipe's true material and install year (even where
/// the ledger lost them), its hidden frailty and rates, and the pipe each break really happened on. For tests and
/// benchmarks of the risk model only; never written into the layers a model trains on.
/// </summary>
public sealed class SampleTownTruth
{
    public required IReadOnlyList<PipeTruth> Pipes { get; init; }
    public required IReadOnlyList<BreakTruth> Breaks { get; init; }
    /// <summary>The per-year (winter severity) factor applied to every pipe, 2011–2025.</summary>
    public required IReadOnlyDictionary<int, double> YearFactors { get; init; }
    /// <summary>Per pipe id, the background expected breaks of each year from the first history year to the year after
    /// the last (index = year − first year; the year after has factor 1): frailty, age then and year factor included,
    /// excitation by the pipe's own breaks not (multiply by <see cref="Excitation"/>).</summary>
    public required IReadOnlyDictionary<string, double[]> BackgroundExpectedByYear { get; init; }
    public required int FirstYear { get; init; }

    /// <summary>The true expected breaks of a pipe in <paramref name="year"/> given the breaks that really happened on it
    /// before (dates of <see cref="BreakTruth"/> with this true pipe): the oracle a perfect model would predict.</summary>
    public double TrueExpected(string pipeId, int year, IEnumerable<DateOnly> earlierBreaksOnThePipe)
    {
        var bg = BackgroundExpectedByYear[pipeId];
        var i = year - FirstYear;
        return i < 0 || i >= bg.Length ? 0 : bg[i] * Excitation(earlierBreaksOnThePipe, year);
    }

    /// <summary>How a pipe's own earlier breaks raise its rate in a year (the generator's self-excitation).</summary>
    public static double Excitation(IEnumerable<DateOnly> earlierBreaks, int year) => Internal.Breaks.BreakModel.Excitation(earlierBreaks, year);
}

/// <param name="RatePerKm2026">Expected breaks per km in 2026 including frailty (what a perfect model would predict).</param>
/// <param name="RatePerKm2026NoFrailty">The same from the observable attributes only.</param>
/// <param name="ExpectedBreaks2011To2025">Expected count over the history (with frailty, year factors and earthquakes; without the
/// self-excitation by the pipe's own breaks).</param>
public sealed record PipeTruth(
    string PipeId, string TrueMaterial, int TrueInstallYear, int DiameterMm, double LengthM, string SoilClass,
    string Corrosivity, int FloodDepthClass, string RoadClass, double Frailty, double RatePerKm2026, double RatePerKm2026NoFrailty,
    double ExpectedBreaks2011To2025, int ObservedBreaks2011To2025);

/// <param name="Cause">"background" or "earthquake YYYY-MM-DD".</param>
public sealed record BreakTruth(string BreakId, string TruePipeId, string Cause);
