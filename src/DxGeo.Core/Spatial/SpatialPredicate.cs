namespace DxGeo.Core.Spatial;

/// <summary>How a feature must relate to the polygon (or other layer's feature) it is tested against.</summary>
public enum SpatialPredicate
{
    /// <summary>Shares any point with it (crosses, touches or lies inside).</summary>
    Intersects,
    /// <summary>Lies entirely inside it (e.g. a pipe wholly in a flood zone).</summary>
    Within,
    /// <summary>Contains it entirely (e.g. a zone that contains a given facility).</summary>
    Contains,
}
