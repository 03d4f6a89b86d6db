using System.Text.Json;
using DxGeo.Cli;
using DxGeo.Core.Assets.Layers;
using DxGeo.Core.Features;
using DxGeo.Core.Workspace.GeoPackage;
using NetTopologySuite.Geometries;

namespace DxGeo.Cli.Tests;

public class WorkspaceCommandTests() : CliTest("ws")
{
    private string Ws => Path.Combine(Dir, "city.gpkg");

    [Fact]
    public void Init_creates_a_geopackage_and_refuses_to_overwrite_without_force()
    {
        var (code, stdout, _) = Run("init", "--workspace", Ws);
        Assert.Equal(0, code);
        Assert.Contains(Ws, stdout);
        using (var ws = GeoPackageWorkspace.Open(Ws)) Assert.Empty(ws.ListLayers());

        using (var ws = GeoPackageWorkspace.Open(Ws))
        using (var w = ws.BeginWrite()) { w.CreateLayer(AssetLayers.Roads.Schema); w.Commit(); }
        var bytes = File.ReadAllBytes(Ws);

        var again = Run("init", "-w", Ws);
        Assert.Equal(1, again.Code);
        Assert.Contains("already exists", again.Err);
        Assert.Contains("--force", again.Err);
        Assert.Single(again.Err.Trim().Split('\n'));
        Assert.Equal(bytes, File.ReadAllBytes(Ws));

        Assert.Equal(0, Run("init", "-w", Ws, "--force").Code);
        using (var ws = GeoPackageWorkspace.Open(Ws)) Assert.Empty(ws.ListLayers());
    }

    [Fact]
    public void Layers_lists_name_type_crs_count_and_extent_as_table_and_json()
    {
        Assert.Equal(0, Run("init", "-w", Ws).Code);
        var gf = new GeometryFactory(new PrecisionModel(), 4326);
        using (var ws = GeoPackageWorkspace.Open(Ws))
        using (var w = ws.BeginWrite())
        {
            w.CreateLayer(AssetLayers.Facilities.Schema);
            w.Insert("facilities", new FeatureRecord(gf.CreatePoint(new Coordinate(139.7, 35.6)), ["F-1", "市役所", "other"]));
            w.Insert("facilities", new FeatureRecord(gf.CreatePoint(new Coordinate(139.8, 35.7)), ["F-2", null, "school"]));
            w.CreateLayer(new LayerSchema { Name = "ops_log", GeometryType = LayerGeometryType.None, Fields = [new("msg", FieldType.Text)] });
            w.Commit();
        }

        var (code, table, _) = Run("layers", "-w", Ws);
        Assert.Equal(0, code);
        var facilities = table.Split('\n').Single(l => l.StartsWith("facilities"));
        Assert.Matches(@"^facilities\s+Point\s+EPSG:4326\s+2\s+139\.7, 35\.6, 139\.8, 35\.7$", facilities.TrimEnd());
        Assert.Matches(@"^ops_log\s+\(table\)\s+0$", table.Split('\n').Single(l => l.StartsWith("ops_log")).TrimEnd());

        var json = Run("layers", "-w", Ws, "--json");
        Assert.Equal(0, json.Code);
        using var doc = JsonDocument.Parse(json.Out);
        var f = doc.RootElement.EnumerateArray().Single(e => e.GetProperty("name").GetString() == "facilities");
        Assert.Equal(4326, f.GetProperty("epsg").GetInt32());
        Assert.Equal(2, f.GetProperty("feature_count").GetInt64());
        Assert.Equal("Point", f.GetProperty("geometry_type").GetString());
        Assert.Equal([139.7, 35.6, 139.8, 35.7], f.GetProperty("extent").EnumerateArray().Select(x => x.GetDouble()));
        Assert.Equal("Critical facilities 重要施設", f.GetProperty("title").GetString());
    }

    [Fact]
    public void Layers_on_a_missing_or_foreign_file_fails_with_one_line()
    {
        var missing = Run("layers", "-w", Path.Combine(Dir, "nope.gpkg"));
        Assert.Equal(1, missing.Code);
        Assert.Contains("dxgeo init", missing.Err);
        var text = Path.Combine(Dir, "text.gpkg");
        File.WriteAllText(text, new string('a', 200));
        var foreign = Run("layers", "-w", text);
        Assert.Equal(1, foreign.Code);
        Assert.Contains("not a SQLite database", foreign.Err);
        Assert.Single(foreign.Err.Trim().Split('\n'));
    }
}
