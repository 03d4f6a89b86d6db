using System.Globalization;
using System.Text;
using System.Text.Json;
using DxGeo.Core.Errors;
using DxGeo.Core.Features;
using DxGeo.Core.Formats.GeoJson;
using NetTopologySuite.Geometries;

namespace DxGeo.Core.Tests.Formats;

public sealed class GeoJsonTests : IDisposable
{
    private readonly TempDir _dir = new();
    private static readonly GeometryFactory Wgs84 = new(new PrecisionModel(), 4326);

    private static readonly LayerSchema Schema = new()
    {
        Name = "管路", GeometryType = LayerGeometryType.Geometry,
        Fields =
        [
            new("name", FieldType.Text), new("diameter_mm", FieldType.Integer), new("length_m", FieldType.Real),
            new("laid", FieldType.Date), new("active", FieldType.Boolean),
        ],
    };

    private static FeatureRecord[] Sample() =>
    [
        new(Wgs84.CreateLineString([new(139.7001, 35.6001), new(139.7012345678901, 35.6019876543211)]),
            ["ダクタイル鋳鉄管 ①", 150L, 123.456, new DateOnly(1978, 4, 1), true]),
        new(Wgs84.CreatePoint(new Coordinate(139.71, 35.62)), ["\"quoted\" \\ back, 改行\n含む", -3L, 0.1, null, false]),
        new(Wgs84.CreatePolygon([new(139.7, 35.6), new(139.7, 35.61), new(139.71, 35.61), new(139.7, 35.6)]), [null, null, null, null, null]),
    ];

    private string WriteSample(string name = "out.geojson")
    {
        var path = _dir.File(name);
        using var w = new GeoJsonLayerWriter(File.Create(path), Schema);
        foreach (var r in Sample()) w.Write(r);
        w.Complete();
        return path;
    }

    [Fact]
    public void Round_trip_keeps_values_geometry_and_japanese_text()
    {
        var path = WriteSample();
        using var src = new GeoJsonSource(path);
        var read = src.Read().ToList();
        var expected = Sample();
        Assert.Equal(4326, src.DeclaredEpsg);
        Assert.Equal(expected.Length, read.Count);
        for (var i = 0; i < expected.Length; i++)
        {
            Assert.Equal(i, read[i].Index);
            Assert.True(expected[i].Geometry!.EqualsTopologically(read[i].Geometry!), $"geometry {i}");
            Assert.Equal(expected[i].Geometry!.GeometryType, read[i].Geometry!.GeometryType);
            Assert.Equal(expected[i].Values[0], read[i].Properties["name"]);
            Assert.Equal(expected[i].Values[1], read[i].Properties["diameter_mm"]);
            Assert.Equal(expected[i].Values[2], read[i].Properties["length_m"]);
            Assert.Equal(((DateOnly?)expected[i].Values[3])?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), read[i].Properties["laid"]);
            Assert.Equal(expected[i].Values[4], read[i].Properties["active"]);
        }
        Assert.Equal(["name", "diameter_mm", "length_m", "laid", "active"], src.FieldNames);
    }

    [Fact]
    public void Written_file_keeps_japanese_as_utf8_text_not_escapes()
    {
        var text = File.ReadAllText(WriteSample(), Encoding.UTF8);
        Assert.Contains("ダクタイル鋳鉄管", text);
        Assert.DoesNotContain("\\u30", text);
    }

    [Fact]
    public void Polygon_exterior_is_written_counter_clockwise_and_holes_clockwise()
    {
        // Exterior given clockwise, hole given counter-clockwise: the writer must flip both (RFC 7946 §3.1.6).
        var shell = Wgs84.CreateLinearRing([new(0, 0), new(0, 10), new(10, 10), new(10, 0), new(0, 0)]);
        var hole = Wgs84.CreateLinearRing([new(2, 2), new(4, 2), new(4, 4), new(2, 4), new(2, 2)]);
        var schema = Schema with { Fields = [] };
        var path = _dir.File("poly.geojson");
        using (var w = new GeoJsonLayerWriter(File.Create(path), schema))
        {
            w.Write(new FeatureRecord(Wgs84.CreatePolygon(shell, [hole]), []));
            w.Complete();
        }
        using var doc = JsonDocument.Parse(File.ReadAllBytes(path));
        var rings = doc.RootElement.GetProperty("features")[0].GetProperty("geometry").GetProperty("coordinates");
        Assert.True(SignedArea(rings[0]) > 0, "exterior must be counter-clockwise");
        Assert.True(SignedArea(rings[1]) < 0, "hole must be clockwise");
    }

    private static double SignedArea(JsonElement ring)
    {
        var pts = ring.EnumerateArray().Select(p => (X: p[0].GetDouble(), Y: p[1].GetDouble())).ToArray();
        double a = 0;
        for (var i = 0; i + 1 < pts.Length; i++) a += pts[i].X * pts[i + 1].Y - pts[i + 1].X * pts[i].Y;
        return a / 2;
    }

    [Fact]
    public void Ogrinfo_reads_our_file_with_count_fields_crs_and_japanese_values()
    {
        var path = WriteSample();
        var summary = Gdal.OgrInfo("-ro", "-so", "-al", path);
        Assert.Equal(3, Gdal.FeatureCount(summary));
        Assert.Contains("diameter_mm: Integer", summary);
        Assert.Contains("length_m: Real", summary);
        Assert.Contains("laid: Date", summary);
        Assert.Contains("ID[\"EPSG\",4326]", summary);
        var all = Gdal.OgrInfo("-ro", "-al", path);
        Assert.Contains("name (String) = ダクタイル鋳鉄管 ①", all);
        Assert.Contains("LINESTRING (139.7001 35.6001,139.70123456789 35.6019876543211)", all);
    }

    [Fact]
    public void Reads_what_ogr2ogr_writes_including_a_legacy_crs_member()
    {
        var csv = _dir.File("in.csv");
        File.WriteAllText(csv, "id,名称,口径,WKT\n1,配水管A,150,\"LINESTRING (-7000 -35000, -6900 -34950)\"\n2,,75.5,\"POINT (-6000 -36000)\"\n", new UTF8Encoding(false));
        var gj = _dir.File("gdal.geojson");
        Gdal.Ogr2Ogr("-f", "GeoJSON", gj, csv, "-oo", "GEOM_POSSIBLE_NAMES=WKT", "-oo", "KEEP_GEOM_COLUMNS=NO",
            "-oo", "AUTODETECT_TYPE=YES", "-a_srs", "EPSG:6677");
        using var src = new GeoJsonSource(gj);
        Assert.Equal(6677, src.DeclaredEpsg);
        var f = src.Read().ToList();
        Assert.Equal(2, f.Count);
        Assert.Equal(1L, f[0].Properties["id"]);
        Assert.Equal("配水管A", f[0].Properties["名称"]);
        Assert.Equal(150.0, Convert.ToDouble(f[0].Properties["口径"], CultureInfo.InvariantCulture));
        Assert.Equal("", f[1].Properties["名称"]); // GDAL writes empty CSV cells as empty strings
        Assert.Equal(new Coordinate(-7000, -35000), f[0].Geometry!.Coordinates[0]);
        Assert.Equal(6677, f[0].Geometry!.SRID);
    }

    [Fact]
    public void Streams_a_large_file_feature_by_feature()
    {
        // Written by hand (not by our writer) so the reader is checked against an independent producer.
        var path = _dir.File("big.geojson");
        const int n = 30_000;
        using (var w = new StreamWriter(path, false, new UTF8Encoding(false)))
        {
            w.Write("{\"type\": \"FeatureCollection\", \"features\": [\n");
            for (var i = 0; i < n; i++)
            {
                if (i > 0) w.Write(",\n");
                w.Write(string.Create(CultureInfo.InvariantCulture,
                    $"{{\"type\":\"Feature\",\"id\":{i},\"properties\":{{\"i\":{i},\"name\":\"管{i}\"}},\"geometry\":{{\"type\":\"Point\",\"coordinates\":[{130 + i * 1e-5},{33 + i * 1e-6}]}}}}"));
            }
            w.Write("\n], \"name\": \"trailing members are fine\"}");
        }
        using var src = new GeoJsonSource(path);
        long count = 0;
        foreach (var f in src.Read())
        {
            Assert.Equal(count, f.Properties["i"]);
            Assert.Equal(count.ToString(CultureInfo.InvariantCulture), f.Id);
            Assert.Equal(130 + count * 1e-5, ((Point)f.Geometry!).X, 12);
            count++;
        }
        Assert.Equal(n, count);
    }

    [Fact]
    public void Reads_a_feature_larger_than_the_read_buffer()
    {
        var coords = string.Join(",", Enumerable.Range(0, 20_000).Select(i => string.Create(CultureInfo.InvariantCulture, $"[{139 + i * 1e-6},{35 + i * 1e-6}]")));
        var path = _dir.File("long.geojson");
        File.WriteAllText(path, $"{{\"type\":\"FeatureCollection\",\"features\":[{{\"type\":\"Feature\",\"properties\":{{\"a\":\"x\"}},\"geometry\":{{\"type\":\"LineString\",\"coordinates\":[{coords}]}}}}]}}");
        using var src = new GeoJsonSource(path);
        var f = Assert.Single(src.Read());
        Assert.Equal(20_000, f.Geometry!.NumPoints);
    }

    [Fact]
    public void Reads_a_single_feature_file()
    {
        var path = _dir.File("one.geojson");
        File.WriteAllText(path, "{\"properties\": {\"k\": 1}, \"geometry\": {\"type\": \"Point\", \"coordinates\": [1, 2, 3]}, \"type\": \"Feature\"}");
        using var src = new GeoJsonSource(path);
        var f = Assert.Single(src.Read());
        Assert.Equal(1L, f.Properties["k"]);
        Assert.Equal(new Coordinate(1, 2), f.Geometry!.Coordinate);
        Assert.Contains(src.Warnings, w => w.Contains("Z values"));
    }

    [Fact]
    public void Broken_json_names_the_file_line_and_feature()
    {
        var path = _dir.File("broken.geojson");
        File.WriteAllText(path, "{\"type\":\"FeatureCollection\",\"features\":[\n" +
            "{\"type\":\"Feature\",\"properties\":{},\"geometry\":null},\n" +
            "{\"type\":\"Feature\",\"properties\":{\"a\" 1},\"geometry\":null}\n]}");
        using var src = new GeoJsonSource(path);
        var e = Assert.Throws<InputDataException>(() => src.Read().ToList());
        Assert.Equal(path, e.File);
        Assert.Equal(1, e.FeatureIndex);
        Assert.Contains("broken JSON at line 3", e.Message);
    }

    [Fact]
    public void Truncated_json_is_reported_not_silently_shortened()
    {
        var full = File.ReadAllText(WriteSample());
        var path = _dir.File("cut.geojson");
        File.WriteAllText(path, full[..(full.Length / 2)]);
        using var src = new GeoJsonSource(path);
        var e = Assert.Throws<InputDataException>(() => src.Read().ToList());
        Assert.Contains("broken JSON", e.Message);
        Assert.Contains(path, e.Message);
    }

    [Theory]
    [InlineData("{\"type\":\"LineString\",\"coordinates\":[[1,2]]}", "at least 2 positions")]
    [InlineData("{\"type\":\"Polygon\",\"coordinates\":[[[0,0],[1,0],[1,1],[0,1]]]}", "not closed")]
    [InlineData("{\"type\":\"Point\",\"coordinates\":[\"a\",2]}", "not a finite number")]
    [InlineData("{\"type\":\"Circle\",\"coordinates\":[1,2]}", "unknown geometry type")]
    public void Bad_geometry_names_the_feature_and_the_geometry_field(string geometry, string reason)
    {
        var path = _dir.File("badgeom.geojson");
        File.WriteAllText(path, "{\"type\":\"FeatureCollection\",\"features\":[" +
            "{\"type\":\"Feature\",\"properties\":{},\"geometry\":null}," +
            $"{{\"type\":\"Feature\",\"id\":\"P-7\",\"properties\":{{}},\"geometry\":{geometry}}}]}}");
        using var src = new GeoJsonSource(path);
        var e = Assert.Throws<InputDataException>(() => src.Read().ToList());
        Assert.Equal(1, e.FeatureIndex);
        Assert.Equal("P-7", e.FeatureId);
        Assert.Equal("geometry", e.Field);
        Assert.Contains(reason, e.Message);
    }

    [Fact]
    public void Unrecognised_crs_member_is_kept_for_the_error_message()
    {
        var path = _dir.File("crs.geojson");
        File.WriteAllText(path, "{\"type\":\"FeatureCollection\",\"crs\":{\"type\":\"name\",\"properties\":{\"name\":\"urn:ogc:def:crs:XYZ::1\"}},\"features\":[]}");
        using var src = new GeoJsonSource(path);
        Assert.Null(src.DeclaredEpsg);
        Assert.Equal("urn:ogc:def:crs:XYZ::1", src.UnidentifiedCrs);
        Assert.Empty(src.Read());
    }

    public void Dispose() => _dir.Dispose();
}
