using System.Globalization;
using DxGeo.Core.Assets.Layers;
using DxGeo.Core.Crs;
using DxGeo.Core.Import;
using DxGeo.Core.Workspace;
using DxGeo.Core.Workspace.GeoPackage;

namespace DxGeo.Cli.Demo;

/// <summary>Builds a fresh workspace from the sample town's GeoJSON files through the real import path.</summary>
internal sealed class BuildWorkspaceStep : IDemoStep
{
    // Context layers first, pipes before breaks (breaks snap to pipes on import).
    private static readonly string[] Order =
        ["roads", "soil", "flood_zones", "no_fly_zones", "facilities", "road_works", "elevation_points", "levees", "bridges", "water_pipes", "pipe_breaks",
         "districts", "waterways", "water_areas"];

    public string Title => "Workspace from the sample town";

    public void Run(DemoContext ctx)
    {
        foreach (var stale in new[] { "", "-wal", "-shm", "-journal" })
            if (File.Exists(ctx.WorkspacePath + stale)) File.Delete(ctx.WorkspacePath + stale);
        var ws = GeoPackageWorkspace.Create(ctx.WorkspacePath);
        ctx.Workspace = ws;

        var snap = new BreakSnapEnricher(toleranceM: 10);
        foreach (var layer in Order)
        {
            var file = Path.Combine(ctx.SampleDir, layer + ".geojson");
            if (!File.Exists(file)) throw new Core.Errors.DxGeoException($"{file}: sample layer missing");
            var report = LayerImporter.Import(ws, file, new ImportOptions { Layer = layer, Enrichers = [snap] });
            ctx.Out.WriteLine($"  imported {report.FeaturesImported,6:N0} {layer}");
        }
        ctx.Out.WriteLine($"  breaks snapped to a pipe on import: {snap.Snapped:N0}; none within {snap.ToleranceM} m: {snap.Unsnapped:N0}");

        var inv = CultureInfo.InvariantCulture;
        ctx.Out.WriteLine();
        ctx.Out.WriteLine($"  {"layer",-14} {"type",-15} {"CRS",-10} {"features",9}  extent (lon/lat)");
        foreach (var l in ws.ListLayers())
        {
            var e = l.Extent;
            var extent = e is null || e.IsNull ? "" : string.Create(inv, $"{e.MinX:F4},{e.MinY:F4} – {e.MaxX:F4},{e.MaxY:F4}");
            ctx.Out.WriteLine($"  {l.Name,-14} {l.Schema.GeometryType,-15} EPSG:{l.Schema.Srid,-5} {l.FeatureCount,9:N0}  {extent}");
        }
        var pipes = ws.ReadAll(AssetLayers.Pipes).ToList();
        var km = pipes.Sum(p => p.LengthM) / 1000;
        var zone = CrsRegistry.Default.PickMetricCrs(ws.FindLayer("water_pipes")!.Extent!.Centre.X, ws.FindLayer("water_pipes")!.Extent!.Centre.Y);
        ctx.Out.WriteLine(string.Create(inv, $"  {pipes.Count:N0} pipe segments, {km:F1} km; metric CRS for the town: EPSG:{zone} ({CrsRegistry.Default.Name(zone)})"));
        ctx.Summary.Add(string.Create(inv, $"- Workspace `{Path.GetFileName(ctx.WorkspacePath)}`: {ws.ListLayers().Count} layers, {pipes.Count:N0} pipe segments ({km:F1} km), metric CRS EPSG:{zone}"));
    }
}
