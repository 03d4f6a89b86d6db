using System.Text;
using DxGeo.Core.Errors;
using DxGeo.Core.Features;
using DxGeo.Core.Formats;
using DxGeo.Core.Formats.Shapefile;
using NetTopologySuite.Geometries;

namespace DxGeo.Core.Tests.Formats;

public sealed class ShapefileTests : IDisposable
{
    private readonly TempDir _dir = new();
    private static readonly GeometryFactory Wgs84 = new(new PrecisionModel(), 4326);

    private static readonly LayerSchema Schema = new()
    {
        Name = "pipes", GeometryType = LayerGeometryType.LineString,
        Fields =
        [
            new("pipe_id", FieldType.Text), new("管種名称", FieldType.Text), new("diameter_mm", FieldType.Integer),
            new("length_m", FieldType.Real), new("laid", FieldType.Date), new("material_imputed", FieldType.Boolean),
            new("material_note", FieldType.Text), new("diameter_mm_design", FieldType.Real),
        ],
    };

    private static FeatureRecord[] Records() =>
    [
        new(Wgs84.CreateLineString([new(139.7, 35.6), new(139.71, 35.61)]), ["P-1", "ダクタイル鋳鉄管①", 150L, 12.25, new DateOnly(1978, 4, 1), true, "㈱水道 Ⅲ期", 150.0]),
        new(Wgs84.CreateLineString([new(139.72, 35.62), new(139.73, 35.63)]), ["P-2", "硬質塩化ビニル管", 75L, 3.5, null, false, null, null]),
    ];

    private (string Path, ShapefileWriteResult Result) WriteSample(Encoding encoding)
    {
        var path = _dir.File("pipes.shp");
        var result = ShapefileLayerWriter.Write(path, Schema, Records, 4326, encoding);
        return (path, result);
    }

    [Fact]
    public void Shift_jis_round_trip_keeps_japanese_values_and_writes_cp932_cpg()
    {
        var (path, result) = WriteSample(TextEncodings.Cp932);
        Assert.Equal(2, result.Count);
        Assert.Equal("CP932", File.ReadAllText(Path.ChangeExtension(path, ".cpg")));
        using var src = new ShapefileSource(path);
        Assert.Equal(932, src.Encoding.CodePage);
        Assert.Equal(4326, src.DeclaredEpsg);
        var f = src.Read().ToList();
        var japaneseName = result.RenamedFields.GetValueOrDefault("管種名称", "管種名称"); // 8 bytes in CP932: kept
        Assert.Equal("ダクタイル鋳鉄管①", f[0].Properties[japaneseName]);
        Assert.Equal("㈱水道 Ⅲ期", f[0].Properties["material_n"]);
        Assert.Equal(150L, f[0].Properties[result.RenamedFields["diameter_mm"]]);
        Assert.Equal(12.25, f[0].Properties["length_m"]);
        Assert.Equal(new DateOnly(1978, 4, 1), f[0].Properties["laid"]);
        Assert.Null(f[1].Properties["laid"]);
        Assert.Equal(new Coordinate(139.71, 35.61), f[0].Geometry!.Coordinates[^1]);
    }

    [Fact]
    public void Without_cpg_the_encoding_override_reads_shift_jis_and_a_guess_warns()
    {
        // ogr2ogr's CP932 .dbf has no language driver byte, so without its .cpg nothing in the files names the encoding.
        var csv = _dir.File("in.csv");
        File.WriteAllText(csv, "id,管種,WKT\n1,ダクタイル鋳鉄,\"POINT (1 2)\"\n2,硬質塩化ビニル管,\"POINT (3 4)\"\n", new UTF8Encoding(false));
        var shp = _dir.File("nocpg.shp");
        Gdal.Ogr2Ogr("-f", "ESRI Shapefile", shp, csv, "-oo", "GEOM_POSSIBLE_NAMES=WKT", "-oo", "KEEP_GEOM_COLUMNS=NO", "-lco", "ENCODING=CP932");
        File.Delete(Path.ChangeExtension(shp, ".cpg"));
        using (var src = new ShapefileSource(shp, TextEncodings.Cp932))
        {
            Assert.Equal("硬質塩化ビニル管", src.Read().ToList()[1].Properties["管種"]);
            Assert.Empty(src.Warnings);
        }
        using (var guessed = new ShapefileSource(shp))
        {
            Assert.Equal("硬質塩化ビニル管", guessed.Read().ToList()[1].Properties["管種"]);
            Assert.Contains(guessed.Warnings, w => w.Contains("no .cpg") && w.Contains("cp932"));
        }
    }

    [Fact]
    public void Our_cp932_dbf_also_names_its_encoding_without_the_cpg()
    {
        var (path, _) = WriteSample(TextEncodings.Cp932);
        File.Delete(Path.ChangeExtension(path, ".cpg"));
        using var src = new ShapefileSource(path);
        Assert.Equal(932, src.Encoding.CodePage);
        Assert.Equal("硬質塩化ビニル管", src.Read().ToList()[1].Properties["管種名称"]);
        Assert.Empty(src.Warnings);
    }

    [Fact]
    public void Long_field_names_are_cut_to_ten_bytes_uniquely_and_reported()
    {
        var (_, result) = WriteSample(TextEncodings.Utf8);
        Assert.Equal("diameter_m", result.RenamedFields["diameter_mm"]);
        Assert.Equal("material_i", result.RenamedFields["material_imputed"]);
        Assert.Equal("material_n", result.RenamedFields["material_note"]);
        Assert.Equal("diameter_1", result.RenamedFields["diameter_mm_design"]); // "diameter_m" was taken
        Assert.Equal("管種名", result.RenamedFields["管種名称"]); // 3 × 3 UTF-8 bytes fit in 10
        Assert.False(result.RenamedFields.ContainsKey("pipe_id"));
        Assert.All(result.RenamedFields.Values, n => Assert.True(Encoding.UTF8.GetByteCount(n) <= 10));
    }

    [Fact]
    public void Ogrinfo_reads_our_cp932_shapefile_with_fields_crs_and_japanese_text()
    {
        var (path, _) = WriteSample(TextEncodings.Cp932);
        var summary = Gdal.OgrInfo("-ro", "-so", "-al", path);
        Assert.Equal(2, Gdal.FeatureCount(summary));
        Assert.Contains("Geometry: Line String", summary);
        Assert.Contains("ID[\"EPSG\",4326]", summary);
        Assert.True(summary.Contains("diameter_m: Integer64"), summary);
        Assert.Contains("laid: Date", summary);
        var all = Gdal.OgrInfo("-ro", "-al", path);
        Assert.Contains("= ダクタイル鋳鉄管①", all);
        Assert.Contains("= ㈱水道 Ⅲ期", all);
    }

    [Fact]
    public void Reads_a_cp932_shapefile_written_by_ogr2ogr_with_a_jgd2011_prj()
    {
        var csv = _dir.File("in.csv");
        File.WriteAllText(csv, "id,管種,口径,WKT\n1,ダクタイル鋳鉄,150,\"LINESTRING (-7000 -35000,-6900 -34950)\"\n2,鋳鉄,75,\"LINESTRING (-6000 -36000,-5990 -35990)\"\n", new UTF8Encoding(false));
        var shp = _dir.File("gdal.shp");
        Gdal.Ogr2Ogr("-f", "ESRI Shapefile", shp, csv, "-oo", "GEOM_POSSIBLE_NAMES=WKT", "-oo", "KEEP_GEOM_COLUMNS=NO",
            "-oo", "AUTODETECT_TYPE=YES", "-a_srs", "EPSG:6677", "-lco", "ENCODING=CP932", "-nlt", "LINESTRING");
        Assert.Equal("CP932", File.ReadAllText(Path.ChangeExtension(shp, ".cpg")).Trim());
        Assert.Contains("JGD_2011_Japan_Zone_9", File.ReadAllText(Path.ChangeExtension(shp, ".prj")));
        using var src = new ShapefileSource(shp);
        Assert.Equal(6677, src.DeclaredEpsg);
        var f = src.Read().ToList();
        Assert.Equal(2, f.Count);
        Assert.Equal("ダクタイル鋳鉄", f[0].Properties["管種"]);
        Assert.Equal(150L, f[0].Properties["口径"]);
        Assert.Equal(new Coordinate(-7000, -35000), f[0].Geometry!.Coordinates[0]);
    }

    [Fact]
    public void Our_prj_for_a_projected_crs_is_understood_by_ogrinfo()
    {
        var schema = Schema with { Srid = 6677 };
        var path = _dir.File("zone9.shp");
        var f = new GeometryFactory(new PrecisionModel(), 6677);
        ShapefileLayerWriter.Write(path, schema, () => [new FeatureRecord(f.CreateLineString([new(-7000, -35000), new(-6900, -34950)]), ["P", null, null, null, null, false, null, null])], 6677, TextEncodings.Utf8);
        Assert.Contains("ID[\"EPSG\",6677]", Gdal.OgrInfo("-ro", "-so", "-al", path));
    }

    [Fact]
    public void Missing_dbf_is_a_clear_error()
    {
        var (path, _) = WriteSample(TextEncodings.Utf8);
        File.Delete(Path.ChangeExtension(path, ".dbf"));
        var e = Assert.Throws<InputDataException>(() => new ShapefileSource(path));
        Assert.Contains(".dbf", e.Message);
        Assert.Equal(path, e.File);
    }

    [Fact]
    public void Mixed_geometry_types_cannot_go_into_one_shapefile()
    {
        var schema = Schema with { GeometryType = LayerGeometryType.Geometry, Fields = [] };
        FeatureRecord[] mixed = [new(Wgs84.CreatePoint(new Coordinate(1, 2)), []), new(Wgs84.CreateLineString([new(0, 0), new(1, 1)]), [])];
        var e = Assert.Throws<DxGeoException>(() => ShapefileLayerWriter.Write(_dir.File("mixed.shp"), schema, () => mixed, 4326, TextEncodings.Utf8));
        Assert.Contains("mixes", e.Message);
        Assert.False(File.Exists(_dir.File("mixed.shp")));
    }

    public void Dispose() => _dir.Dispose();
}
