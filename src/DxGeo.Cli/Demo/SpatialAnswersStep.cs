using System.Globalization;
using DxGeo.Core.Assets.Layers;
using DxGeo.Core.Mesh;
using DxGeo.Core.Spatial;

namespace DxGeo.Cli.Demo;

/// <summary>The questions a water bureau and a river office ask first, answered from the workspace.</summary>
internal sealed class SpatialAnswersStep : IDemoStep
{
    public string Title => "Spatial answers";

    public void Run(DemoContext ctx)
    {
        var ws = ctx.Workspace ?? throw new InvalidOperationException("workspace step must run first");
        var inv = CultureInfo.InvariantCulture;

        // Pipes in flood zones, by material (length inside the zones, measured in metres in the zone's plane CRS).
        var flooded = IntersectsOp.Run(ws, AssetLayers.Pipes.Schema.Name, AssetLayers.FloodZones.Schema.Name, null);
        ctx.Out.WriteLine("Pipes in flood zones by material:");
        ctx.Out.WriteLine($"  {"material",-8} {"pipes",7} {"km inside",10}");
        foreach (var g in flooded.GroupBy("material"))
            ctx.Out.WriteLine(string.Create(inv, $"  {g.Key,-8} {g.Count,7} {g.LengthInsideKm,10:F2}"));
        var floodedKm = flooded.Hits.Sum(h => h.LengthInsideM) / 1000;
        ctx.Summary.Add(string.Create(inv, $"- Pipes in flood zones: {flooded.Hits.Count} segments, {floodedKm:F1} km inside the zones"));

        // Kilometres of pipe per 250 m (quarter) mesh, stored as a polygon layer for the map.
        var mesh = MeshAggregateOp.Run(ws, AssetLayers.Pipes.Schema.Name, MeshLevel.Quarter, "water_pipes_mesh_250m");
        mesh.WriteTo(ws, replace: true);
        var lengthIndex = mesh.Schema.IndexOf("length_m");
        var codeIndex = mesh.Schema.IndexOf("mesh_code");
        var top = mesh.Records.OrderByDescending(r => (double)r.Values[lengthIndex]!).Take(5).ToList();
        ctx.Out.WriteLine($"Pipe km per 250 m mesh: {mesh.Records.Count} cells (layer {mesh.Schema.Name}); densest:");
        foreach (var r in top)
            ctx.Out.WriteLine(string.Create(inv, $"  {r.Values[codeIndex]}  {(double)r.Values[lengthIndex]! / 1000:F2} km"));
        ctx.Summary.Add($"- Pipe length per 250 m mesh: {mesh.Records.Count} cells, layer `{mesh.Schema.Name}`");

        // Bridges within 300 m of a levee.
        var near = WithinDistanceOp.Run(ws, AssetLayers.Bridges.Schema.Name, AssetLayers.Levees.Schema.Name, null, 300);
        ctx.Out.WriteLine($"Bridges within 300 m of a levee: {near.Count}");
        foreach (var h in near.Take(8))
            ctx.Out.WriteLine(string.Create(inv, $"  {h.Id,-8} {h.DistanceM,6:F0} m from {h.TargetId}"));
        if (near.Count > 8) ctx.Out.WriteLine($"  … and {near.Count - 8} more");
        ctx.Summary.Add($"- Bridges within 300 m of a levee: {near.Count}");
    }
}
