using System.Globalization;
using System.Text.RegularExpressions;
using ProjNet.CoordinateSystems;
using ProjNet.CoordinateSystems.Transformations;

namespace DxGeo.Core.Crs.Internal;

/// <summary>
/// One shipped EPSG definition: its GDAL WKT1, names, and (built on first use) the ProjNet projection from the
/// CRS's own geographic lon/lat to its projected (E, N).
/// </summary>
internal sealed class CrsDefinition
{
    private readonly Lazy<MathTransform?> _fromLonLat;

    public int Epsg { get; }
    public string Wkt { get; }
    public string Name { get; }
    public string? EsriName { get; }
    public WktNode Node { get; }
    public bool IsGeographic { get; }

    public CrsDefinition(int epsg, string wkt, string? esriName)
    {
        Epsg = epsg;
        Wkt = wkt;
        EsriName = esriName;
        Node = WktNode.TryParse(wkt) ?? throw new InvalidDataException($"shipped WKT for EPSG:{epsg} does not parse");
        Name = Node.Name ?? $"EPSG:{epsg}";
        IsGeographic = Node.Keyword.Equals("GEOGCS", StringComparison.OrdinalIgnoreCase);
        _fromLonLat = new Lazy<MathTransform?>(BuildProjection, LazyThreadSafetyMode.ExecutionAndPublication);
    }

    /// <summary>
    /// Lon/lat degrees (on this CRS's own datum) → (E, N) metres; null for geographic CRSs. Going through the
    /// CRS's own geographic system keeps ProjNet from doing a datum shift: see <see cref="ProjNetTransform"/>.
    /// </summary>
    public MathTransform? FromLonLat => _fromLonLat.Value;

    private MathTransform? BuildProjection()
    {
        if (IsGeographic) return null;
        var pcs = (ProjectedCoordinateSystem)new CoordinateSystemFactory().CreateFromWkt(ProjNetWkt());
        return new CoordinateTransformationFactory()
            .CreateFromCoordinateSystems(pcs.GeographicCoordinateSystem, pcs).MathTransform;
    }

    /// <summary>
    /// GDAL writes EPSG:3857 as Mercator_1SP on the WGS84 ellipsoid plus a PROJ4 extension saying "sphere";
    /// ProjNet ignores the extension and would project on the ellipsoid (km off), so name its spherical projection.
    /// </summary>
    private string ProjNetWkt()
    {
        var ext = Node.Child("EXTENSION");
        if (ext is null) return Wkt;
        var proj4 = ext.Values.Count > 1 ? ext.Values[1] : "";
        var spherical = proj4.Contains("+proj=merc", StringComparison.Ordinal)
            && proj4.Contains("+a=6378137", StringComparison.Ordinal) && proj4.Contains("+b=6378137", StringComparison.Ordinal);
        var wkt = Regex.Replace(Wkt, @"EXTENSION\[""[^""]*"",""[^""]*""\],\s*", "");
        return spherical ? wkt.Replace("PROJECTION[\"Mercator_1SP\"]", "PROJECTION[\"Pseudo-Mercator\"]", StringComparison.Ordinal) : wkt;
    }

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"EPSG:{Epsg} {Name}");
}
