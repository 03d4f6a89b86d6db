using DxGeo.Core.Assets.Layers;
using DxGeo.Core.Features;
using DxGeo.Core.Import;
using DxGeo.Core.Workspace;
using NetTopologySuite.Geometries;

namespace DxGeo.Core.Spatial;

/// <summary>
/// Import hook for <c>pipe_breaks</c>: fills <c>pipe_id</c> and <c>snap_distance_m</c> with the nearest water pipe
/// within <see cref="ToleranceM"/> (measured in metres in the pipes' plane CRS). A break with no pipe that close keeps
/// pipe_id null and is listed in <see cref="Unsnapped"/> so the caller can report it. The snap is authoritative: a pipe
/// id given in the file is replaced, because break records often carry a stale or mistyped ledger number.
/// </summary>
public sealed class BreakSnapEnricher(double toleranceM = BreakSnapEnricher.DefaultToleranceM) : IImportEnricher
{
    public const double DefaultToleranceM = 10;

    private SpatialIndexSnapshot? _pipes;
    private readonly List<string> _unsnapped = [];

    public string Layer => AssetLayers.Breaks.Schema.Name;
    public double ToleranceM { get; } = toleranceM > 0 ? toleranceM
        : throw new ArgumentOutOfRangeException(nameof(toleranceM), "snapping tolerance must be positive (metres)");

    /// <summary>Break ids (or feature indexes) that no pipe lies within the tolerance of.</summary>
    public IReadOnlyList<string> Unsnapped => _unsnapped;

    public void Prepare(IWorkspace workspace)
    {
        _unsnapped.Clear();
        _pipes = workspace.FindLayer(AssetLayers.Pipes.Schema.Name) is { FeatureCount: > 0 }
            ? SpatialIndexSnapshot.Load(workspace, AssetLayers.Pipes.Schema.Name, keepFeatures: false)
            : null;
    }

    public FeatureProblem? Enrich(LayerSchema schema, FeatureRecord feature)
    {
        var pipeIdIndex = schema.IndexOf("pipe_id");
        var distanceIndex = schema.IndexOf("snap_distance_m");
        var idIndex = schema.IdField is { } idf ? schema.IndexOf(idf) : -1;
        if (feature.Geometry is not Point p || pipeIdIndex < 0 || distanceIndex < 0) return null;

        var hit = _pipes?.NearestWithin(p.X, p.Y, ToleranceM);
        if (hit is { } h)
        {
            feature.Values[pipeIdIndex] = h.Id;
            feature.Values[distanceIndex] = Math.Round(h.DistanceM, 2);
        }
        else
        {
            feature.Values[pipeIdIndex] = null;
            feature.Values[distanceIndex] = null;
            _unsnapped.Add(idIndex >= 0 ? feature.Values[idIndex]?.ToString() ?? "?" : "?");
        }
        return null;
    }
}
