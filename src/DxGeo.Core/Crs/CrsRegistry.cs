using System.Collections.Concurrent;
using DxGeo.Core.Crs.Internal;

namespace DxGeo.Core.Crs;

/// <summary>
/// The coordinate systems DxGeo knows: EPSG definitions shipped as data (GDAL's WKT1, see Crs/Data/epsg.wkt.txt),
/// transforms between them (ProjNet), identification of .prj/WKT text and the choice of a metric CRS for a place.
/// Thread-safe; use <see cref="Default"/>.
/// </summary>
public sealed class CrsRegistry
{
    private readonly IReadOnlyDictionary<int, CrsDefinition> _defs;
    private readonly ConcurrentDictionary<(int, int), ICoordinateTransform> _transforms = new();
    private readonly Lazy<WktIdentifier> _identifier;
    private readonly Lazy<string> _supported;

    private static readonly Lazy<CrsRegistry> _default = new(() => new CrsRegistry(EpsgCatalog.Load()));

    private CrsRegistry(IReadOnlyList<CrsDefinition> defs)
    {
        _defs = defs.ToDictionary(d => d.Epsg);
        Codes = defs.Select(d => d.Epsg).OrderBy(c => c).ToArray();
        _identifier = new Lazy<WktIdentifier>(() => new WktIdentifier(_defs));
        _supported = new Lazy<string>(() => DescribeRanges(Codes));
    }

    public static CrsRegistry Default => _default.Value;

    /// <summary>Every EPSG code with a shipped definition, ascending.</summary>
    public IReadOnlyCollection<int> Codes { get; }

    public bool IsKnown(int epsg) => _defs.ContainsKey(epsg);

    /// <summary>GDAL's OGC WKT1 for the code (what .prj files and gpkg_spatial_ref_sys should carry).</summary>
    public string GetWkt(int epsg) => Get(epsg).Wkt;

    public bool IsGeographic(int epsg) => Get(epsg).IsGeographic;

    /// <summary>The EPSG name, e.g. "JGD2011 / Japan Plane Rectangular CS IX".</summary>
    public string Name(int epsg) => Get(epsg).Name;

    /// <summary>
    /// The shipped EPSG code a WKT means (OGC WKT1 with AUTHORITY, or ESRI-flavoured as in Shapefile .prj files,
    /// matched by name or by datum + projection parameters); null when it is none of them.
    /// </summary>
    public int? IdentifyWkt(string wkt) => _identifier.Value.Identify(wkt);

    /// <summary>
    /// A transform from one shipped CRS to another (cached; identity when equal). WGS 84, JGD2011 and JGD2000
    /// lon/lat are taken as the same (as PROJ does by default: a null shift; they differ by centimetres at most).
    /// </summary>
    public ICoordinateTransform CreateTransform(int sourceEpsg, int targetEpsg)
    {
        if (_transforms.TryGetValue((sourceEpsg, targetEpsg), out var cached)) return cached;
        var source = Get(sourceEpsg);
        var target = Get(targetEpsg);
        return _transforms.GetOrAdd((sourceEpsg, targetEpsg),
            _ => new ProjNetTransform(source, target, () => CreateTransform(targetEpsg, sourceEpsg)));
    }

    /// <summary>
    /// The metric CRS to measure in at a lon/lat: the JGD2011 plane rectangular zone (6669–6687) assigned to
    /// that place in Japan (approximate at prefecture borders: see docs/crs.md), else WGS 84 / UTM (326xx/327xx).
    /// </summary>
    public int PickMetricCrs(double lonDeg, double latDeg)
    {
        if (!double.IsFinite(lonDeg) || !double.IsFinite(latDeg) || latDeg is < -90 or > 90)
            throw new ArgumentOutOfRangeException(nameof(latDeg), $"not a lon/lat: ({lonDeg}, {latDeg})");
        return JapanZoneTable.Default.ZoneOf(lonDeg, latDeg) is int zone
            ? Epsg.Jgd2011Zone(zone)
            : UtmZones.Epsg(lonDeg, latDeg);
    }

    private CrsDefinition Get(int epsg) =>
        _defs.TryGetValue(epsg, out var def) ? def : throw new UnknownCrsException(epsg, _supported.Value);

    /// <summary>"4326, 3857, 6668, 6669–6687, …": contiguous runs folded.</summary>
    private static string DescribeRanges(IReadOnlyCollection<int> codes)
    {
        var parts = new List<string>();
        var sorted = codes.Order().ToArray();
        for (var i = 0; i < sorted.Length;)
        {
            var j = i;
            while (j + 1 < sorted.Length && sorted[j + 1] == sorted[j] + 1) j++;
            parts.Add(j > i + 1 ? $"{sorted[i]}–{sorted[j]}" : j == i + 1 ? $"{sorted[i]}, {sorted[j]}" : $"{sorted[i]}");
            i = j + 1;
        }
        return string.Join(", ", parts);
    }
}
