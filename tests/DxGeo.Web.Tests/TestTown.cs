using DxGeo.Core.Assets.Layers;
using DxGeo.Core.Features;
using DxGeo.Core.Workspace.GeoPackage;
using NetTopologySuite.Geometries;

namespace DxGeo.Web.Tests;

/// <summary>
/// A small workspace built from the asset layer schemas: a grid of 40 pipes (8 columns × 5 rows of ~100 m east-west
/// segments near 141.00 E, 38.40 N), 3 bridges, 2 levees, 6 dated pipe breaks and a flood zone. The test knows every
/// coordinate it wrote, so expected counts come from here, not from the code under test.
/// </summary>
public sealed class TestTown : IDisposable
{
    public const double Lon0 = 141.00, Lat0 = 38.40;
    public const double PipeDLon = 0.00115, RowDLat = 0.0009; // ~100 m long pipes, rows ~100 m apart
    public const int Columns = 8, Rows = 5;
    public static readonly string[] Materials = ["DCIP", "CIP", "VP", "PE"];
    public static readonly string[] BreakDates = ["2019-03-01", "2020-01-15", "2021-07-30", "2022-11-02", "2023-05-05", "2024-06-01"];

    private static readonly GeometryFactory Gf = new(new PrecisionModel(), 4326);

    public string Folder { get; } = Directory.CreateTempSubdirectory("dxgeo-web-").FullName;
    public string Path { get; }
    public GeoPackageWorkspace Workspace { get; }
    public List<(string Id, LineString Geometry, string Material)> Pipes { get; } = [];

    public TestTown()
    {
        Path = System.IO.Path.Combine(Folder, "town.gpkg");
        Workspace = GeoPackageWorkspace.Create(Path);
        using var w = Workspace.BeginWrite();
        foreach (var s in new[] { AssetLayers.Pipes.Schema, AssetLayers.Bridges.Schema, AssetLayers.Levees.Schema, AssetLayers.Breaks.Schema, AssetLayers.FloodZones.Schema })
            w.CreateLayer(s);
        var n = 0;
        for (var row = 0; row < Rows; row++)
            for (var col = 0; col < Columns; col++)
            {
                var id = $"P-{++n:0000}";
                var (x0, y) = PipeStart(col, row);
                var g = Gf.CreateLineString([new(x0, y), new(x0 + PipeDLon * 0.5, y + 0.00001), new(x0 + PipeDLon, y)]);
                var material = Materials[n % Materials.Length];
                Pipes.Add((id, g, material));
                w.Insert("water_pipes", Record(AssetLayers.Pipes.Schema, g, new()
                {
                    ["pipe_id"] = id, ["material"] = material, ["diameter_mm"] = 100L + 50 * (n % 3), ["install_year"] = 1970L + n,
                    ["length_m"] = 100.0, ["district"] = "湊町", ["status"] = "in_service", ["material_imputed"] = false,
                    ["install_year_imputed"] = false, ["risk_break_prob"] = n % 2 == 0 ? n / 100.0 : null,
                }));
            }
        w.Insert("bridges", Record(AssetLayers.Bridges.Schema, Line(141.0100, 38.4000, 141.0106, 38.4001), new()
            { ["bridge_id"] = "B-001", ["name"] = "湊大橋", ["mlit_grade"] = "III", ["length_m"] = 52.0 }));
        w.Insert("bridges", Record(AssetLayers.Bridges.Schema, Line(141.0200, 38.4100, 141.0203, 38.4100), new()
            { ["bridge_id"] = "B-002", ["name"] = "川口橋", ["mlit_grade"] = "I", ["length_m"] = 26.0 }));
        w.Insert("bridges", Record(AssetLayers.Bridges.Schema, Gf.CreatePoint(new Coordinate(140.9900, 38.3900)), new()
            { ["bridge_id"] = "B-003", ["name"] = "Sakura Bridge", ["mlit_grade"] = "II" }));
        w.Insert("levees", Record(AssetLayers.Levees.Schema, Line(141.0000, 38.3950, 141.0100, 38.3950), new()
            { ["levee_id"] = "L-01", ["river"] = "湊川", ["bank"] = "left" }));
        w.Insert("levees", Record(AssetLayers.Levees.Schema, Line(141.0000, 38.3940, 141.0100, 38.3940), new()
            { ["levee_id"] = "L-02", ["river"] = "湊川", ["bank"] = "right" }));
        for (var i = 0; i < BreakDates.Length; i++)
            w.Insert("pipe_breaks", Record(AssetLayers.Breaks.Schema, Gf.CreatePoint(new Coordinate(Lon0 + 0.0003 + i * PipeDLon, Lat0)), new()
                { ["break_id"] = $"BR-{i + 1}", ["date"] = DateOnly.Parse(BreakDates[i]), ["type"] = "leak" }));
        var zone = Gf.CreateMultiPolygon([Gf.CreatePolygon([new(140.995, 38.395), new(141.005, 38.395), new(141.005, 38.405), new(140.995, 38.405), new(140.995, 38.395)])]);
        w.Insert("flood_zones", Record(AssetLayers.FloodZones.Schema, zone, new() { ["zone_id"] = "F-1", ["depth_class"] = 2L }));
        AddImages(w);
        w.Commit();
    }

    /// <summary>A photo that exists (PNG), whose thumb_path names the workspace file itself (not an image: must not be served).</summary>
    public const string ImageId = "a1b2c3d4e5f60718293a4b5c6d7e8f90a1b2c3d4e5f60718293a4b5c6d7e8f90";
    /// <summary>A photo whose path is relative and climbs out (../): must not be served.</summary>
    public const string SneakyImageId = "ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff";
    public string ImagePath => System.IO.Path.Combine(Folder, "photo.png");
    /// <summary>A 1×1 PNG.</summary>
    public static readonly byte[] Png = Convert.FromBase64String("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==");

    private void AddImages(DxGeo.Core.Workspace.IWorkspaceWrite w)
    {
        File.WriteAllBytes(ImagePath, Png);
        var schema = DxGeo.Imagery.Images.ImagesLayer.Schema;
        w.CreateLayer(schema);
        // West of the pipe grid, inside the flood zone, away from pipes, bridges and levees (and not widening the map's extent).
        var footprint = Gf.CreatePolygon([new(140.996, 38.3985), new(140.997, 38.3985), new(140.997, 38.3995), new(140.996, 38.3995), new(140.996, 38.3985)]);
        foreach (var (id, path, thumb) in new[] { (ImageId, ImagePath, Path), (SneakyImageId, "../../../../etc/passwd.jpg", "../town.gpkg") })
            w.Insert(schema.Name, Record(schema, footprint, new()
            {
                ["image_id"] = id, ["path"] = path, ["file_name"] = System.IO.Path.GetFileName(path), ["thumb_path"] = thumb,
                ["lon"] = 140.9965, ["lat"] = 38.399, ["height_source"] = "relative_altitude", ["width_px"] = 1L, ["height_px"] = 1L,
                ["ingested_at"] = new DateTime(2026, 11, 1, 0, 0, 0, DateTimeKind.Utc), ["score"] = 0.7,
                ["time_source"] = "none", ["view"] = "nadir", ["yaw_source"] = "none", ["horizon_capped"] = false,
                ["sensor_width_mm"] = 17.3, ["camera_source"] = "preset:dji-m3e-wide",
            }));
    }

    public static (double Lon, double Lat) PipeStart(int col, int row) => (Lon0 + col * PipeDLon * 1.2, Lat0 + row * RowDLat);

    public int PipesIntersecting(Envelope box) => Pipes.Count(p => p.Geometry.EnvelopeInternal.Intersects(box));

    private static LineString Line(double x0, double y0, double x1, double y1) => Gf.CreateLineString([new(x0, y0), new(x1, y1)]);

    private static FeatureRecord Record(LayerSchema s, Geometry g, Dictionary<string, object?> values)
    {
        var v = new object?[s.Fields.Count];
        for (var i = 0; i < s.Fields.Count; i++)
            v[i] = values.TryGetValue(s.Fields[i].Name, out var x) ? x : s.Fields[i].Type == FieldType.Boolean ? false : null;
        return new FeatureRecord(g, v);
    }

    public void Dispose()
    {
        Workspace.Dispose();
        try { Directory.Delete(Folder, recursive: true); } catch (IOException) { }
    }
}
