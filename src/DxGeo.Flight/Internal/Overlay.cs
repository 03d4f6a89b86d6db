using NetTopologySuite.Geometries;
using NetTopologySuite.Operation.Overlay;
using NetTopologySuite.Operation.OverlayNG;
using NetTopologySuite.Operation.Union;

namespace DxGeo.Flight.Internal;

/// <summary>Overlay operations through OverlayNG with its robustness fallbacks (snapping, snap-rounding): the classic
/// overlay throws topology exceptions on nearly coincident edges, which buffered zones and strips produce often.</summary>
internal static class Overlay
{
    public static Geometry Intersection(Geometry a, Geometry b) => OverlayNGRobust.Overlay(a, b, SpatialFunction.Intersection);
    public static Geometry Difference(Geometry a, Geometry b) => OverlayNGRobust.Overlay(a, b, SpatialFunction.Difference);
    public static Geometry Union(Geometry a, Geometry b) => OverlayNGRobust.Overlay(a, b, SpatialFunction.Union);

    /// <summary>Union of many polygons. Cascaded union of the parts (the one-shot robust unary union dropped a
    /// polygon sharing a nearly collinear edge with its neighbour in testing); pairwise robust overlay if it throws.</summary>
    public static Geometry UnionAll(IReadOnlyList<Geometry> polygons, GeometryFactory f)
    {
        if (polygons.Count == 0) return f.CreatePolygon();
        try { return CascadedPolygonUnion.Union(polygons.ToList()); }
        catch (TopologyException)
        {
            var acc = polygons[0];
            for (var i = 1; i < polygons.Count; i++) acc = Union(acc, polygons[i]);
            return acc;
        }
    }
}
