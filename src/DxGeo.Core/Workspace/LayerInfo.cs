using DxGeo.Core.Features;
using NetTopologySuite.Geometries;

namespace DxGeo.Core.Workspace;

/// <summary>What the workspace knows of a layer: its schema, feature count and extent (in the layer's CRS).</summary>
public sealed record LayerInfo(LayerSchema Schema, long FeatureCount, Envelope? Extent)
{
    public string Name => Schema.Name;
}
