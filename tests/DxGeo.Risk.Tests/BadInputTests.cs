using DxGeo.Core.Assets;
using DxGeo.Core.Errors;
using DxGeo.Risk.Features;
using NetTopologySuite.Geometries;

namespace DxGeo.Risk.Tests;

[Collection(SampleTownCollection.Name)]
public class BadInputTests(SampleTownFixture town)
{
    private static readonly DateOnly AsOf = new(2026, 6, 1);

    [Fact]
    public void No_break_history_is_refused_with_a_clear_message()
    {
        var e = Assert.ThrowsAny<DxGeoException>(() =>
            PipeProfileBuilder.Build(town.Inputs with { Breaks = [] }, new ProfileOptions { AsOf = AsOf }));
        Assert.Contains("no break history", e.Message);
    }

    [Fact]
    public void Break_far_from_every_pipe_is_refused_naming_it()
    {
        var b = town.Inputs.Breaks[0];
        var far = b with { BreakId = "FAR-1", PipeId = null, Geometry = new Point(b.Geometry.X + 0.2, b.Geometry.Y + 0.2) { SRID = 4326 } };
        var e = Assert.Throws<InputDataException>(() =>
            PipeProfileBuilder.Build(town.Inputs with { Breaks = [.. town.Inputs.Breaks, far] }, new ProfileOptions { AsOf = AsOf }));
        Assert.Equal("FAR-1", e.FeatureId);
        Assert.Contains("farther than 15 m from every pipe", e.Message);
        Assert.Contains("--drop-unsnapped", e.Message);
    }

    [Fact]
    public void Break_far_from_every_pipe_can_be_left_out_and_is_counted()
    {
        var b = town.Inputs.Breaks[0];
        var far = b with { BreakId = "FAR-2", PipeId = null, Geometry = new Point(b.Geometry.X + 0.2, b.Geometry.Y) { SRID = 4326 } };
        var set = PipeProfileBuilder.Build(town.Inputs with { Breaks = [.. town.Inputs.Breaks, far] },
            new ProfileOptions { AsOf = AsOf, DropUnsnappedBreaks = true });
        Assert.Equal(1, set.DroppedBreaks);
        Assert.Equal(town.Profiles.Profiles.Sum(p => p.OwnBreaks.Count), set.Profiles.Sum(p => p.OwnBreaks.Count));
    }

    [Fact]
    public void Future_break_date_is_refused_naming_the_break_and_field()
    {
        var future = town.Inputs.Breaks[0] with { BreakId = "FUT-1", Date = AsOf.AddDays(30) };
        var e = Assert.Throws<InputDataException>(() =>
            PipeProfileBuilder.Build(town.Inputs with { Breaks = [.. town.Inputs.Breaks, future] }, new ProfileOptions { AsOf = AsOf }));
        Assert.Equal("FUT-1", e.FeatureId);
        Assert.Equal("date", e.Field);
        Assert.Contains("future", e.Message);
    }

    [Fact]
    public void Breaks_with_a_stale_pipe_id_are_snapped_to_the_nearest_pipe()
    {
        var b = town.Inputs.Breaks.First(x => x.PipeId is not null);
        var stale = b with { BreakId = "STALE-1", PipeId = "NO-SUCH-PIPE" };
        var set = PipeProfileBuilder.Build(town.Inputs with { Breaks = [stale] }, new ProfileOptions { AsOf = AsOf });
        Assert.Equal(b.PipeId, set.Profiles.Single(p => p.OwnBreaks.Count == 1).PipeId);
    }
}
