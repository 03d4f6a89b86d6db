using System.Text.Json;
using DxGeo.Core.Workspace.GeoPackage;

namespace DxGeo.Cli.Tests.Spatial;

public class QueryCommandTests : IDisposable
{
    private readonly SpatialCliTown _town = new();

    public void Dispose() => _town.Dispose();

    private (int Code, string Out, string Err) Run(params string[] args)
    {
        var o = new StringWriter();
        var e = new StringWriter();
        var code = CliApp.Run([.. args, "-w", _town.Path], o, e);
        return (code, o.ToString(), e.ToString());
    }

    private static string[] Lines(string s) => s.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    [Fact]
    public void Bbox_lists_the_pipes_in_the_box()
    {
        var (code, o, e) = Run("query", "bbox", "--layer", "water_pipes", "--bbox", "139.759,35.6795,139.771,35.6815", "--fields", "material");
        Assert.Equal(0, code);
        var lines = Lines(o);
        Assert.Equal("id   material", lines[0]);
        Assert.Equal(["P-1  CIP", "P-2  VP"], lines[1..]);
        Assert.Contains("2 features", e);
    }

    [Fact]
    public void Within_finds_bridges_within_300_m_of_a_levee()
    {
        var (code, o, _) = Run("query", "within", "--layer", "bridges", "--of", "levees:L-3", "--distance", "300");
        Assert.Equal(0, code);
        var lines = Lines(o);
        Assert.Equal(2, lines.Length);
        Assert.StartsWith("B-near", lines[1]);
        // 0.002° of latitude at 35.686° ≈ 221.9 m on GRS80.
        var d = double.Parse(lines[1].Split("  ", StringSplitOptions.RemoveEmptyEntries)[1], System.Globalization.CultureInfo.InvariantCulture);
        Assert.InRange(d, 221.5, 222.2);
        Assert.EndsWith("L-3", lines[1]);
    }

    [Fact]
    public void Nearest_prints_geojson_with_distances()
    {
        var (code, o, _) = Run("query", "nearest", "--layer", "water_pipes", "--point", "139.765,35.6804", "--k", "2", "--format", "geojson");
        Assert.Equal(0, code);
        using var doc = JsonDocument.Parse(o);
        var feats = doc.RootElement.GetProperty("features").EnumerateArray().ToList();
        Assert.Equal(["P-1", "P-2"], feats.Select(f => f.GetProperty("properties").GetProperty("pipe_id").GetString()));
        // 0.0004° ≈ 44.4 m to P-1, 0.0006° ≈ 66.6 m to P-2.
        Assert.InRange(feats[0].GetProperty("properties").GetProperty("distance_m").GetDouble(), 44.2, 44.5);
        Assert.InRange(feats[1].GetProperty("properties").GetProperty("distance_m").GetDouble(), 66.4, 66.7);
    }

    [Fact]
    public void Intersects_groups_pipes_in_flood_zones_by_material()
    {
        var (code, o, _) = Run("query", "intersects", "--layer", "water_pipes", "--with", "flood_zones", "--group-by", "material");
        Assert.Equal(0, code);
        var lines = Lines(o);
        Assert.StartsWith("material", lines[0]);
        // P-1 (CIP) and P-2 (VP): 0.01° of longitude ≈ 905.2 m each, half of it (≈ 452.6 m) inside the zone.
        var cip = lines.Single(l => l.StartsWith("CIP")).Split(' ', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("1", cip[1]);
        Assert.InRange(double.Parse(cip[3], System.Globalization.CultureInfo.InvariantCulture), 0.452, 0.453);
        Assert.StartsWith("total", lines[^1]);
    }

    [Fact]
    public void Summary_groups_length_by_material()
    {
        var (code, o, _) = Run("query", "summary", "--layer", "water_pipes", "--group-by", "material");
        Assert.Equal(0, code);
        var lines = Lines(o);
        Assert.Equal("CIP", lines[1].Split(' ')[0]); // two pipes, ≈ 1.810 km
        Assert.InRange(double.Parse(lines[1].Split(' ', StringSplitOptions.RemoveEmptyEntries)[2], System.Globalization.CultureInfo.InvariantCulture), 1.809, 1.811);
        Assert.StartsWith("total", lines[^1]);
    }

    [Fact]
    public void Snap_breaks_reports_none_within_tolerance_and_applies()
    {
        var (code, o, e) = Run("query", "snap-breaks", "--tolerance", "10", "--apply");
        Assert.Equal(0, code);
        Assert.Contains(Lines(o), l => l.StartsWith("K-1") && l.Contains("P-1"));
        Assert.Contains(Lines(o), l => l.StartsWith("K-2") && l.Contains("none within 10 m"));
        Assert.Contains("1 of 2 breaks snapped", e);
        using var ws = GeoPackageWorkspace.Open(_town.Path);
        var k1 = ws.Read("pipe_breaks").Single(r => (string)r.Values[0]! == "K-1");
        Assert.Equal("P-1", k1.Values[3]);
    }

    [Fact]
    public void Buffer_writes_a_layer()
    {
        var (code, o, _) = Run("query", "buffer", "--layer", "levees:L-3", "--distance", "50", "--to-layer", "levee_corridor");
        Assert.Equal(0, code);
        Assert.Contains("levee_corridor", o);
        using var ws = GeoPackageWorkspace.Open(_town.Path);
        Assert.Equal(1, ws.FindLayer("levee_corridor")!.FeatureCount);
    }

    [Theory]
    [InlineData("query bbox --layer water_pipes --bbox 1,2,3", "is not minLon,minLat,maxLon,maxLat")]
    [InlineData("query nearest --layer pipes --point 139.7,35.6", "no layer 'pipes'")]
    [InlineData("query within --layer bridges --of levees:L-9 --distance 300", "no feature with levee_id 'L-9'")]
    [InlineData("query within --layer bridges --distance 300", "exactly one of --of")]
    [InlineData("query summary --layer water_pipes --group-by colour", "no field 'colour'")]
    public void User_errors_are_one_line_and_exit_1(string args, string message)
    {
        var (code, _, e) = Run(args.Split(' '));
        Assert.Equal(1, code);
        Assert.Contains(message, e);
        Assert.Single(Lines(e));
    }
}
