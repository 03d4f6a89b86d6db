using DxGeo.Core.Crs;
using DxGeo.Core.Crs.Internal;
using NetTopologySuite.Geometries;

namespace DxGeo.Core.Spatial.Internal;

/// <summary>
/// Projects a geometry the caller owns in place, through the transform's span path: bulk loading (a snapshot of 1M
/// pipes) would otherwise copy every geometry once more just to throw the lon/lat original away.
/// </summary>
internal static class InPlaceProjection
{
    public static TGeometry Apply<TGeometry>(ICoordinateTransform transform, TGeometry g) where TGeometry : Geometry
    {
        g.Apply(new SpanTransformFilter(transform));
        g.GeometryChanged();
        g.SRID = transform.TargetEpsg;
        return g;
    }
}
