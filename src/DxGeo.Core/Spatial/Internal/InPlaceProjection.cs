using System.Buffers;
using DxGeo.Core.Crs;
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
        g.Apply(new SpanFilter(transform));
        g.GeometryChanged();
        g.SRID = transform.TargetEpsg;
        return g;
    }

    private sealed class SpanFilter(ICoordinateTransform transform) : IEntireCoordinateSequenceFilter
    {
        public bool Done => false;
        public bool GeometryChanged => true;

        public void Filter(CoordinateSequence seq)
        {
            var n = seq.Count;
            if (n == 0) return;
            var buffer = ArrayPool<double>.Shared.Rent(2 * n);
            try
            {
                var xs = buffer.AsSpan(0, n);
                var ys = buffer.AsSpan(n, n);
                for (var i = 0; i < n; i++)
                {
                    xs[i] = seq.GetX(i);
                    ys[i] = seq.GetY(i);
                }
                transform.Transform(xs, ys);
                for (var i = 0; i < n; i++)
                {
                    seq.SetX(i, xs[i]);
                    seq.SetY(i, ys[i]);
                }
            }
            finally { ArrayPool<double>.Shared.Return(buffer); }
        }
    }
}
