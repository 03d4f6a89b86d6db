using NetTopologySuite.Geometries;

namespace DxGeo.Core.Workspace;

/// <summary>Filter for reading a layer. All parts optional; combined with AND.</summary>
public sealed record FeatureQuery
{
    /// <summary>Features whose envelope intersects this box (layer CRS), answered via the R-tree index.</summary>
    public Envelope? BoundingBox { get; init; }
    /// <summary>Equality filters on attribute fields (value compared as stored).</summary>
    public IReadOnlyDictionary<string, object?>? AttributeEquals { get; init; }
    /// <summary>Inclusive time range on the layer's <c>TimeField</c>.</summary>
    public DateTimeOffset? TimeFrom { get; init; }
    public DateTimeOffset? TimeTo { get; init; }
    public long Offset { get; init; }
    public long? Limit { get; init; }
}
