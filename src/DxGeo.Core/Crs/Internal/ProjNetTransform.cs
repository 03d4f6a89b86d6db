using NetTopologySuite.Geometries;
using ProjNet.CoordinateSystems.Transformations;

namespace DxGeo.Core.Crs.Internal;

/// <summary>
/// source (E, N) → lon/lat → target (E, N), each projection taken from its own geographic CRS.
/// All shipped datums (WGS 84, JGD2011, JGD2000) are treated as one for lon/lat, as PROJ does (null shift):
/// letting ProjNet shift WGS 84 → JGD2011 through geocentric coordinates moves points by ~4 mm for nothing.
/// </summary>
internal sealed class ProjNetTransform : ICoordinateTransform
{
    private readonly CrsDefinition _source;
    private readonly CrsDefinition _target;
    private readonly MathTransform? _toLonLat;   // source projection, inverted
    private readonly MathTransform? _fromLonLat; // target projection
    private readonly Lazy<ICoordinateTransform> _inverse;

    public ProjNetTransform(CrsDefinition source, CrsDefinition target, Func<ICoordinateTransform> inverse)
    {
        _source = source;
        _target = target;
        if (source.Epsg != target.Epsg)
        {
            _toLonLat = source.FromLonLat?.Inverse();
            _fromLonLat = target.FromLonLat;
        }
        _inverse = new Lazy<ICoordinateTransform>(inverse);
    }

    public int SourceEpsg => _source.Epsg;
    public int TargetEpsg => _target.Epsg;

    public (double X, double Y) Transform(double x, double y)
    {
        _toLonLat?.Transform(ref x, ref y);
        _fromLonLat?.Transform(ref x, ref y);
        return (x, y);
    }

    public void Transform(Span<double> xs, Span<double> ys)
    {
        if (xs.Length != ys.Length)
            throw new ArgumentException($"xs has {xs.Length} values but ys has {ys.Length}", nameof(ys));
        _toLonLat?.Transform(xs, ys, 1, 1);
        _fromLonLat?.Transform(xs, ys, 1, 1);
    }

    public TGeometry Transform<TGeometry>(TGeometry geometry) where TGeometry : Geometry
    {
        ArgumentNullException.ThrowIfNull(geometry);
        var copy = (TGeometry)geometry.Copy();
        if (_toLonLat is not null || _fromLonLat is not null) copy.Apply(new SpanTransformFilter(this));
        copy.SRID = TargetEpsg;
        return copy;
    }

    public ICoordinateTransform Inverse() => _inverse.Value;

    public override string ToString() => $"EPSG:{SourceEpsg} → EPSG:{TargetEpsg}";
}
