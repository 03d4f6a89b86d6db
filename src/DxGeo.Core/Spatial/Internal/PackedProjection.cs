using DxGeo.Core.Crs;
using DxGeo.Core.Crs.Internal;
using NetTopologySuite.Geometries;
using NetTopologySuite.Geometries.Implementation;

namespace DxGeo.Core.Spatial.Internal;

/// <summary>
/// Projects a lon/lat geometry into a copy whose coordinates live in one packed double[] per ring or line,
/// instead of one Coordinate object per vertex. A snapshot of 1M pipes keeps ~3M vertices alive; as objects
/// they dominate the garbage collector's work while loading, packed they are ~1M arrays.
/// </summary>
internal static class PackedProjection
{
    public static Geometry Project(ICoordinateTransform transform, Geometry g, GeometryFactory factory) => g switch
    {
        Point p => factory.CreatePoint(Sequence(transform, p.CoordinateSequence, factory)),
        LinearRing r => factory.CreateLinearRing(Sequence(transform, r.CoordinateSequence, factory)),
        LineString l => factory.CreateLineString(Sequence(transform, l.CoordinateSequence, factory)),
        Polygon p => factory.CreatePolygon(
            (LinearRing)Project(transform, p.Shell, factory),
            p.Holes.Select(h => (LinearRing)Project(transform, h, factory)).ToArray()),
        MultiPoint mp => factory.CreateMultiPoint(Parts<Point>(transform, mp, factory)),
        MultiLineString ml => factory.CreateMultiLineString(Parts<LineString>(transform, ml, factory)),
        MultiPolygon mpg => factory.CreateMultiPolygon(Parts<Polygon>(transform, mpg, factory)),
        GeometryCollection gc => factory.CreateGeometryCollection(Parts<Geometry>(transform, gc, factory)),
        _ => throw new ArgumentException($"cannot project a {g.GeometryType}", nameof(g)),
    };

    /// <summary>A factory for packed metric geometry in the transform's target CRS.</summary>
    public static GeometryFactory FactoryFor(ICoordinateTransform transform) =>
        new(new PrecisionModel(), transform.TargetEpsg, PackedCoordinateSequenceFactory.DoubleFactory);

    private static T[] Parts<T>(ICoordinateTransform t, GeometryCollection gc, GeometryFactory f) where T : Geometry
    {
        var parts = new T[gc.NumGeometries];
        for (var i = 0; i < parts.Length; i++) parts[i] = (T)Project(t, gc.GetGeometryN(i), f);
        return parts;
    }

    private static CoordinateSequence Sequence(ICoordinateTransform transform, CoordinateSequence seq, GeometryFactory f)
    {
        var packed = new double[2 * seq.Count];
        SpanTransformFilter.TransformInterleaved(transform, seq, packed);
        return new PackedDoubleCoordinateSequence(packed, 2, 0);
    }
}
