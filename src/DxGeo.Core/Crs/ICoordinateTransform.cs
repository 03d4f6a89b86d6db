using NetTopologySuite.Geometries;

namespace DxGeo.Core.Crs;

/// <summary>
/// A transform between two EPSG coordinate systems. Coordinates are always (x, y) = (lon, lat) in degrees for
/// geographic systems and (easting, northing) in metres for projected ones, whatever axis order the EPSG
/// definition declares. Instances are immutable and safe to share between threads.
/// </summary>
public interface ICoordinateTransform
{
    int SourceEpsg { get; }
    int TargetEpsg { get; }

    /// <summary>One point: x = lon / easting, y = lat / northing.</summary>
    (double X, double Y) Transform(double x, double y);

    /// <summary>Transforms the points in place (xs[i], ys[i]); allocation-free. The spans must be the same length.</summary>
    void Transform(Span<double> xs, Span<double> ys);

    /// <summary>A transformed copy of the geometry with SRID = <see cref="TargetEpsg"/>; Z and M are kept as they are.</summary>
    TGeometry Transform<TGeometry>(TGeometry geometry) where TGeometry : Geometry;

    /// <summary>The transform from target back to source.</summary>
    ICoordinateTransform Inverse();
}
