using DxGeo.Core.Assets.Layers;
using DxGeo.Core.Errors;
using DxGeo.Core.Features;
using DxGeo.Core.Import;
using NetTopologySuite.Geometries;
using static DxGeo.Core.Tests.Import.ImportFixture;

namespace DxGeo.Core.Tests.Import;

public sealed class LayerImporterTests : IDisposable
{
    private readonly ImportFixture _fx = new();

    /// <summary>A ledger in the utility's own column names and codes, in JGD2011 zone IX metres.</summary>
    private string Ledger(string name = "ledger.geojson") => _fx.GeoJson(name,
    [
        ("{\"KANRO_ID\":\"P-001\",\"KANSHU\":\"ダクタイル鋳鉄\",\"KOKEI\":150,\"布設年度\":\"S53\",\"地区\":\"本町\",\"BIKO\":\"x\"}", Line(-7000, -35000, -6700, -34600)),
        ("{\"KANRO_ID\":\"P-002\",\"KANSHU\":\"ｴﾝﾋﾞ\",\"KOKEI\":\"７５\",\"布設年度\":\"平成元年\",\"地区\":\"本町\",\"BIKO\":null}", Line(-6700, -34600, -6700, -34500)),
        ("{\"KANRO_ID\":\"P-003\",\"KANSHU\":\"不明\",\"KOKEI\":\"100\",\"布設年度\":null,\"地区\":null,\"BIKO\":\"y\"}", Line(-6700, -34500, -6600, -34500)),
    ], crs: 6677);

    private static ImportOptions PipeOptions => new()
    {
        Layer = "water_pipes",
        Fields = FieldMapping.Parse("pipe_id=KANRO_ID,material=KANSHU,diameter=KOKEI,install_year=布設年度,district=地区"),
        Values = ValueMapping.Parse("material:ダクタイル鋳鉄=DCIP;エンビ=VP;*=UNK"),
    };

    [Fact]
    public void Ledger_with_their_columns_and_codes_lands_in_water_pipes()
    {
        var report = LayerImporter.Import(_fx.Workspace, Ledger(), PipeOptions);
        Assert.Equal(3, report.FeaturesImported);
        Assert.Equal("created", report.Mode);
        Assert.Equal(6677, report.SourceEpsg);
        Assert.Equal(3, report.ValuesMapped);
        Assert.Equal(["BIKO"], report.UnmappedColumns);
        Assert.Equal("KOKEI", report.FieldSources["diameter_mm"]);
        var pipes = _fx.Workspace.Read("water_pipes").Select(AssetLayers.Pipes.FromRecord).OrderBy(p => p.PipeId).ToList();
        Assert.Equal(["DCIP", "VP", "UNK"], pipes.Select(p => Assets.AssetCodes.Code(p.Material)));
        Assert.Equal([150, 75, 100], pipes.Select(p => p.DiameterMm));
        Assert.Equal([1978, 1989, (int?)null], pipes.Select(p => p.InstallYear)); // 昭和53年, 平成元年
        Assert.Equal("本町", pipes[0].District);
        Assert.Equal(Assets.PipeStatus.InService, pipes[0].Status);
        // 300 × 400 m in the zone's plane: 500 m by construction; the others 100 m each.
        Assert.Equal(500, pipes[0].LengthM, 0.05);
        Assert.Equal(100, pipes[1].LengthM, 0.05);
    }

    [Fact]
    public void Reprojection_from_jgd2011_prj_matches_ogr2ogr()
    {
        var csv = _fx.File("in.csv");
        File.WriteAllText(csv, "id,WKT\nA,\"LINESTRING (-7000.25 -35000.5,-6700 -34600,12345.678 -40000)\"\nB,\"LINESTRING (1000 2000,1500 2500)\"\n");
        var shp = _fx.File("zone9.shp");
        Formats.Gdal.Ogr2Ogr("-f", "ESRI Shapefile", shp, csv, "-oo", "GEOM_POSSIBLE_NAMES=WKT", "-oo", "KEEP_GEOM_COLUMNS=NO", "-a_srs", "EPSG:6677", "-nlt", "LINESTRING");
        var reference = _fx.File("ref.geojson");
        Formats.Gdal.Ogr2Ogr("-f", "GeoJSON", reference, shp, "-t_srs", "EPSG:4326", "-lco", "COORDINATE_PRECISION=15");

        var report = LayerImporter.Import(_fx.Workspace, shp, new ImportOptions { Layer = "lines" });
        Assert.Equal(6677, report.SourceEpsg);
        using var doc = System.Text.Json.JsonDocument.Parse(File.ReadAllBytes(reference));
        var ours = _fx.Workspace.Read("lines").ToDictionary(r => (string)r.Values[0]!, r => r.Geometry!);
        foreach (var f in doc.RootElement.GetProperty("features").EnumerateArray())
        {
            var id = f.GetProperty("properties").GetProperty("id").GetString()!;
            var expected = f.GetProperty("geometry").GetProperty("coordinates").EnumerateArray().ToList();
            var got = ours[id].Coordinates;
            Assert.Equal(expected.Count, got.Length);
            for (var i = 0; i < got.Length; i++)
            {
                Assert.Equal(expected[i][0].GetDouble(), got[i].X, 1e-8); // 1e-8° ≈ 1 mm
                Assert.Equal(expected[i][1].GetDouble(), got[i].Y, 1e-8);
            }
        }
    }

    [Fact]
    public void Unparseable_value_fails_naming_feature_id_and_column_and_changes_nothing()
    {
        LayerImporter.Import(_fx.Workspace, Ledger(), PipeOptions);
        var before = Fingerprint(_fx.Workspace);
        var bad = _fx.GeoJson("bad.geojson",
        [
            ("{\"KANRO_ID\":\"Q-1\",\"KANSHU\":\"鋳鉄\",\"KOKEI\":150}", Line(139.7, 35.6, 139.71, 35.61)),
            ("{\"KANRO_ID\":\"Q-2\",\"KANSHU\":\"鋳鉄\",\"KOKEI\":\"abc\"}", Line(139.7, 35.6, 139.71, 35.61)),
            ("{\"KANRO_ID\":\"Q-3\",\"KANSHU\":\"鋳鉄\",\"KOKEI\":\"150mm\"}", Line(139.7, 35.6, 139.71, 35.61)),
        ]);
        var e = Assert.Throws<InputDataException>(() => LayerImporter.Import(_fx.Workspace, bad, PipeOptions with
        {
            Fields = FieldMapping.Parse("pipe_id=KANRO_ID,material=KANSHU,diameter=KOKEI"), Values = ValueMapping.Parse("material:鋳鉄=CIP"),
        }));
        Assert.Equal(bad, e.File);
        Assert.Equal(1, e.FeatureIndex);
        Assert.Equal("Q-2", e.FeatureId);
        Assert.Equal("KOKEI", e.Field);
        Assert.Contains("'abc' is not an integer", e.Message);
        Assert.Contains("2 features have problems", e.Message);
        Assert.Contains("Q-3", e.Message);
        Assert.Equal(before, Fingerprint(_fx.Workspace));
    }

    [Fact]
    public void Lenient_import_stores_null_for_unparseable_nullable_values_and_reports_them()
    {
        var path = _fx.GeoJson("l.geojson",
        [
            ("{\"pipe_id\":\"A\",\"diameter_mm\":100,\"install_year\":\"unknown\"}", Line(139.7, 35.6, 139.71, 35.61)),
            ("{\"pipe_id\":\"B\",\"diameter_mm\":100,\"install_year\":1990}", Line(139.7, 35.6, 139.71, 35.61)),
        ]);
        var report = LayerImporter.Import(_fx.Workspace, path, new ImportOptions { Layer = "water_pipes", InvalidValuesAsNull = true });
        Assert.Equal(2, report.FeaturesImported);
        Assert.Equal(1, report.UnparseableCount);
        var ex = Assert.Single(report.UnparseableExamples);
        Assert.Equal((0L, "A", "install_year"), (ex.FeatureIndex, ex.FeatureId, ex.Field));
    }

    [Fact]
    public void Missing_required_column_says_which_field_to_map()
    {
        var path = _fx.GeoJson("nodia.geojson", [("{\"pipe_id\":\"A\"}", Line(139.7, 35.6, 139.71, 35.61))]);
        var e = Assert.Throws<InputDataException>(() => LayerImporter.Import(_fx.Workspace, path, new ImportOptions { Layer = "water_pipes" }));
        Assert.Equal("diameter_mm", e.Field);
        Assert.Contains("--map diameter_mm=COLUMN", e.Message);
        Assert.Empty(_fx.Workspace.ListLayers());
    }

    [Fact]
    public void Mapped_column_absent_from_the_file_is_an_error()
    {
        var e = Assert.Throws<InputDataException>(() => LayerImporter.Import(_fx.Workspace, Ledger(),
            PipeOptions with { Fields = FieldMapping.Parse("pipe_id=KANRO_ID,diameter_mm=KOKEII") }));
        Assert.Contains("'KOKEII' not in the file", e.Message);
        Assert.Empty(_fx.Workspace.ListLayers());
    }

    [Fact]
    public void Failed_replace_keeps_the_old_layer_contents()
    {
        LayerImporter.Import(_fx.Workspace, Ledger(), PipeOptions);
        var before = Fingerprint(_fx.Workspace);
        var path = _fx.GeoJson("replace.geojson",
        [
            ("{\"pipe_id\":\"N-1\",\"diameter_mm\":100}", Line(139.7, 35.6, 139.71, 35.61)),
            ("{\"pipe_id\":\"N-2\",\"diameter_mm\":100}", Line(139.7, 35.6, 139.7, 35.6)), // zero length: invalid
        ]);
        var e = Assert.Throws<InputDataException>(() => LayerImporter.Import(_fx.Workspace, path, new ImportOptions { Layer = "water_pipes" }));
        Assert.Equal(1, e.FeatureIndex);
        Assert.Equal("geometry", e.Field);
        Assert.Equal(before, Fingerprint(_fx.Workspace));
    }

    [Fact]
    public void Append_adds_to_the_layer_and_replace_swaps_it()
    {
        LayerImporter.Import(_fx.Workspace, Ledger(), PipeOptions);
        var more = _fx.GeoJson("more.geojson", [("{\"pipe_id\":\"M-1\",\"diameter_mm\":50}", Line(139.7, 35.6, 139.71, 35.61))]);
        Assert.Equal("appended", LayerImporter.Import(_fx.Workspace, more, new ImportOptions { Layer = "water_pipes", Append = true }).Mode);
        Assert.Equal(4, _fx.Workspace.Count("water_pipes"));
        Assert.Equal("replaced", LayerImporter.Import(_fx.Workspace, more, new ImportOptions { Layer = "water_pipes" }).Mode);
        Assert.Equal(1, _fx.Workspace.Count("water_pipes"));
    }

    [Fact]
    public void New_user_layer_gets_a_schema_inferred_from_the_file()
    {
        var csv = _fx.File("points.csv");
        File.WriteAllText(csv, "経度,緯度,名称,件数,率,日付,郵便番号,fid\n139.7,35.6,消火栓,3,0.5,2024-04-01,0012345,7\n139.8,35.7,,4,1,2024-04-02,1000001,8\n");
        var report = LayerImporter.Import(_fx.Workspace, csv, new ImportOptions { Layer = "hydrants", Fields = FieldMapping.Parse("name=名称") });
        Assert.Equal(2, report.FeaturesImported);
        var schema = _fx.Workspace.FindLayer("hydrants")!.Schema;
        Assert.Equal(LayerGeometryType.Point, schema.GeometryType);
        Assert.Equal(
            [("name", FieldType.Text), ("件数", FieldType.Integer), ("率", FieldType.Real), ("日付", FieldType.Date), ("郵便番号", FieldType.Text), ("src_fid", FieldType.Integer)],
            schema.Fields.Select(f => (f.Name, f.Type)));
        var first = _fx.Workspace.Read("hydrants").First();
        Assert.Equal("消火栓", first.Values[0]);
        Assert.Equal("0012345", first.Values[4]);
        Assert.Equal(new Coordinate(139.7, 35.6), first.Geometry!.Coordinate);
    }

    [Fact]
    public void Pipe_length_column_is_ignored_with_a_warning_because_it_is_computed()
    {
        var path = _fx.GeoJson("len.geojson", [("{\"pipe_id\":\"A\",\"diameter_mm\":100,\"EN_CHO\":9999}", Line(-7000, -35000, -7000, -34900))], crs: 6677);
        var report = LayerImporter.Import(_fx.Workspace, path, new ImportOptions { Layer = "water_pipes", Fields = FieldMapping.Parse("length_m=EN_CHO") });
        Assert.Contains(report.Warnings, w => w.Contains("length_m is computed"));
        Assert.Equal(100, (double)_fx.Workspace.Read("water_pipes").Single().Values[AssetLayers.Pipes.Schema.IndexOf("length_m")]!, 0.05);
    }

    public void Dispose() => _fx.Dispose();
}
