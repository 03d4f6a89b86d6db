using System.Text;
using DxGeo.Cli;
using DxGeo.Core.Workspace.GeoPackage;

namespace DxGeo.Cli.Tests;

public sealed class ImportExportCommandTests() : CliTest("io")
{
    private string Ledger()
    {
        var path = P("ledger.geojson");
        File.WriteAllText(path, """
            {"type":"FeatureCollection","crs":{"type":"name","properties":{"name":"urn:ogc:def:crs:EPSG::6677"}},"features":[
            {"type":"Feature","properties":{"ID":"P-1","KANSHU":"ダクタイル鋳鉄","KOKEI":150,"BIKO":"-"},"geometry":{"type":"LineString","coordinates":[[-7000,-35000],[-6700,-34600]]}},
            {"type":"Feature","properties":{"ID":"P-2","KANSHU":"鋳鉄","KOKEI":"100","BIKO":"-"},"geometry":{"type":"LineString","coordinates":[[-6700,-34600],[-6700,-34500]]}}
            ]}
            """, new UTF8Encoding(false));
        return path;
    }

    [Fact]
    public void Import_with_field_and_value_mapping_then_export_to_a_cp932_shapefile()
    {
        var ws = P("city.gpkg");
        var (code, stdout, stderr) = Run("import", Ledger(), "--layer", "water_pipes", "-w", ws,
            "--map", "pipe_id=ID,material=KANSHU", "--map", "diameter=KOKEI", "--values", "material:ダクタイル鋳鉄=DCIP;鋳鉄=CIP");
        Assert.True(code == 0, stderr);
        Assert.Contains("imported 2 features", stdout);
        Assert.Contains("EPSG:6677", stdout);
        Assert.Contains("columns not imported: BIKO", stdout);
        using (var gpkg = GeoPackageWorkspace.Open(ws))
            Assert.Equal(["CIP", "DCIP"], gpkg.Read("water_pipes").Select(r => (string)r.Values[1]!).Order());

        var shp = P("pipes.shp");
        var export = Run("export", shp, "--layer", "water_pipes", "-w", ws, "--encoding", "cp932", "--srid", "6677");
        Assert.True(export.Code == 0, export.Err);
        Assert.Contains("exported 2 features", export.Out);
        Assert.Contains("install_year → install_ye", export.Out);
        Assert.Equal("CP932", File.ReadAllText(P("pipes.cpg")));
    }

    [Fact]
    public void Bad_file_fails_with_one_line_and_creates_no_workspace()
    {
        var png = P("pipes.geojson");
        File.WriteAllBytes(png, [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0]);
        var ws = P("new.gpkg");
        var (code, _, stderr) = Run("import", png, "--layer", "water_pipes", "-w", ws);
        Assert.Equal(1, code);
        Assert.Contains("PNG image", stderr);
        Assert.Contains(png, stderr);
        Assert.Single(stderr.Trim().Split('\n'));
        Assert.False(File.Exists(ws));
    }

    [Fact]
    public void Import_error_names_feature_and_field_and_leaves_the_workspace_as_it_was()
    {
        var ws = P("city.gpkg");
        Assert.Equal(0, Run("import", Ledger(), "-l", "water_pipes", "-w", ws, "--map", "pipe_id=ID,diameter_mm=KOKEI").Code);
        var bad = P("bad.csv");
        File.WriteAllText(bad, "pipe_id,diameter_mm,WKT\nX-1,abc,\"LINESTRING (139.7 35.6,139.71 35.61)\"\n");
        var (code, _, stderr) = Run("import", bad, "-l", "water_pipes", "-w", ws);
        Assert.Equal(1, code);
        Assert.Contains("feature #0", stderr);
        Assert.Contains("'diameter_mm'", stderr);
        Assert.Contains("X-1", stderr);
        using var gpkg = GeoPackageWorkspace.Open(ws);
        Assert.Equal(2, gpkg.Count("water_pipes"));
        Assert.Equal(["P-1", "P-2"], gpkg.Read("water_pipes").Select(r => (string)r.Values[0]!).Order());
    }

    [Fact]
    public void Help_describes_import_and_export()
    {
        Assert.Contains("--map", Run("import", "--help").Out);
        Assert.Contains("--srid", Run("export", "--help").Out);
    }
}
