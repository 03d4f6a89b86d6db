using System.Globalization;
using System.Text.RegularExpressions;
using DxGeo.Core.Assets.Layers;
using DxGeo.Core.Features;
using DxGeo.Core.Workspace.GeoPackage;
using NetTopologySuite.Geometries;

namespace DxGeo.Core.Tests.Workspace;

/// <summary>GDAL is the reference reader and writer: it must see our layers exactly, and we must read what it writes.</summary>
public class GdalInteropTests
{
    /// <summary>Writes every asset layer with samples; returns the path and each layer's expected count and extent.</summary>
    private static (string Path, Dictionary<string, (int Count, Envelope Extent)> Expected) WriteAllLayers(TempDir dir)
    {
        var path = dir.File("ws.gpkg");
        var expected = new Dictionary<string, (int, Envelope)>();
        var rng = new Random(7);
        using var ws = GeoPackageWorkspace.Create(path);
        using var w = ws.BeginWrite();
        foreach (var schema in AssetLayers.All)
        {
            w.CreateLayer(schema);
            var n = 5 + rng.Next(20);
            var env = new Envelope();
            for (var i = 0; i < n; i++)
            {
                var f = Samples.Feature(schema, i, rng);
                env.ExpandToInclude(f.Geometry!.EnvelopeInternal);
                w.Insert(schema.Name, f);
            }
            expected[schema.Name] = (n, env);
        }
        w.Commit();
        return (path, expected);
    }

    [Fact]
    public void Ogrinfo_lists_our_layers_with_crs_extent_and_feature_count()
    {
        using var dir = new TempDir();
        var (path, expected) = WriteAllLayers(dir);
        var output = Tool.Run("ogrinfo", "-so", "-al", path);
        var blocks = Regex.Split(output, @"(?m)^Layer name: ").Skip(1).ToDictionary(b => b[..b.IndexOf('\n')].Trim());
        Assert.Equal(expected.Keys.Order(), blocks.Keys.Order());
        foreach (var (name, (count, env)) in expected)
        {
            var b = blocks[name];
            Assert.Contains($"Feature Count: {count}\n", b);
            var e = Regex.Match(b, @"Extent: \(([-\d.]+), ([-\d.]+)\) - \(([-\d.]+), ([-\d.]+)\)");
            Assert.True(e.Success, $"no extent for {name}");
            double D(int g) => double.Parse(e.Groups[g].Value, CultureInfo.InvariantCulture);
            Assert.Equal(env.MinX, D(1), 6);
            Assert.Equal(env.MinY, D(2), 6);
            Assert.Equal(env.MaxX, D(3), 6);
            Assert.Equal(env.MaxY, D(4), 6);
            Assert.Contains("ID[\"EPSG\",4326]]", b);
        }
    }

    [Fact]
    public void Gdal_validator_accepts_the_workspace()
    {
        using var dir = new TempDir();
        var (path, _) = WriteAllLayers(dir);
        using (var ws = GeoPackageWorkspace.Open(path))
        using (var w = ws.BeginWrite())
        {
            w.CreateLayer(new LayerSchema
            {
                Name = "audit", GeometryType = LayerGeometryType.None,
                Fields = [new("at", FieldType.DateTime, false, "when it happened")],
            });
            w.Insert("audit", new FeatureRecord(null, [DateTimeOffset.UnixEpoch]));
            w.Commit();
        }
        var (code, text) = Tool.ValidateGpkg(path);
        Assert.True(code == 0, text);
    }

    [Fact]
    public void Gdal_validator_accepts_an_empty_workspace_and_one_after_updates_deletes_and_drops()
    {
        using var dir = new TempDir();
        var path = dir.File("empty.gpkg");
        GeoPackageWorkspace.Create(path).Dispose();
        var (code, text) = Tool.ValidateGpkg(path);
        Assert.True(code == 0, text);

        var (full, _) = WriteAllLayers(dir);
        using (var ws = GeoPackageWorkspace.Open(full))
        using (var w = ws.BeginWrite())
        {
            var first = ws.Read("facilities").First();
            w.Update("facilities", new FeatureRecord(new Point(139.75, 35.65), first.Values, first.Fid));
            w.Delete("water_pipes", ws.Read("water_pipes").Last().Fid!.Value);
            w.DropLayer("levees");
            w.Commit();
        }
        (code, text) = Tool.ValidateGpkg(full);
        Assert.True(code == 0, text);
        Assert.DoesNotContain("levees", Tool.Run("ogrinfo", "-q", full));
    }

    [Fact]
    public void Ogrinfo_reports_each_field_type_as_gdal_expects()
    {
        using var dir = new TempDir();
        var path = dir.File("types.gpkg");
        using (var ws = GeoPackageWorkspace.Create(path))
        using (var w = ws.BeginWrite())
        {
            w.CreateLayer(new LayerSchema
            {
                Name = "types", GeometryType = LayerGeometryType.Point,
                Fields = [new("i", FieldType.Integer), new("r", FieldType.Real), new("t", FieldType.Text), new("d", FieldType.Date),
                          new("dt", FieldType.DateTime), new("b", FieldType.Boolean)],
            });
            w.Insert("types", new FeatureRecord(new Point(139.7, 35.6),
                [4_000_000_000L, 1.25, "水道管", new DateOnly(2024, 2, 29), new DateTimeOffset(2024, 3, 1, 12, 30, 15, 250, TimeSpan.Zero), true]));
            w.Commit();
        }
        var o = Tool.Run("ogrinfo", "-al", path);
        Assert.Contains("i: Integer64 ", o);
        Assert.Contains("r: Real ", o);
        Assert.Contains("t: String ", o);
        Assert.Contains("d: Date ", o);
        Assert.Contains("dt: DateTime ", o);
        Assert.Contains("b: Integer(Boolean) ", o);
        Assert.Contains("i (Integer64) = 4000000000", o);
        Assert.Contains("t (String) = 水道管", o);
        Assert.Contains("d (Date) = 2024/02/29", o);
        Assert.Contains("dt (DateTime) = 2024/03/01 12:30:15.250+00", o);
        Assert.Contains("b (Integer(Boolean)) = 1", o);
        Assert.Contains("POINT (139.7 35.6)", o);
    }

    [Fact]
    public void Projected_layer_is_registered_with_its_epsg_definition()
    {
        using var dir = new TempDir();
        var path = dir.File("plane.gpkg");
        using (var ws = GeoPackageWorkspace.Create(path))
        using (var w = ws.BeginWrite())
        {
            // JGD2011 / Japan Plane Rectangular CS IX (Tokyo), metres.
            w.CreateLayer(new LayerSchema { Name = "survey_points", GeometryType = LayerGeometryType.Point, Srid = 6677, Fields = [] });
            w.Insert("survey_points", new FeatureRecord(new Point(-7_000.5, -35_000.25), []));
            w.Insert("survey_points", new FeatureRecord(new Point(-6_000.5, -34_000.25) { SRID = 6677 }, []));
            w.Commit();
        }
        var o = Tool.Run("ogrinfo", "-so", path, "survey_points");
        Assert.Contains("ID[\"EPSG\",6677]]", o);
        Assert.Contains("Extent: (-7000.500000, -35000.250000) - (-6000.500000, -34000.250000)", o);
        Assert.Contains("Feature Count: 2", o);
        using var re = GeoPackageWorkspace.Open(path);
        Assert.Equal(6677, re.FindLayer("survey_points")!.Schema.Srid);
        Assert.All(re.Read("survey_points"), f => Assert.Equal(6677, f.Geometry!.SRID));
    }

    [Fact]
    public void Unknown_crs_is_refused_before_anything_is_written()
    {
        using var dir = new TempDir();
        var path = dir.File("ws.gpkg");
        using var ws = GeoPackageWorkspace.Create(path);
        using var w = ws.BeginWrite();
        var e = Assert.Throws<DxGeo.Core.Crs.UnknownCrsException>(() =>
            w.CreateLayer(new LayerSchema { Name = "x", GeometryType = LayerGeometryType.Point, Srid = 999999, Fields = [] }));
        Assert.Contains("layer 'x'", e.Message);
        Assert.Contains("EPSG:999999", e.Message);
    }
}
