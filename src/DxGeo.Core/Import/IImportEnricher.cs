using DxGeo.Core.Features;
using DxGeo.Core.Workspace;

namespace DxGeo.Core.Import;

/// <summary>
/// A step that fills fields of imported features from other layers of the workspace, run after conversion and
/// before validation. The hook for e.g. snapping pipe_breaks to the nearest water pipe (pipe_id, snap_distance_m),
/// which the spatial operations provide; the importer itself knows no spatial joins.
/// </summary>
public interface IImportEnricher
{
    /// <summary>The layer this enricher applies to (e.g. "pipe_breaks").</summary>
    string Layer { get; }

    /// <summary>Called once before the first feature, with the workspace as committed before this import.</summary>
    void Prepare(IWorkspace workspace);

    /// <summary>Fills fields of <paramref name="feature"/> (EPSG:4326 geometry, values aligned with <paramref name="schema"/>);
    /// returns a problem (field and reason) to reject the feature, or null.</summary>
    FeatureProblem? Enrich(LayerSchema schema, FeatureRecord feature);
}
