using DxGeo.Core.Errors;
using DxGeo.Risk.Evaluation;
using DxGeo.Risk.Renewal;

namespace DxGeo.Risk.Tests;

public class MetricTests
{
    [Fact]
    public void Auc_counts_ties_as_half()
    {
        // Positives at scores 3 and 1, negatives at 2 and 1: pairs (3>2) 1, (3>1) 1, (1<2) 0, (1=1) ½ → 2.5 / 4.
        Assert.Equal(0.625, RocAuc.Compute([3, 1, 2, 1], [true, true, false, false]), 12);
        Assert.True(double.IsNaN(RocAuc.Compute([1, 2], [true, true])));
    }

    [Fact]
    public void Capture_splits_a_tie_at_the_cut_off_in_proportion()
    {
        // Four segments of equal weight; the top one has 2 breaks, the other three tie at score 0 with 0, 1, 2 breaks.
        var c = new RankedCapture([5, 0, 0, 0], [1, 1, 1, 1], [2, 0, 1, 2]);
        Assert.Equal(2.0 / 5, c.CapturedShare(0.25), 12);
        // Half the weight: the top segment plus one third of the tie's 3 breaks.
        Assert.Equal((2 + 3.0 / 3) / 5, c.CapturedShare(0.5), 12);
        Assert.Equal(1.0, c.CapturedShare(1.0), 12);
    }

    [Fact]
    public void Capture_by_length_takes_part_of_a_long_segment()
    {
        var c = new RankedCapture([2, 1], [100, 300], [1, 3]);
        // 50 % of 400 m = the first 100 m and a third of the second segment's 300 m.
        Assert.Equal((1 + 1.0) / 4, c.CapturedShare(0.5), 12);
    }

    [Fact]
    public void Cost_table_picks_the_first_band_that_fits_and_rejects_bad_rows()
    {
        var t = CostTable.Parse("max_diameter_mm,yen_per_m\n100,90000\n200,130000\n", "t.csv");
        Assert.Equal(90000, t.YenPerM(75));
        Assert.Equal(130000, t.YenPerM(150));
        Assert.Equal(130000, t.YenPerM(800));
        var e = Assert.Throws<InputDataException>(() => CostTable.Parse("max_diameter_mm,yen_per_m\n100,-5\n", "bad.csv"));
        Assert.Contains("bad.csv", e.Message);
        Assert.Contains("line 2", e.Message);
        Assert.True(CostTable.Default().Bands.Count >= 5);
    }
}
