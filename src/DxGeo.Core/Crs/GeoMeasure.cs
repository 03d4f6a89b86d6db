using DxGeo.Core.Errors;
using NetTopologySuite.Geometries;

namespace DxGeo.Core.Crs;

/// <summary>
/// Metric answers for EPSG:4326 geometries: each projects into the <see cref="MetricFrame"/> picked for the
/// geometry (JGD2011 zone in Japan, else UTM) and measures there. Values are grid values of that CRS: within
/// ~0.01 % of the ellipsoidal (geodesic) value inside a JGD2011 zone, ~0.04 % in UTM.
/// </summary>
public static class GeoMeasure
{
    public static double LengthM(Geometry lonLat) => MetricFrame.For(lonLat).Project(lonLat).Length;

    public static double AreaM2(Geometry lonLat) => MetricFrame.For(lonLat).Project(lonLat).Area;

    /// <summary>Shortest distance between two lon/lat geometries, measured in one frame picked for both.</summary>
    public static double DistanceM(Geometry a, Geometry b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        RequireLonLat(a);
        RequireLonLat(b);
        var env = new Envelope(a.EnvelopeInternal);
        env.ExpandToInclude(b.EnvelopeInternal);
        var frame = MetricFrame.For(env.Centre.X, env.Centre.Y);
        return frame.Project(a).Distance(frame.Project(b));
    }

    /// <summary>Buffer by a distance in metres; the result is in lon/lat (SRID 4326).</summary>
    public static Geometry BufferM(Geometry lonLat, double distanceM)
    {
        if (!double.IsFinite(distanceM)) throw new ArgumentOutOfRangeException(nameof(distanceM), distanceM, "buffer distance must be finite");
        var frame = MetricFrame.For(lonLat);
        return frame.Unproject(frame.Project(lonLat).Buffer(distanceM));
    }

    /// <summary>
    /// Rejects geometry that is clearly not lon/lat (an SRID of a projected CRS, or coordinates beyond ±180/±90),
    /// the usual sign of metres passed where degrees were expected.
    /// </summary>
    internal static void RequireLonLat(Geometry g)
    {
        if (g.SRID > 0 && g.SRID != Epsg.Wgs84 && !(CrsRegistry.Default.IsKnown(g.SRID) && CrsRegistry.Default.IsGeographic(g.SRID)))
            throw new DxGeoException($"expected a lon/lat (EPSG:4326) geometry but got SRID {g.SRID}; transform it to 4326 first");
        if (g.IsEmpty) return;
        var e = g.EnvelopeInternal;
        if (e.MinX < -180 || e.MaxX > 180 || e.MinY < -90 || e.MaxY > 90)
            throw new DxGeoException($"coordinates ({e.MinX}..{e.MaxX}, {e.MinY}..{e.MaxY}) are not lon/lat degrees; is this geometry in metres?");
    }
}
