using DxGeo.Core.Workspace.GeoPackage;
using DxGeo.Flight.Formats;
using DxGeo.Flight.Planning;
using DxGeo.Flight.Storage;
using DxGeo.Flight.Tests.Support;

namespace DxGeo.Flight.Tests.Storage;

public class PlannedFlightStoreTests
{
    [Fact]
    public void Stored_plan_is_one_row_per_sortie_linked_to_the_asset_and_gdal_reads_the_layer()
    {
        using var dir = new TempDir();
        var gpkg = dir.File("ws.gpkg");
        var plan = FlightPlanner.PlanLevee(Sites.Levee(), new PlanRequest());
        string id;
        using (var ws = GeoPackageWorkspace.Create(gpkg))
        {
            id = PlannedFlightStore.Save(ws, plan, new DateTimeOffset(2025, 4, 1, 9, 0, 0, TimeSpan.Zero));
            var rows = PlannedFlightStore.ForAsset(ws, "levees", "L-3");
            Assert.Equal(plan.Sorties.Count, rows.Count);
            Assert.All(rows, r => Assert.Equal(id, r.PlanId));
            Assert.Equal(Enumerable.Range(1, plan.Sorties.Count), rows.Select(r => r.Sortie));
            Assert.Equal(plan.TotalPhotos, rows.Sum(r => r.PhotoCount));
            // The stored .plan is the sortie's own plan file.
            Assert.Equal(plan.Sorties[0].Mission, QgcPlan.Parse(rows[0].PlanJson).Mission);
            Assert.Empty(PlannedFlightStore.ForAsset(ws, "levees", "L-9"));
        }
        var info = Gdal.Run("ogrinfo", "-ro", "-so", gpkg, PlannedFlightsLayer.Name);
        Assert.Contains($"Feature Count: {plan.Sorties.Count}", info);
        Assert.Contains("Geometry: Line String", info);
        Assert.Contains("asset_id: String", info);
    }
}
