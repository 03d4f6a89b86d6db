using DxGeo.Core.Assets;
using DxGeo.Risk.Baselines;
using DxGeo.Risk.Features;
using DxGeo.Risk.Models;
using DxGeo.Risk.Scoring;
using DxGeo.Risk.Storage;

namespace DxGeo.Risk.Renewal;

/// <summary>
/// Chooses which pipes to renew in each of the next N years within a yearly budget, maximising the
/// consequence-weighted breaks avoided over the horizon. A pipe renewed in plan year k avoids its expected breaks
/// from year k to the end, so each year is a knapsack on value/cost, filled greedily by that ratio (and continuing
/// past an item that does not fit with cheaper ones). The same budget spent oldest-first within material class
/// is planned alongside, and both are measured with the same model expectations.
/// </summary>
public static class RenewalPlanner
{
    public const string ModelStrategy = "risk × consequence";
    public const string AgeStrategy = "age within material";

    public static RenewalPlan Plan(PipeProfileSet set, RiskInputs inputs, BreakRiskModel model, RenewalOptions options)
    {
        options.Validate();
        var first = options.FirstYear ?? set.Window.NextYear;
        var n = options.Years;
        var candidates = Enumerable.Range(0, set.Profiles.Count).Where(i => set.Profiles[i].InService).ToArray();
        var profiles = candidates.Select(i => set.Profiles[i]).ToList();
        var lambda = RiskScorer.Horizon(set, model, profiles, first, n);
        var consequenceAll = ConsequenceScore.Compute(set, inputs.Facilities, options.Consequence);
        var worksAll = RoadWorkOverlap.Find(set, inputs.RoadWorks, options.RoadWorkToleranceM);
        var consequence = candidates.Select(i => consequenceAll[i]).ToArray();
        var works = candidates.Select(i => worksAll[i]).ToArray();
        var baseCost = profiles.Select(p => p.LengthM * options.Costs.YenPerM(p.DiameterMm)).ToArray();

        double Cost(int c, int year) => works[c]?.PlannedYear == year ? baseCost[c] * (1 - options.SharedExcavationSaving) : baseCost[c];
        double Avoided(int c, int k) { double s = 0; for (var t = k; t < n; t++) s += lambda[c][t]; return s; }

        // The model's plan.
        var yearOf = new int?[candidates.Length];
        var modelYears = new List<PlanYearSummary>();
        for (var k = 0; k < n; k++)
        {
            var year = first + k;
            var kk = k;
            var order = Enumerable.Range(0, candidates.Length).Where(c => yearOf[c] is null)
                .OrderByDescending(c => consequence[c] * Avoided(c, kk) / Math.Max(1, Cost(c, year))).ThenBy(c => profiles[c].PipeId, StringComparer.Ordinal);
            modelYears.Add(Fill(order, c => Cost(c, year), c => profiles[c].LengthM, options.BudgetYenPerYear, year, k, Avoided, consequence, yearOf));
        }

        // Renewing by age within material, same budget and cost rule.
        var ageRows = profiles.Select(p => PipeYearPanelBuilder.Row(p, set.Window, first)).ToList();
        var ageBaseline = AgeWithinMaterialBaseline.FitFromRecord(ageRows);
        var ageScore = ageRows.Select(ageBaseline.Score).ToArray();
        var ageYearOf = new int?[candidates.Length];
        var ageYears = new List<PlanYearSummary>();
        for (var k = 0; k < n; k++)
        {
            var year = first + k;
            var order = Enumerable.Range(0, candidates.Length).Where(c => ageYearOf[c] is null)
                .OrderByDescending(c => ageScore[c]).ThenBy(c => profiles[c].PipeId, StringComparer.Ordinal);
            ageYears.Add(Fill(order, c => Cost(c, year), c => profiles[c].LengthM, options.BudgetYenPerYear, year, k, Avoided, consequence, ageYearOf));
        }

        var renewals = new List<PlannedRenewal>();
        var priorities = new List<PipePriority>(candidates.Length);
        for (var c = 0; c < candidates.Length; c++)
        {
            var p = profiles[c];
            var prob = 1 - Math.Exp(-lambda[c][0]);
            var priority = lambda[c][0] * consequence[c];
            priorities.Add(new PipePriority(p.PipeId, prob, lambda[c][0], consequence[c], priority, yearOf[c], works[c]?.WorkId, works[c]?.PlannedYear));
            if (yearOf[c] is not { } y) continue;
            var k = y - first;
            renewals.Add(new PlannedRenewal(p.PipeId, y, p.LengthM, p.DiameterMm, AssetCodes.Code(p.Material), Cost(c, y), prob,
                consequence[c], priority, Avoided(c, k), consequence[c] * Avoided(c, k), works[c]?.WorkId, works[c]?.PlannedYear,
                works[c]?.PlannedYear == y));
        }

        return new RenewalPlan
        {
            BudgetYenPerYear = options.BudgetYenPerYear,
            FirstYear = first,
            Years = n,
            Renewals = renewals.OrderBy(r => r.Year).ThenByDescending(r => r.Priority).ToList(),
            Model = new PlanSummary(ModelStrategy, modelYears),
            ByAge = new PlanSummary(AgeStrategy, ageYears),
            Priorities = priorities,
            CostForAgePlanBreaksYen = CostToMatch(ageYears[0].ExpectedBreaksAvoided, candidates.Length, c => Cost(c, first), c => Avoided(c, 0)),
            UnaffordableSegments = Enumerable.Range(0, candidates.Length).Count(c => Cost(c, first) > options.BudgetYenPerYear),
        };
    }

    private static PlanYearSummary Fill(IEnumerable<int> order, Func<int, double> cost, Func<int, double> lengthM, double budget,
        int year, int k, Func<int, int, double> avoided, double[] consequence, int?[] yearOf)
    {
        double spent = 0, km = 0, av = 0, wav = 0;
        var count = 0;
        foreach (var c in order)
        {
            var x = cost(c);
            if (spent + x > budget) continue;
            spent += x;
            yearOf[c] = year;
            km += lengthM(c) / 1000;
            count++;
            var a = avoided(c, k);
            av += a;
            wav += a * consequence[c];
        }
        return new PlanYearSummary(year, count, km, spent, av, wav);
    }

    /// <summary>Cheapest spend, renewing in order of expected breaks avoided per yen, that matches <paramref name="target"/> breaks avoided.</summary>
    private static double? CostToMatch(double target, int count, Func<int, double> cost, Func<int, double> avoided)
    {
        if (target <= 0) return 0;
        double spent = 0, got = 0;
        foreach (var c in Enumerable.Range(0, count).OrderByDescending(c => avoided(c) / Math.Max(1, cost(c))))
        {
            spent += cost(c);
            got += avoided(c);
            if (got >= target) return spent;
        }
        return null;
    }
}
