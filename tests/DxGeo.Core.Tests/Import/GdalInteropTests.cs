using System.Text;
using System.Text.Json;
using DxGeo.Core.Assets.Layers;
using DxGeo.Core.Export;
using DxGeo.Core.Formats;
using DxGeo.Core.Import;
using DxGeo.Core.Tests.Formats;
using NetTopologySuite.Geometries;

namespace DxGeo.Core.Tests.Import;

/// <summary>Files GDAL writes come in with the right values; files we write are read by GDAL with the right count, fields and CRS.</summary>
public sealed class GdalInteropTests : IDisposable
{
    private readonly ImportFixture _fx = new();

    /// <summary>The seed every GDAL-made file is converted from: UTF-8 CSV, WKT in JGD2011 zone IX.</summary>
    private string SeedCsv()
    {
        var path = _fx.File("seed.csv");
        File.WriteAllText(path,
            "pipe_id,管種,口径,布設日,地区,WKT\n" +
            "P-1,ダクタイル鋳鉄,150,1978-04-01,本町一丁目,\"LINESTRING (-7000 -35000,-6700 -34600)\"\n" +
            "P-2,硬質塩化ビニル,75,1995-10-20,㈱水道前,\"LINESTRING (-6700 -34600,-6700 -34500)\"\n", new UTF8Encoding(false));
        File.WriteAllText(_fx.File("seed.csvt"), "\"String\",\"String\",\"Integer\",\"Date\",\"String\",\"WKT\"");
        return path;
    }

    private string ByGdal(string file, params string[] extra)
    {
        var path = _fx.File(file);
        Gdal.Ogr2Ogr([.. extra, path, SeedCsv(), "-oo", "GEOM_POSSIBLE_NAMES=WKT", "-oo", "KEEP_GEOM_COLUMNS=NO", "-a_srs", "EPSG:6677", "-nln", "seed"]);
        return path;
    }

    private void AssertSeedImported(string layer)
    {
        var rows = _fx.Workspace.Read(layer).ToList();
        var schema = _fx.Workspace.FindLayer(layer)!.Schema;
        object? V(int row, string field) => rows[row].Values[schema.IndexOf(field)];
        Assert.Equal(2, rows.Count);
        Assert.Equal("ダクタイル鋳鉄", V(0, "管種"));
        Assert.Equal("㈱水道前", V(1, "地区"));
        Assert.Equal(150L, V(0, "口径"));
        Assert.Equal(new DateOnly(1995, 10, 20), V(1, "布設日"));
        Assert.Equal(4326, rows[0].Geometry!.SRID);
        Assert.InRange(rows[0].Geometry!.Coordinate.X, 139.0, 140.5); // zone IX (Tokyo) reprojected to lon/lat
    }

    [Fact]
    public void Imports_geojson_written_by_ogr2ogr()
    {
        LayerImporter.Import(_fx.Workspace, ByGdal("g.geojson", "-f", "GeoJSON"), new ImportOptions { Layer = "seed", Fields = FieldMapping.Empty });
        AssertSeedImported("seed");
    }

    [Fact]
    public void Imports_cp932_shapefile_written_by_ogr2ogr()
    {
        var shp = ByGdal("s.shp", "-f", "ESRI Shapefile", "-lco", "ENCODING=CP932");
        var report = LayerImporter.Import(_fx.Workspace, shp, new ImportOptions { Layer = "seed" });
        Assert.Equal(6677, report.SourceEpsg);
        AssertSeedImported("seed");
    }

    [Fact]
    public void Imports_csv_written_by_ogr2ogr_with_srid()
    {
        var csv = ByGdal("c.csv", "-f", "CSV", "-lco", "GEOMETRY=AS_WKT", "-lco", "CREATE_CSVT=YES");
        LayerImporter.Import(_fx.Workspace, csv, new ImportOptions { Layer = "seed", Srid = 6677 });
        AssertSeedImported("seed");
    }

    [Fact]
    public void Imports_a_named_layer_of_a_geopackage_written_by_ogr2ogr()
    {
        var gpkg = ByGdal("p.gpkg", "-f", "GPKG");
        Gdal.Ogr2Ogr("-update", "-nln", "other", gpkg, SeedCsv(), "-oo", "GEOM_POSSIBLE_NAMES=WKT", "-a_srs", "EPSG:6677");
        var e = Assert.Throws<Errors.InputDataException>(() => LayerImporter.Import(_fx.Workspace, gpkg, new ImportOptions { Layer = "seed" }));
        Assert.Contains("--source-layer", e.Message);
        LayerImporter.Import(_fx.Workspace, gpkg, new ImportOptions { Layer = "seed", SourceLayer = "seed" });
        AssertSeedImported("seed");
    }

    private void SeedPipes()
    {
        var shp = ByGdal("s.shp", "-f", "ESRI Shapefile", "-lco", "ENCODING=CP932");
        LayerImporter.Import(_fx.Workspace, shp, new ImportOptions
        {
            Layer = "water_pipes",
            Fields = FieldMapping.Parse("material=管種,diameter=口径"),
            Values = ValueMapping.Parse("material:ダクタイル鋳鉄=DCIP;硬質塩化ビニル=VP"),
        });
    }

    [Fact]
    public void Ogrinfo_reads_every_export_format_with_count_fields_and_crs()
    {
        SeedPipes();
        var gj = LayerExporter.Export(_fx.Workspace, "water_pipes", _fx.File("out.geojson"));
        var shp = LayerExporter.Export(_fx.Workspace, "water_pipes", _fx.File("out.shp"), new ExportOptions { Srid = 6677, Encoding = TextEncodings.Cp932 });
        var csv = LayerExporter.Export(_fx.Workspace, "water_pipes", _fx.File("out.csv"));
        var gpkg = LayerExporter.Export(_fx.Workspace, "water_pipes", _fx.File("out.gpkg"), new ExportOptions { Srid = 6677 });
        foreach (var (report, epsg) in new[] { (gj, 4326), (shp, 6677), (gpkg, 6677) })
        {
            var summary = Gdal.OgrInfo("-ro", "-so", "-al", report.Path);
            Assert.Equal(2, Gdal.FeatureCount(summary));
            Assert.Contains($"ID[\"EPSG\",{epsg}]", summary);
            Assert.Contains("pipe_id: String", summary);
        }
        Assert.Equal("install_ye", shp.RenamedFields["install_year"]);
        Assert.Contains("install_ye: Integer64", Gdal.OgrInfo("-ro", "-so", "-al", shp.Path));
        Assert.Contains("diameter_mm: Integer64", Gdal.OgrInfo("-ro", "-so", "-al", csv.Path));
        Assert.Equal(2, Gdal.FeatureCount(Gdal.OgrInfo("-ro", "-so", "-al", csv.Path)));
    }

    [Fact]
    public void Shapefile_export_in_a_zone_matches_ogr2ogr_reprojecting_our_geojson()
    {
        SeedPipes();
        var gj = LayerExporter.Export(_fx.Workspace, "water_pipes", _fx.File("out.geojson")).Path;
        var shp = LayerExporter.Export(_fx.Workspace, "water_pipes", _fx.File("out.shp"), new ExportOptions { Srid = 6677 }).Path;
        var reference = _fx.File("ref.geojson");
        Gdal.Ogr2Ogr("-f", "GeoJSON", reference, gj, "-t_srs", "EPSG:6677", "-lco", "COORDINATE_PRECISION=6");
        using var doc = JsonDocument.Parse(File.ReadAllBytes(reference));
        var expected = doc.RootElement.GetProperty("features").EnumerateArray()
            .ToDictionary(f => f.GetProperty("properties").GetProperty("pipe_id").GetString()!,
                f => f.GetProperty("geometry").GetProperty("coordinates").EnumerateArray().Select(c => (X: c[0].GetDouble(), Y: c[1].GetDouble())).ToList());
        using var src = new Core.Formats.Shapefile.ShapefileSource(shp);
        Assert.Equal(6677, src.DeclaredEpsg);
        foreach (var f in src.Read())
        {
            var want = expected[(string)f.Properties["pipe_id"]!];
            var got = f.Geometry!.Coordinates;
            for (var i = 0; i < want.Count; i++)
            {
                Assert.Equal(want[i].X, got[i].X, 0.001); // mm
                Assert.Equal(want[i].Y, got[i].Y, 0.001);
            }
        }
    }

    [Fact]
    public void Shift_jis_shapefile_round_trip_through_the_workspace_keeps_japanese_text()
    {
        var shp = ByGdal("s.shp", "-f", "ESRI Shapefile", "-lco", "ENCODING=CP932");
        File.Delete(Path.ChangeExtension(shp, ".cpg")); // as many municipal files come: no .cpg at all
        LayerImporter.Import(_fx.Workspace, shp, new ImportOptions { Layer = "seed", Encoding = TextEncodings.Cp932 });
        var export = LayerExporter.Export(_fx.Workspace, "seed", _fx.File("back.shp"), new ExportOptions { Encoding = TextEncodings.Cp932 });
        Assert.Equal("CP932", File.ReadAllText(_fx.File("back.cpg")));
        Assert.Contains("= ㈱水道前", Gdal.OgrInfo("-ro", "-al", export.Path));
        LayerImporter.Import(_fx.Workspace, export.Path, new ImportOptions { Layer = "seed" });
        AssertSeedImported("seed");
    }

    [Fact]
    public void Geojson_export_rejects_a_projected_crs()
    {
        SeedPipes();
        var e = Assert.Throws<Errors.DxGeoException>(() => LayerExporter.Export(_fx.Workspace, "water_pipes", _fx.File("x.geojson"), new ExportOptions { Srid = 6677 }));
        Assert.Contains("RFC 7946", e.Message);
        Assert.False(File.Exists(_fx.File("x.geojson")));
    }

    public void Dispose() => _fx.Dispose();
}
