using System.Collections.Concurrent;
using DxGeo.Core.Errors;
using NetTopologySuite.Geometries;

namespace DxGeo.Core.Crs;

/// <summary>
/// A projected CRS for metric work around a site: lengths, areas, buffers and distances are computed on
/// <see cref="Project{TGeometry}"/>ed geometry (metres), never in degrees, and results go back with
/// <see cref="Unproject{TGeometry}"/>. Frames are cached per EPSG code and safe to share.
/// </summary>
public sealed class MetricFrame
{
    private static readonly ConcurrentDictionary<int, MetricFrame> Frames = new();

    private MetricFrame(int epsg)
    {
        Epsg = epsg;
        ToMetric = CrsRegistry.Default.CreateTransform(Crs.Epsg.Wgs84, epsg);
        ToLonLat = ToMetric.Inverse();
    }

    /// <summary>The frame for a place given in EPSG:4326: its JGD2011 zone in Japan, else UTM.</summary>
    public static MetricFrame For(double lonDeg, double latDeg) =>
        ForEpsg(CrsRegistry.Default.PickMetricCrs(lonDeg, latDeg));

    /// <summary>The frame for an EPSG:4326 geometry, chosen at the centre of its envelope.</summary>
    public static MetricFrame For(Geometry lonLat)
    {
        ArgumentNullException.ThrowIfNull(lonLat);
        if (lonLat.IsEmpty) throw new ArgumentException("an empty geometry has no place to pick a metric CRS for", nameof(lonLat));
        GeoMeasure.RequireLonLat(lonLat);
        var centre = lonLat.EnvelopeInternal.Centre;
        return For(centre.X, centre.Y);
    }

    /// <summary>A frame in a given projected CRS (e.g. the city's own plane rectangular zone).</summary>
    public static MetricFrame ForEpsg(int projectedEpsg)
    {
        if (Frames.TryGetValue(projectedEpsg, out var frame)) return frame;
        var registry = CrsRegistry.Default;
        if (registry.IsGeographic(projectedEpsg)) // also throws UnknownCrsException for unknown codes
            throw new DxGeoException($"EPSG:{projectedEpsg} ({registry.Name(projectedEpsg)}) is geographic (degrees); a metric frame needs a projected CRS");
        if (projectedEpsg == Crs.Epsg.WebMercator)
            throw new DxGeoException("EPSG:3857 (web mercator) is for display only: its scale error is ~20 % in Japan; use a JGD2011 zone or UTM");
        return Frames.GetOrAdd(projectedEpsg, code => new MetricFrame(code));
    }

    public int Epsg { get; }

    /// <summary>EPSG:4326 → <see cref="Epsg"/>.</summary>
    public ICoordinateTransform ToMetric { get; }

    /// <summary><see cref="Epsg"/> → EPSG:4326.</summary>
    public ICoordinateTransform ToLonLat { get; }

    /// <summary>Lon/lat geometry → a copy in metres (SRID = <see cref="Epsg"/>).</summary>
    public TGeometry Project<TGeometry>(TGeometry lonLat) where TGeometry : Geometry => ToMetric.Transform(lonLat);

    /// <summary>Metric geometry → a copy in lon/lat (SRID = 4326).</summary>
    public TGeometry Unproject<TGeometry>(TGeometry metric) where TGeometry : Geometry => ToLonLat.Transform(metric);

    public override string ToString() => $"MetricFrame EPSG:{Epsg} ({CrsRegistry.Default.Name(Epsg)})";
}
