using DxGeo.Core.Assets;
using DxGeo.Core.Assets.Layers;
using DxGeo.Core.Features;
using DxGeo.Core.Workspace;
using DxGeo.Core.Workspace.GeoPackage;
using NetTopologySuite.Geometries;

namespace DxGeo.Core.Tests.Workspace;

public class GeoPackageRoundTripTests
{
    public static TheoryData<string> AssetLayerNames() => new(AssetLayers.All.Select(s => s.Name));

    [Theory]
    [MemberData(nameof(AssetLayerNames))]
    public void Every_asset_layer_round_trips_schema_and_features(string name)
    {
        var schema = AssetLayers.Find(name)!;
        using var dir = new TempDir();
        var path = dir.File("ws.gpkg");
        var rng = new Random(name.Sum(ch => ch)); // stable per layer (string.GetHashCode is randomised per process)
        var written = Enumerable.Range(0, 25).Select(i => Samples.Feature(schema, i, rng)).ToList();
        var fids = new List<long>();
        using (var ws = GeoPackageWorkspace.Create(path))
        using (var w = ws.BeginWrite())
        {
            w.CreateLayer(schema);
            fids.AddRange(written.Select(f => w.Insert(name, f)));
            w.Commit();
        }

        using var reopened = GeoPackageWorkspace.Open(path);
        var info = reopened.FindLayer(name)!;
        AssertSameSchema(schema, info.Schema);
        Assert.Equal(written.Count, info.FeatureCount);
        var expectedExtent = new Envelope();
        foreach (var f in written) expectedExtent.ExpandToInclude(f.Geometry!.EnvelopeInternal);
        Assert.Equal(expectedExtent, info.Extent);

        var read = reopened.Read(name).ToList();
        Assert.Equal(fids, read.Select(r => r.Fid!.Value));
        for (var i = 0; i < written.Count; i++)
        {
            Assert.True(written[i].Geometry!.EqualsExact(read[i].Geometry), $"geometry of feature {i}");
            Assert.Equal(4326, read[i].Geometry!.SRID);
            Assert.Equal(written[i].Values, read[i].Values);
        }
    }

    internal static void AssertSameSchema(LayerSchema expected, LayerSchema actual)
    {
        Assert.Equal(expected.Name, actual.Name);
        Assert.Equal(expected.GeometryType, actual.GeometryType);
        Assert.Equal(expected.Srid, actual.Srid);
        Assert.Equal(expected.Title, actual.Title);
        Assert.Equal(expected.Description, actual.Description);
        Assert.Equal(expected.IdField, actual.IdField);
        Assert.Equal(expected.TimeField, actual.TimeField);
        Assert.Equal(expected.Fields, actual.Fields);
    }

    [Fact]
    public void Typed_pipes_round_trip_through_InsertAll_and_ReadAll()
    {
        var gf = new GeometryFactory(new PrecisionModel(), 4326);
        var pipes = Enumerable.Range(0, 10).Select(i => new WaterPipe
        {
            PipeId = $"P-{i}",
            Geometry = gf.CreateLineString([new(139.7 + i * 0.001, 35.6), new(139.7 + i * 0.001, 35.601)]),
            Material = i % 2 == 0 ? PipeMaterial.DuctileIron : PipeMaterial.CastIron,
            DiameterMm = 100 + i * 50,
            InstallYear = i == 3 ? null : 1970 + i,
            LengthM = 111.2 + i,
            District = "中央区",
            MaterialImputed = i == 4,
            RiskBreakProb = i == 5 ? 0.25 : null,
        }).ToList();
        using var dir = new TempDir();
        using var ws = GeoPackageWorkspace.Create(dir.File("ws.gpkg"));
        using (var w = ws.BeginWrite())
        {
            w.CreateLayer(AssetLayers.Pipes.Schema);
            Assert.Equal(10, w.InsertAll(AssetLayers.Pipes, pipes));
            w.Commit();
        }
        var back = ws.ReadAll(AssetLayers.Pipes).ToList();
        Assert.Equal(pipes.Count, back.Count);
        for (var i = 0; i < pipes.Count; i++)
        {
            Assert.True(pipes[i].Geometry.EqualsExact(back[i].Geometry));
            Assert.Equal(pipes[i] with { Geometry = back[i].Geometry }, back[i]);
        }
    }

    [Fact]
    public void Attribute_table_is_registered_as_attributes_and_round_trips()
    {
        var schema = new LayerSchema
        {
            Name = "operation_log", GeometryType = LayerGeometryType.None, TimeField = "at",
            Fields = [new("at", FieldType.DateTime, false, "when"), new("message", FieldType.Text), new("ok", FieldType.Boolean, false)],
        };
        using var dir = new TempDir();
        var path = dir.File("ws.gpkg");
        using (var ws = GeoPackageWorkspace.Create(path))
        using (var w = ws.BeginWrite())
        {
            w.CreateLayer(schema);
            w.Insert("operation_log", new FeatureRecord(null, [new DateTimeOffset(2025, 4, 1, 9, 0, 0, TimeSpan.FromHours(9)), "開始", true]));
            w.Commit();
        }
        Assert.Equal("attributes", Tool.Run("sqlite3", path, "SELECT data_type FROM gpkg_contents WHERE table_name='operation_log'").Trim());
        using var re = GeoPackageWorkspace.Open(path);
        AssertSameSchema(schema, re.FindLayer("operation_log")!.Schema);
        var row = Assert.Single(re.Read("operation_log"));
        Assert.Null(row.Geometry);
        Assert.Equal(new DateTimeOffset(2025, 4, 1, 0, 0, 0, TimeSpan.Zero), row.Values[0]);
        Assert.Equal("開始", row.Values[1]);
        Assert.Equal(true, row.Values[2]);
    }
}
