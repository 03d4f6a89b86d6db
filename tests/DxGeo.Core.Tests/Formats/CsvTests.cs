using System.Text;
using DxGeo.Core.Errors;
using DxGeo.Core.Features;
using DxGeo.Core.Formats;
using DxGeo.Core.Formats.Csv;
using NetTopologySuite.Geometries;

namespace DxGeo.Core.Tests.Formats;

public sealed class CsvTests : IDisposable
{
    private readonly TempDir _dir = new();
    private static readonly GeometryFactory Wgs84 = new(new PrecisionModel(), 4326);

    private static readonly LayerSchema Schema = new()
    {
        Name = "pipes", GeometryType = LayerGeometryType.LineString,
        Fields = [new("名前", FieldType.Text), new("diameter_mm", FieldType.Integer), new("length_m", FieldType.Real), new("laid", FieldType.Date)],
    };

    private string WriteSample(CsvGeometryMode mode, LayerSchema schema, params FeatureRecord[] records)
    {
        var path = _dir.File("out.csv");
        using var w = new CsvLayerWriter(path, schema, mode, TextEncodings.Utf8, projected: false);
        foreach (var r in records) w.Write(r);
        w.Complete();
        return path;
    }

    private static FeatureRecord[] Lines() =>
    [
        new(Wgs84.CreateLineString([new(139.7001, 35.6001), new(139.70123456789, 35.60198765)]), ["配水管, \"本線\"\n二行目", 150L, 12.5, new DateOnly(1978, 4, 1)]),
        new(Wgs84.CreateLineString([new(139.8, 35.7), new(139.81, 35.71)]), [" 前後に空白 ", null, null, null]),
    ];

    [Fact]
    public void Wkt_round_trip_keeps_text_with_commas_quotes_and_line_breaks()
    {
        var path = WriteSample(CsvGeometryMode.Wkt, Schema, Lines());
        using var src = new CsvSource(path);
        var read = src.Read().ToList();
        Assert.Equal(["WKT"], src.GeometryColumns);
        Assert.Equal(2, read.Count);
        Assert.True(Lines()[0].Geometry!.EqualsExact(read[0].Geometry!));
        Assert.Equal("配水管, \"本線\"\n二行目", read[0].Properties["名前"]);
        Assert.Equal("150", read[0].Properties["diameter_mm"]);
        Assert.Equal("1978-04-01", read[0].Properties["laid"]);
        Assert.Equal(" 前後に空白 ", read[1].Properties["名前"]);
        Assert.Null(read[1].Properties["diameter_mm"]);
    }

    [Fact]
    public void Ogrinfo_reads_our_wkt_csv_with_types_from_the_csvt()
    {
        var path = WriteSample(CsvGeometryMode.Wkt, Schema, Lines());
        var summary = Gdal.OgrInfo("-ro", "-so", "-al", path);
        Assert.Equal(2, Gdal.FeatureCount(summary));
        Assert.Contains("Geometry Column = geom_WKT", summary);
        Assert.Contains("diameter_mm: Integer64", summary);
        Assert.Contains("length_m: Real", summary);
        Assert.Contains("laid: Date", summary);
        Assert.Contains("名前 = 配水管, \"本線\"", Gdal.OgrInfo("-ro", "-al", path).Replace("(String) ", ""));
    }

    [Fact]
    public void Ogrinfo_reads_our_point_csv_from_lon_lat_columns()
    {
        var schema = Schema with { GeometryType = LayerGeometryType.Point };
        var path = WriteSample(CsvGeometryMode.XY, schema, new FeatureRecord(Wgs84.CreatePoint(new Coordinate(139.75, 35.68)), ["駅", 1L, 2.0, null]));
        Assert.StartsWith("lon,lat,", File.ReadAllLines(path)[0]);
        var all = Gdal.OgrInfo("-ro", "-al", path);
        Assert.Contains("POINT (139.75 35.68)", all);
    }

    [Fact]
    public void Reads_x_y_and_wkt_csv_written_by_ogr2ogr()
    {
        var gj = _dir.File("in.geojson");
        File.WriteAllText(gj, "{\"type\":\"FeatureCollection\",\"features\":[{\"type\":\"Feature\",\"properties\":{\"名前\":\"消火栓\",\"n\":3},\"geometry\":{\"type\":\"Point\",\"coordinates\":[139.1,35.2]}}]}");
        var xy = _dir.File("xy.csv");
        var wkt = _dir.File("wkt.csv");
        Gdal.Ogr2Ogr("-f", "CSV", xy, gj, "-lco", "GEOMETRY=AS_XY");
        Gdal.Ogr2Ogr("-f", "CSV", wkt, gj, "-lco", "GEOMETRY=AS_WKT");
        foreach (var path in new[] { xy, wkt })
        {
            using var src = new CsvSource(path);
            var f = Assert.Single(src.Read());
            Assert.Equal(new Coordinate(139.1, 35.2), f.Geometry!.Coordinate);
            Assert.Equal("消火栓", f.Properties["名前"]);
            Assert.Equal("3", f.Properties["n"]);
        }
    }

    [Fact]
    public void Shift_jis_csv_with_japanese_lon_lat_headers_is_detected()
    {
        var path = _dir.File("sjis.csv");
        File.WriteAllBytes(path, TextEncodings.Cp932.GetBytes("番号;経度;緯度;管種\r\n1;139.7;35.6;ダクタイル鋳鉄\r\n2;１３９．８;35.7;鋳鉄\r\n"));
        using var src = new CsvSource(path);
        Assert.Equal(932, src.Encoding.CodePage);
        Assert.Equal(4326, src.DeclaredEpsg);
        Assert.Contains(src.Warnings, w => w.Contains("cp932"));
        var f = src.Read().ToList();
        Assert.Equal("ダクタイル鋳鉄", f[0].Properties["管種"]);
        Assert.Equal(new Coordinate(139.8, 35.7), f[1].Geometry!.Coordinate); // full-width digits read
        Assert.Equal(["番号", "管種"], src.FieldNames);
    }

    [Fact]
    public void Projected_x_y_columns_take_the_given_srid()
    {
        var path = _dir.File("xy.csv");
        File.WriteAllText(path, "id,X,Y\n1,-7000.5,-35000.25\n");
        using var none = new CsvSource(path);
        Assert.Null(none.DeclaredEpsg);
        using var src = new CsvSource(path, new CsvOptions { Srid = 6677 });
        var f = Assert.Single(src.Read());
        Assert.Equal(6677, src.DeclaredEpsg);
        Assert.Equal(6677, f.Geometry!.SRID);
        Assert.Equal(new Coordinate(-7000.5, -35000.25), f.Geometry.Coordinate);
    }

    [Fact]
    public void Explicit_columns_override_detection()
    {
        var path = _dir.File("swap.csv");
        File.WriteAllText(path, "Y座標,X座標,v\n-7000,-35000,a\n"); // Japanese survey order: X is northing
        using var src = new CsvSource(path, new CsvOptions { XColumn = "Y座標", YColumn = "X座標", Srid = 6677 });
        Assert.Equal(new Coordinate(-7000, -35000), Assert.Single(src.Read()).Geometry!.Coordinate);
    }

    [Fact]
    public void Bad_number_names_the_line_feature_and_column()
    {
        var path = _dir.File("bad.csv");
        File.WriteAllText(path, "lon,lat,name\n139.7,35.6,a\n139.7,north,b\n");
        using var src = new CsvSource(path);
        var e = Assert.Throws<InputDataException>(() => src.Read().ToList());
        Assert.Equal(1, e.FeatureIndex);
        Assert.Equal("lat", e.Field);
        Assert.Contains("line 3", e.Message);
    }

    [Fact]
    public void Unclosed_quote_and_bad_wkt_are_clear_errors()
    {
        var path = _dir.File("q.csv");
        File.WriteAllText(path, "WKT,name\n\"POINT (1 2)\",\"never closed\n");
        using (var src = new CsvSource(path))
            Assert.Contains("never closed", Assert.Throws<InputDataException>(() => src.Read().ToList()).Message);
        File.WriteAllText(path, "WKT,name\n\"POINT (1 2\",x\n");
        using (var src = new CsvSource(path))
            Assert.Equal("WKT", Assert.Throws<InputDataException>(() => src.Read().ToList()).Field);
    }

    public void Dispose() => _dir.Dispose();
}
