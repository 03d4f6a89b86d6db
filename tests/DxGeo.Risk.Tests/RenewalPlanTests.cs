using DxGeo.Risk.Renewal;

namespace DxGeo.Risk.Tests;

[Collection(SampleTownCollection.Name)]
public class RenewalPlanTests(SampleTownFixture town)
{
    [Theory]
    [InlineData(20_000_000, 3)]
    [InlineData(75_000_000, 5)]
    [InlineData(300_000_000, 4)]
    [InlineData(1_500_000_000, 2)]
    public void Plan_never_exceeds_the_yearly_budget(double budget, int years)
    {
        var plan = RenewalPlanner.Plan(town.Profiles, town.Inputs, town.Model, new RenewalOptions { BudgetYenPerYear = budget, Years = years });
        Assert.Equal(years, plan.Model.Years.Count);
        foreach (var s in new[] { plan.Model, plan.ByAge })
            foreach (var y in s.Years)
                Assert.True(y.CostYen <= budget, $"{s.Strategy} {y.Year}: ¥{y.CostYen:N0} > ¥{budget:N0}");
        // The renewals listed add up to the model's yearly spend, and no pipe is renewed twice.
        foreach (var y in plan.Model.Years)
            Assert.Equal(y.CostYen, plan.Renewals.Where(r => r.Year == y.Year).Sum(r => r.CostYen), 3);
        Assert.Equal(plan.Renewals.Count, plan.Renewals.Select(r => r.PipeId).Distinct().Count());
        Assert.All(plan.Renewals, r => Assert.InRange(r.Year, plan.FirstYear, plan.FirstYear + years - 1));
    }

    [Fact]
    public void Risk_plan_avoids_more_expected_breaks_than_renewing_by_age()
    {
        var plan = RenewalPlanner.Plan(town.Profiles, town.Inputs, town.Model, new RenewalOptions { BudgetYenPerYear = 200_000_000, Years = 3 });
        Assert.True(plan.Model.ExpectedBreaksAvoided > plan.ByAge.ExpectedBreaksAvoided,
            $"{plan.Model.ExpectedBreaksAvoided:F2} vs {plan.ByAge.ExpectedBreaksAvoided:F2}");
    }

    [Fact]
    public void Road_work_overlaps_are_flagged_and_share_the_excavation_in_their_year()
    {
        var matches = RoadWorkOverlap.Find(town.Profiles, town.Inputs.RoadWorks);
        Assert.Contains(matches, m => m is not null);
        var plan = RenewalPlanner.Plan(town.Profiles, town.Inputs, town.Model, new RenewalOptions { BudgetYenPerYear = 500_000_000, Years = 5 });
        foreach (var r in plan.Renewals.Where(r => r.SharesExcavation))
        {
            Assert.Equal(r.RoadWorkYear, r.Year);
            var full = r.LengthM * CostTable.Default().YenPerM(r.DiameterMm);
            Assert.Equal(full * 0.7, r.CostYen, 3);
        }
    }
}
