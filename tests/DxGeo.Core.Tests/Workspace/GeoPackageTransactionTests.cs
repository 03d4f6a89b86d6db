using DxGeo.Core.Assets.Layers;
using DxGeo.Core.Errors;
using DxGeo.Core.Features;
using DxGeo.Core.Workspace.GeoPackage;
using NetTopologySuite.Geometries;

namespace DxGeo.Core.Tests.Workspace;

public class GeoPackageTransactionTests
{
    private static readonly GeometryFactory Gf = new(new PrecisionModel(), 4326);

    /// <summary>A workspace with every asset layer holding a few committed features.</summary>
    private static string Seed(TempDir dir)
    {
        var path = dir.File("ws.gpkg");
        var rng = new Random(3);
        using var ws = GeoPackageWorkspace.Create(path);
        using var w = ws.BeginWrite();
        foreach (var schema in AssetLayers.All)
        {
            w.CreateLayer(schema);
            for (var i = 0; i < 4; i++) w.Insert(schema.Name, Samples.Feature(schema, i, rng));
        }
        w.Commit();
        return path;
    }

    private static InputDataException FailingWrite(string path, Action<DxGeo.Core.Workspace.IWorkspaceWrite> write)
    {
        using var ws = GeoPackageWorkspace.Open(path);
        using var w = ws.BeginWrite();
        return Assert.Throws<InputDataException>(() => write(w));
    }

    [Fact]
    public void Import_rolls_back_on_self_intersecting_polygon()
    {
        using var dir = new TempDir();
        var path = Seed(dir);
        var before = WorkspaceSnapshot.Dump(path);
        var soil = AssetLayers.Soil.Schema;
        var rng = new Random(1);

        var e = FailingWrite(path, w =>
        {
            w.Insert("soil", Samples.Feature(soil, 10, rng));
            w.Insert("soil", Samples.Feature(soil, 11, rng));
            w.Insert("soil", new FeatureRecord(Gf.CreateMultiPolygon([Samples.SelfIntersecting()]), ["Z-9", "clay", "high"]));
        });

        Assert.Equal("geometry", e.Field);
        Assert.Equal(2, e.FeatureIndex);
        Assert.Equal("Z-9", e.FeatureId);
        Assert.Contains("Self-intersection", e.Message);
        Assert.Contains("soil", e.Message);
        Assert.Contains(path, e.Message);
        Assert.Equal(before, WorkspaceSnapshot.Dump(path));
    }

    [Fact]
    public void Wrong_value_type_names_the_field_and_leaves_the_workspace_unchanged()
    {
        using var dir = new TempDir();
        var path = Seed(dir);
        var before = WorkspaceSnapshot.Dump(path);
        var pipes = AssetLayers.Pipes.Schema;
        var record = Samples.Feature(pipes, 0, new Random(2));
        record.Values[pipes.IndexOf("diameter_mm")] = "150mm";

        var e = FailingWrite(path, w => w.Insert("water_pipes", record));

        Assert.Equal("diameter_mm", e.Field);
        Assert.Contains("is not an integer", e.Reason);
        Assert.Equal(before, WorkspaceSnapshot.Dump(path));
    }

    [Theory]
    [InlineData("missing-required")]
    [InlineData("wrong-geometry-type")]
    [InlineData("wrong-crs")]
    [InlineData("lat-lon-swapped")]
    [InlineData("geometry-missing")]
    public void Invalid_features_are_rejected_with_the_field_named(string kind)
    {
        using var dir = new TempDir();
        var path = Seed(dir);
        var pipes = AssetLayers.Pipes.Schema;
        var r = Samples.Feature(pipes, 0, new Random(4));
        string field = "geometry", reason;
        switch (kind)
        {
            case "missing-required": r.Values[pipes.IndexOf("material")] = null; field = "material"; reason = "required"; break;
            case "wrong-geometry-type": r.Geometry = Gf.CreatePoint(new Coordinate(139.7, 35.6)); reason = "expected LineString, got Point"; break;
            case "wrong-crs": r.Geometry!.SRID = 6677; reason = "EPSG:6677"; break;
            case "lat-lon-swapped": r.Geometry = Gf.CreateLineString([new(35.6, 139.7), new(35.61, 139.7)]); reason = "swapped"; break;
            default: r.Geometry = null; reason = "missing"; break;
        }
        var before = WorkspaceSnapshot.Dump(path);
        var e = FailingWrite(path, w => w.Insert("water_pipes", r));
        Assert.Equal(field, e.Field);
        Assert.Contains(reason, e.Reason);
        Assert.Equal(before, WorkspaceSnapshot.Dump(path));
    }

    [Fact]
    public void Dispose_without_commit_rolls_back_new_layers_inserts_and_extents()
    {
        using var dir = new TempDir();
        var path = Seed(dir);
        var before = WorkspaceSnapshot.Dump(path);
        using (var ws = GeoPackageWorkspace.Open(path))
        using (var w = ws.BeginWrite())
        {
            w.CreateLayer(AssetLayers.Roads.Schema with { Name = "roads_new" });
            w.Insert("roads_new", Samples.Feature(AssetLayers.Roads.Schema, 0, new Random(5)));
            w.Insert("water_pipes", Samples.Feature(AssetLayers.Pipes.Schema, 0, new Random(5)));
            w.Delete("facilities", 1);
            w.DropLayer("levees");
        }
        Assert.Equal(before, WorkspaceSnapshot.Dump(path));
    }

    [Fact]
    public void Readers_see_only_committed_data()
    {
        using var dir = new TempDir();
        var path = Seed(dir);
        using var ws = GeoPackageWorkspace.Open(path);
        var w = ws.BeginWrite();
        w.Insert("water_pipes", Samples.Feature(AssetLayers.Pipes.Schema, 9, new Random(6)));
        Assert.Equal(4, ws.Count("water_pipes"));
        Assert.Equal(4, ws.Read("water_pipes").Count());
        Assert.Throws<DxGeoException>(() => ws.BeginWrite());
        w.Commit();
        Assert.Equal(5, ws.Count("water_pipes"));
        Assert.Equal(5, ws.FindLayer("water_pipes")!.FeatureCount);
        w.Dispose();
        using var next = ws.BeginWrite(); // the first write is over, a new one may begin
    }

    [Fact]
    public void Update_and_delete_keep_the_rtree_and_extent_in_step()
    {
        using var dir = new TempDir();
        var path = dir.File("ws.gpkg");
        var schema = AssetLayers.Facilities.Schema;
        using var ws = GeoPackageWorkspace.Create(path);
        long far;
        using (var w = ws.BeginWrite())
        {
            w.CreateLayer(schema);
            w.Insert("facilities", new FeatureRecord(Gf.CreatePoint(new Coordinate(139.70, 35.60)), ["F-1", "病院", "hospital"]));
            w.Insert("facilities", new FeatureRecord(Gf.CreatePoint(new Coordinate(139.71, 35.61)), ["F-2", null, "school"]));
            far = w.Insert("facilities", new FeatureRecord(Gf.CreatePoint(new Coordinate(140.00, 36.00)), ["F-3", null, "shelter"]));
            w.Commit();
        }
        Assert.Equal(new Envelope(139.70, 140.00, 35.60, 36.00), ws.FindLayer("facilities")!.Extent);
        using (var w = ws.BeginWrite())
        {
            w.Delete("facilities", far);
            w.Update("facilities", new FeatureRecord(Gf.CreatePoint(new Coordinate(139.72, 35.62)), ["F-2", "学校", "school"], fid: 2));
            w.Commit();
        }
        Assert.Equal(new Envelope(139.70, 139.72, 35.60, 35.62), ws.FindLayer("facilities")!.Extent);
        Assert.Empty(ws.Read("facilities", new() { BoundingBox = new Envelope(139.99, 140.01, 35.99, 36.01) }));
        var moved = Assert.Single(ws.Read("facilities", new() { BoundingBox = new Envelope(139.715, 139.725, 35.615, 35.625) }));
        Assert.Equal("学校", moved.Values[1]);
        Assert.Empty(ws.Read("facilities", new() { BoundingBox = new Envelope(139.705, 139.7105, 35.605, 35.6105) }));
        ws.Dispose();
        Assert.Equal("2", Tool.Run("sqlite3", path, "SELECT count(*) FROM rtree_facilities_geom").Trim());
    }

    [Fact]
    public void Explicit_fids_are_kept_and_duplicates_rejected()
    {
        using var dir = new TempDir();
        using var ws = GeoPackageWorkspace.Create(dir.File("ws.gpkg"));
        using var w = ws.BeginWrite();
        w.CreateLayer(AssetLayers.Facilities.Schema);
        var f = new FeatureRecord(Gf.CreatePoint(new Coordinate(139.7, 35.6)), ["F-1", null, null], fid: 42);
        Assert.Equal(42, w.Insert("facilities", f));
        var e = Assert.Throws<InputDataException>(() => w.Insert("facilities", f));
        Assert.Equal("fid", e.Field);
        Assert.Contains("42", e.Message);
    }
}
