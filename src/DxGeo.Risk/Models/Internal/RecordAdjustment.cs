using DxGeo.Risk.DataModels;

namespace DxGeo.Risk.Models.Internal;

/// <summary>
/// What the empirical-Bayes count n/H does not say about a segment's record: a break last year or the year before
/// weighs more than one a decade ago (a repair disturbs the bedding; the cause goes on), and breaks on the mains
/// around it (same laying batch, same ground) hint at its own state. A Poisson regression of the training labels on
/// these terms with the empirical-Bayes expectation (× year factor) as offset: its coefficients are learned from the
/// outcomes, so with shuffled outcomes they shrink to nothing.
/// </summary>
internal static class RecordAdjustment
{
    public static readonly string[] Terms =
        ["intercept", "recent break: exp(-years since last / 1.5)", "ln(1 + nearby breaks, 3 y)", "ln(1 + nearby breaks, all)", "ln(1 + own breaks, 3 y)"];

    private static double[] Design(PipeYearRow r) =>
    [
        1,
        float.IsFinite(r.YearsSinceLastBreak) ? Math.Exp(-r.YearsSinceLastBreak / 1.5) : 0,
        Math.Log(1 + r.NearbyBreaks3y),
        Math.Log(1 + r.NearbyBreaksAll),
        Math.Log(1 + r.OwnBreaks3y),
    ];

    public static (string[] Terms, double[] Coefficients) Fit(IReadOnlyList<PipeYearRow> training, Func<PipeYearRow, double> ebRaw, Func<PipeYearRow, double> yearFactor)
    {
        var x = training.Select(Design).ToArray();
        var y = training.Select(r => (double)r.BreakCount).ToArray();
        var offset = training.Select(r => Math.Log(Math.Max(ebRaw(r) * yearFactor(r), 1e-9))).ToArray();
        // A stronger ridge than the prior's: five terms over correlated counts, and no term should move a rate tenfold.
        return (Terms, PoissonGlm.Fit(x, y, offset, ridge: 5.0));
    }

    /// <summary>Multiplier of the empirical-Bayes expectation.</summary>
    public static double Factor(double[] coefficients, PipeYearRow r)
    {
        if (coefficients.Length == 0) return 1;
        var x = Design(r);
        var eta = 0.0;
        for (var j = 0; j < coefficients.Length; j++) eta += coefficients[j] * x[j];
        return Math.Exp(Math.Clamp(eta, -5, 5));
    }
}
