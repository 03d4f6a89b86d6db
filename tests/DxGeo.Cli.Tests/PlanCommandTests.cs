using DxGeo.Cli;
using DxGeo.Core.Assets;
using DxGeo.Core.Assets.Layers;
using DxGeo.Core.Workspace;
using DxGeo.Core.Workspace.GeoPackage;
using DxGeo.Flight.Formats;
using DxGeo.Flight.Storage;
using NetTopologySuite.Geometries;

namespace DxGeo.Cli.Tests;

public class PlanCommandTests() : CliTest("plan")
{
    private static readonly GeometryFactory Wgs = new(new PrecisionModel(), 4326);

    private string Workspace()
    {
        var path = P("town.gpkg");
        using var ws = GeoPackageWorkspace.Create(path);
        using var w = ws.BeginWrite();
        w.CreateLayer(AssetLayers.Levees.Schema);
        w.CreateLayer(AssetLayers.Bridges.Schema);
        w.CreateLayer(AssetLayers.NoFlyZones.Schema);
        w.Insert("levees", AssetLayers.Levees.ToRecord(new Levee
        {
            LeveeId = "L-3", BaseWidthM = 40, CrestWidthM = 6,
            Geometry = Wgs.CreateLineString([new(139.700, 35.600), new(139.706, 35.6025), new(139.712, 35.6030)]),
        }));
        w.Insert("bridges", AssetLayers.Bridges.ToRecord(new Bridge
        {
            BridgeId = "B-12", WidthM = 10, DeckHeightM = 8, Geometry = Wgs.CreateLineString([new(139.7000, 35.6100), new(139.7033, 35.6100)]),
        }));
        w.Insert("no_fly_zones", AssetLayers.NoFlyZones.ToRecord(new NoFlyZone
        {
            ZoneId = "NF-1", Name = "heliport",
            Geometry = Wgs.CreateMultiPolygon([Wgs.CreatePolygon([new(139.7080, 35.6020), new(139.7086, 35.6020), new(139.7086, 35.6026), new(139.7080, 35.6026), new(139.7080, 35.6020)])]),
        }));
        w.Commit();
        return path;
    }

    [Fact]
    public void Cameras_lists_the_presets()
    {
        var (code, stdout, _) = Run("plan", "cameras");
        Assert.Equal(0, code);
        Assert.Contains("dji-m3e-wide", stdout);
        Assert.Contains("dji-p4rtk", stdout);
    }

    [Fact]
    public void Levee_from_the_workspace_is_planned_written_and_stored_avoiding_its_no_fly_zone()
    {
        var ws = Workspace();
        var (code, stdout, err) = Run("-w", ws, "plan", "levee", "L-3", "--out", P("l3.plan"));
        Assert.True(code == 0, err);
        Assert.Contains("corridor pass", stdout);
        Assert.Contains("GSD", stdout);
        Assert.Contains("NF-1", stdout); // the heliport on the levee leaves a reported gap
        // One file per sortie when there are several (l3-s1.plan, …).
        var files = Directory.GetFiles(Dir, "l3*.plan");
        Assert.NotEmpty(files);
        Assert.All(files, f => Assert.Contains($"written {f}", stdout));
        var plan = QgcPlan.Read(files[0]);
        Assert.NotEmpty(plan.Mission);
        Assert.Contains(plan.FencePolygons, f => !f.Inclusion);
        using var w = GeoPackageWorkspace.Open(ws);
        Assert.NotEmpty(PlannedFlightStore.ForAsset(w, "levees", "L-3"));
    }

    [Fact]
    public void Bridge_plan_goes_to_geojson_and_states_the_millimetre_gsd()
    {
        var ws = Workspace();
        var (code, stdout, err) = Run("-w", ws, "plan", "bridge", "B-12", "--gsd", "0.15", "--out", P("b12.geojson"), "--no-store");
        Assert.True(code == 0, err);
        Assert.Contains("1.50 mm/px", stdout);
        Assert.Contains("under the deck", stdout);
        Assert.Contains("\"kind\":\"route\"", File.ReadAllText(P("b12.geojson")));
        using var w = GeoPackageWorkspace.Open(ws);
        Assert.Empty(PlannedFlightStore.ForAsset(w, "bridges", "B-12"));
    }

    [Fact]
    public void Area_from_a_file_is_planned_without_a_workspace()
    {
        File.WriteAllText(P("area.geojson"), """
            {"type":"Feature","properties":{},"geometry":{"type":"Polygon","coordinates":[[[139.700,35.600],[139.704,35.600],[139.704,35.603],[139.700,35.603],[139.700,35.600]]]}}
            """);
        var (code, stdout, err) = Run("-w", P("none.gpkg"), "plan", "area", "--polygon", P("area.geojson"), "--out", P("a.waypoints"), "--launch", "139.702,35.6015");
        Assert.True(code == 0, err);
        Assert.Contains("Sorties", stdout);
        Assert.StartsWith("QGC WPL 110", File.ReadAllText(Directory.GetFiles(Dir, "a*.waypoints")[0]));
        Assert.False(File.Exists(P("none.gpkg")));
    }

    [Fact]
    public void Bad_input_gives_a_one_line_reason_and_exit_code_1()
    {
        File.WriteAllText(P("bowtie.geojson"), """
            {"type":"Feature","properties":{},"geometry":{"type":"Polygon","coordinates":[[[139.70,35.60],[139.705,35.605],[139.705,35.60],[139.70,35.605],[139.70,35.60]]]}}
            """);
        var bad = Run("-w", P("none.gpkg"), "plan", "area", "--polygon", P("bowtie.geojson"));
        Assert.Equal(1, bad.Code);
        Assert.Contains("Self-intersection", bad.Err);
        Assert.Single(bad.Err.Trim().Split('\n'));

        var ws = Workspace();
        var missing = Run("-w", ws, "plan", "levee", "L-99");
        Assert.Equal(1, missing.Code);
        Assert.Contains("L-3", missing.Err);
        var ext = Run("-w", ws, "plan", "levee", "L-3", "--out", P("x.docx"));
        Assert.Equal(1, ext.Code);
        Assert.Contains(".plan", ext.Err);
    }
}
