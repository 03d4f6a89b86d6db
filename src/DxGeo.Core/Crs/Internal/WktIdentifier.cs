using System.Globalization;

namespace DxGeo.Core.Crs.Internal;

/// <summary>
/// Finds the shipped EPSG code a WKT (a .prj, a GeoPackage srs definition) means. In order:
/// the root AUTHORITY["EPSG", n] (or WKT2 ID["EPSG", n]); the name (EPSG name or ESRI name, e.g. "JGD_2011_Japan_Zone_9");
/// then the content: datum family + projection + parameters, for files written with other names.
/// </summary>
internal sealed class WktIdentifier
{
    private const double AngleTolDeg = 1e-7;
    private const double LengthTolM = 1e-3;

    private readonly IReadOnlyDictionary<int, CrsDefinition> _byCode;
    private readonly Dictionary<string, int> _byName = new(StringComparer.Ordinal);
    private readonly List<(CrsDefinition Def, Signature Sig)> _signatures = [];

    public WktIdentifier(IReadOnlyDictionary<int, CrsDefinition> byCode)
    {
        _byCode = byCode;
        foreach (var def in byCode.Values.OrderBy(d => d.Epsg))
        {
            _byName.TryAdd(NormalizeName(def.Name), def.Epsg);
            if (def.EsriName is { Length: > 0 } esri) _byName.TryAdd(NormalizeName(esri), def.Epsg);
            if (Signature.Of(def.Node) is { } sig) _signatures.Add((def, sig));
        }
    }

    public int? Identify(string wkt)
    {
        if (string.IsNullOrWhiteSpace(wkt)) return null;
        var node = WktNode.TryParse(wkt.Trim());
        if (node is null) return null;

        // WKT1 AUTHORITY["EPSG","n"] or WKT2 ID["EPSG",n] on the root node
        var authority = node.ChildrenNamed("AUTHORITY").Concat(node.ChildrenNamed("ID")).LastOrDefault();
        if (authority is { Values.Count: >= 2 } && authority.Values[0].Equals("EPSG", StringComparison.OrdinalIgnoreCase)
            && int.TryParse(authority.Values[1], NumberStyles.Integer, CultureInfo.InvariantCulture, out var code))
            return _byCode.ContainsKey(code) ? code : null;

        if (node.Name is { } name && _byName.TryGetValue(NormalizeName(name), out var byName)
            && _byCode[byName].IsGeographic == IsGeographic(node))
            return byName;

        var sig = Signature.Of(node);
        if (sig is null) return null;
        foreach (var (def, candidate) in _signatures)
            if (candidate.Matches(sig)) return def.Epsg;
        return null;
    }

    private static bool IsGeographic(WktNode node) =>
        node.Keyword.ToUpperInvariant() is "GEOGCS" or "GEOGCRS" or "GEODCRS" or "GEOGRAPHICCRS";

    internal static string NormalizeName(string name) =>
        new(name.Where(char.IsLetterOrDigit).Select(char.ToLowerInvariant).ToArray());

    /// <summary>What makes two WKTs the same CRS for DxGeo: datum family, projection method, parameters.</summary>
    private sealed record Signature(int Datum, string? Projection, double UnitToMetre, IReadOnlyDictionary<string, double> Parameters)
    {
        public static Signature? Of(WktNode node)
        {
            var geog = IsGeographic(node) ? node : node.Child("GEOGCS");
            var family = geog?.Child("DATUM")?.Name is { } datum ? DatumFamily(datum) : null;
            if (family is null) return null;
            if (IsGeographic(node)) return new Signature(family.Value, null, 1, new Dictionary<string, double>());
            if (!node.Keyword.Equals("PROJCS", StringComparison.OrdinalIgnoreCase)) return null;
            var projection = node.Child("PROJECTION")?.Name;
            if (projection is null) return null;
            var key = IsSphericalMercator(node) ? "webmerc" : ProjectionKey(projection);
            var parameters = new Dictionary<string, double>(StringComparer.Ordinal);
            foreach (var p in node.ChildrenNamed("PARAMETER"))
                if (p.Name is { } pName && p.Number(1) is { } value) parameters[ParameterKey(pName)] = value;
            if (key == "webmerc") // only these mean anything on the sphere; ESRI adds auxiliary-sphere flags
                parameters = parameters.Where(kv => kv.Key is "central_meridian" or "false_easting" or "false_northing")
                    .ToDictionary(kv => kv.Key, kv => kv.Value, StringComparer.Ordinal);
            return new Signature(family.Value, key, node.Child("UNIT")?.Number(1) ?? 1, parameters);
        }

        public bool Matches(Signature other)
        {
            if (Datum != other.Datum || Projection != other.Projection) return false;
            if (Projection is null) return true;
            if (Math.Abs(UnitToMetre - other.UnitToMetre) > 1e-9) return false;
            foreach (var key in Parameters.Keys.Union(other.Parameters.Keys))
            {
                var a = Parameters.GetValueOrDefault(key, DefaultOf(key));
                var b = other.Parameters.GetValueOrDefault(key, DefaultOf(key));
                var tol = key is "false_easting" or "false_northing" ? LengthTolM : AngleTolDeg;
                if (Math.Abs(a - b) > tol) return false;
            }
            return true;
        }

        /// <summary>GDAL's EPSG:3857: Mercator_1SP with a PROJ4 extension putting it on the sphere.</summary>
        private static bool IsSphericalMercator(WktNode node) =>
            node.Child("EXTENSION") is { Values.Count: >= 2 } ext
            && ext.Values[1].Contains("+proj=merc", StringComparison.Ordinal)
            && ext.Values[1].Contains("+a=6378137", StringComparison.Ordinal)
            && ext.Values[1].Contains("+b=6378137", StringComparison.Ordinal);

        private static double DefaultOf(string key) => key == "scale_factor" ? 1 : 0;

        /// <summary>4326 / 6668 / 4612 by the datum's name, in any flavour ("D_JGD_2011", "Japanese_Geodetic_Datum_2011").</summary>
        private static int? DatumFamily(string datum)
        {
            var n = NormalizeName(datum);
            var japan = n.Contains("jgd", StringComparison.Ordinal) || n.Contains("japanesegeodeticdatum", StringComparison.Ordinal);
            if (japan && n.Contains("2011", StringComparison.Ordinal)) return Epsg.Jgd2011;
            if (japan && n.Contains("2000", StringComparison.Ordinal)) return Epsg.Jgd2000;
            if (n.Contains("wgs84", StringComparison.Ordinal) || n.Contains("wgs1984", StringComparison.Ordinal)) return Epsg.Wgs84;
            return null;
        }

        private static string ProjectionKey(string projection) => NormalizeName(projection) switch
        {
            "transversemercator" or "gausskruger" => "tmerc",
            "mercatorauxiliarysphere" or "popularvisualisationpseudomercator" or "pseudomercator" => "webmerc",
            var other => other,
        };

        private static string ParameterKey(string name) => NormalizeName(name) switch
        {
            "latitudeoforigin" or "latitudeofcenter" => "latitude_of_origin",
            "centralmeridian" or "longitudeofcenter" or "longitudeoforigin" => "central_meridian",
            "scalefactor" => "scale_factor",
            "falseeasting" => "false_easting",
            "falsenorthing" => "false_northing",
            "standardparallel1" => "standard_parallel_1",
            var other => other,
        };
    }
}
