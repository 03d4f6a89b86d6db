using System.Buffers;
using NetTopologySuite.Geometries;

namespace DxGeo.Core.Crs.Internal;

/// <summary>
/// Transforms each coordinate sequence of a geometry as a whole through the transform's span path (one pooled buffer
/// per sequence instead of one call per coordinate). Used for copies and for in-place bulk projection alike.
/// </summary>
internal sealed class SpanTransformFilter(ICoordinateTransform transform) : IEntireCoordinateSequenceFilter
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
