using System.Buffers;
using NetTopologySuite.Geometries;

namespace DxGeo.Core.Crs.Internal;

/// <summary>
/// Transforms each coordinate sequence of a geometry as a whole through the transform's span path (pooled buffers
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
        var xy = ArrayPool<double>.Shared.Rent(2 * n);
        try
        {
            TransformInterleaved(transform, seq, xy);
            for (var i = 0; i < n; i++)
            {
                seq.SetX(i, xy[2 * i]);
                seq.SetY(i, xy[2 * i + 1]);
            }
        }
        finally { ArrayPool<double>.Shared.Return(xy); }
    }

    /// <summary>Writes the sequence's transformed x, y pairs interleaved into <paramref name="xy"/> (≥ 2 × count long).</summary>
    public static void TransformInterleaved(ICoordinateTransform transform, CoordinateSequence seq, Span<double> xy)
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
                xy[2 * i] = xs[i];
                xy[2 * i + 1] = ys[i];
            }
        }
        finally { ArrayPool<double>.Shared.Return(buffer); }
    }
}
