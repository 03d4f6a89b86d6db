using DxGeo.Core.Assets.Layers;
using DxGeo.Core.Features;
using DxGeo.Core.Spatial;
using DxGeo.Core.Workspace;
using NetTopologySuite.Geometries;

namespace DxGeo.Core.Import;

/// <summary>
/// While importing pipe_breaks, snaps each break without a recorded pipe_id to the nearest water pipe within
/// <see cref="ToleranceM"/> (see <see cref="BreakSnapOp"/>), filling pipe_id and snap_distance_m; a break with no
/// pipe that close keeps pipe_id null. Breaks whose ledger names the pipe keep it. Without a water_pipes layer
/// nothing is snapped (import the pipes first, or run the snap later).
/// </summary>
public sealed class BreakSnapEnricher(double toleranceM) : IImportEnricher
{
    private SpatialIndexSnapshot? _pipes;
    private int _pipeIdIndex = -1, _distanceIndex = -1;

    public double ToleranceM { get; } = toleranceM;
    public string Layer => AssetLayers.Breaks.Schema.Name;
    /// <summary>Breaks snapped / left unsnapped (no pipe within tolerance) so far.</summary>
    public long Snapped { get; private set; }
    public long Unsnapped { get; private set; }
    public bool HasPipes => _pipes is not null;

    public void Prepare(IWorkspace workspace)
    {
        WithinDistanceOp.ValidateDistance(ToleranceM);
        var pipes = AssetLayers.Pipes.Schema.Name;
        _pipes = workspace.FindLayer(pipes) is { FeatureCount: > 0 } ? SpatialIndexSnapshot.Load(workspace, pipes, keepFeatures: false) : null;
    }

    public FeatureProblem? Enrich(LayerSchema schema, FeatureRecord feature)
    {
        if (_pipes is null || feature.Geometry is not Point { IsEmpty: false } p) return null;
        if (_pipeIdIndex < 0)
        {
            _pipeIdIndex = schema.IndexOf("pipe_id");
            _distanceIndex = schema.IndexOf("snap_distance_m");
        }
        if (feature.Values[_pipeIdIndex] is not null) return null; // the ledger says which pipe
        if (_pipes.NearestWithin(p.X, p.Y, ToleranceM) is { } hit)
        {
            feature.Values[_pipeIdIndex] = hit.Id;
            feature.Values[_distanceIndex] = Math.Round(hit.DistanceM, 3);
            Snapped++;
        }
        else Unsnapped++;
        return null;
    }
}
