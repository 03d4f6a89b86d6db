using DxGeo.Core.Assets;
using DxGeo.Risk.Features;

namespace DxGeo.Risk.Tests;

public class PanelTests
{
    private static PipeProfile Pipe(params DateOnly[] breaks) => new()
    {
        PipeId = "P1", Material = PipeMaterial.CastIron, DiameterMm = 100, InstallYear = 1970, LengthM = 250, OwnBreaks = breaks,
        NearbyBreaks = [new DateOnly(2019, 5, 1), new DateOnly(2020, 12, 31)],
    };

    [Fact]
    public void Features_for_a_year_use_only_breaks_before_it_and_the_label_is_that_year()
    {
        var p = Pipe(new(2015, 3, 1), new(2019, 12, 31), new(2020, 1, 1), new(2020, 7, 9));
        var row = PipeYearPanelBuilder.Row(p, new HistoryWindow(2011, 2025), 2020);
        Assert.Equal(2, row.OwnBreaksAll);
        Assert.Equal(1, row.OwnBreaks1y);
        Assert.Equal(2, row.OwnBreaks5y); // 2015-03-01 is within the 5 years from 2015-01-01
        Assert.True(row.Label);
        Assert.Equal(2, row.BreakCount);
        Assert.Equal(1, row.NearbyBreaksAll);
        Assert.Equal(50, row.AgeYears);
        Assert.Equal(1 / 365.25, row.YearsSinceLastBreak, 4);
        Assert.Equal(9, row.HistoryYears);
    }

    [Fact]
    public void A_pipe_enters_the_panel_the_year_after_it_was_laid_and_abandoned_pipes_never()
    {
        var p = Pipe() with { InstallYear = 2018 };
        var rows = PipeYearPanelBuilder.Build([p, p with { PipeId = "P2", InService = false }], new HistoryWindow(2011, 2025), 2015, 2025);
        Assert.Equal(Enumerable.Range(2019, 7).Select(y => (float)y), rows.Select(r => r.Year));
    }

    [Fact]
    public void Window_ends_at_the_last_complete_year()
    {
        var w = HistoryWindow.From([("a", new DateOnly(2012, 4, 1)), ("b", new DateOnly(2026, 2, 1))], new DateOnly(2026, 6, 1));
        Assert.Equal(2012, w.FirstYear);
        Assert.Equal(2025, w.LastCompleteYear);
        Assert.Equal(2026, w.NextYear);
    }
}
