using DxGeo.Core.Import;
using static DxGeo.Core.Tests.Import.ImportFixture;

namespace DxGeo.Core.Tests.Import;

public sealed class BreakSnapEnricherTests : IDisposable
{
    private readonly ImportFixture _fx = new();

    [Fact]
    public void Breaks_snap_to_the_nearest_pipe_within_tolerance_while_importing()
    {
        // A pipe along the x axis of JGD2011 zone IX; breaks 3 m and 100 m off it (distances exact by construction).
        var pipes = _fx.GeoJson("pipes.geojson", [("{\"pipe_id\":\"P-1\",\"diameter_mm\":100}", Line(-7000, -35000, -6900, -35000))], crs: 6677);
        LayerImporter.Import(_fx.Workspace, pipes, new ImportOptions { Layer = "water_pipes" });
        var csv = _fx.File("breaks.csv");
        File.WriteAllText(csv, "break_id,date,type,x,y,pipe_id\nB-1,H30.7.1,漏水,-6950,-34997,\nB-2,2019-01-05,burst,-6950,-34900,\nB-3,2019-01-06,leak,-6950,-34900,P-9\n");
        var snapper = new BreakSnapEnricher(10);
        LayerImporter.Import(_fx.Workspace, csv, new ImportOptions
        {
            Layer = "pipe_breaks", Srid = 6677, Values = ValueMapping.Parse("type:漏水=leak"), Enrichers = [snapper],
        });
        var rows = _fx.Workspace.Read("pipe_breaks").ToDictionary(r => (string)r.Values[0]!);
        Assert.Equal("P-1", rows["B-1"].Values[3]);
        Assert.Equal(3.0, (double)rows["B-1"].Values[4]!, 0.01);
        Assert.Equal(new DateOnly(2018, 7, 1), rows["B-1"].Values[1]);
        Assert.Null(rows["B-2"].Values[3]);
        Assert.Equal("P-9", rows["B-3"].Values[3]); // the ledger's own pipe id is kept
        Assert.Equal((1, 1), (snapper.Snapped, snapper.Unsnapped));
    }

    public void Dispose() => _fx.Dispose();
}
