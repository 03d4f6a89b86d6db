using System.Globalization;
using DxGeo.Core.Assets.Layers;
using DxGeo.Core.Errors;
using DxGeo.Core.Spatial;
using DxGeo.Risk.Storage;

namespace DxGeo.Risk.Features.Internal;

/// <summary>
/// Which pipe each break happened on: its recorded pipe_id when that pipe exists, else the nearest pipe within
/// the snapping tolerance (Core's <see cref="BreakSnapOp"/>). A break near no pipe is an error by default: it is
/// usually a wrong coordinate, and silently dropping it would make the history look better than it was.
/// </summary>
internal static class BreakAssigner
{
    /// <returns>Pipe index per break (−1 for a dropped break) and how many were dropped.</returns>
    public static (int[] PipeOfBreak, int Dropped) Assign(RiskInputs inputs, MetricNetwork network, double toleranceM, bool dropUnsnapped)
    {
        var breaks = inputs.Breaks;
        var pipeOf = new int[breaks.Count];
        var toSnap = new List<int>();
        for (var b = 0; b < breaks.Count; b++)
        {
            if (breaks[b].Geometry.IsEmpty)
                throw new InputDataException("break has an empty point", inputs.Source, featureId: breaks[b].BreakId, field: "geometry");
            if (breaks[b].PipeId is { } id && network.IndexOf.TryGetValue(id, out var i)) pipeOf[b] = i;
            else toSnap.Add(b);
        }
        if (toSnap.Count == 0) return (pipeOf, 0);

        var snapshot = SpatialIndexSnapshot.Build(AssetLayers.Pipes.Schema,
            inputs.Pipes.Select(AssetLayers.Pipes.ToRecord), network.Frame, keepFeatures: false);
        var snaps = BreakSnapOp.Run(toSnap.Select(b => (breaks[b].BreakId, (long?)b, breaks[b].Geometry)), snapshot, toleranceM);
        var far = new List<int>();
        for (var k = 0; k < toSnap.Count; k++)
        {
            var b = toSnap[k];
            if (snaps[k].PipeId is { } pid) pipeOf[b] = network.IndexOf[pid];
            else { pipeOf[b] = -1; far.Add(b); }
        }
        if (far.Count > 0 && !dropUnsnapped)
        {
            var first = breaks[far[0]];
            var nearest = snapshot.Nearest(first.Geometry.X, first.Geometry.Y, 1);
            var dist = nearest.Count > 0 ? $"; nearest pipe {nearest[0].Id} is {nearest[0].DistanceM.ToString("F0", CultureInfo.InvariantCulture)} m away" : "";
            throw new InputDataException(
                $"{far.Count} of {breaks.Count} breaks lie farther than {toleranceM.ToString(CultureInfo.InvariantCulture)} m from every pipe " +
                $"(first: '{first.BreakId}' at {first.Geometry.X.ToString(CultureInfo.InvariantCulture)}, {first.Geometry.Y.ToString(CultureInfo.InvariantCulture)}{dist}); " +
                "check their coordinates, raise --snap-tolerance, or pass --drop-unsnapped to leave them out",
                inputs.Source, featureId: first.BreakId, field: "geometry");
        }
        return (pipeOf, far.Count);
    }
}
