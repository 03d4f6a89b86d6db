using System.Globalization;
using System.Text;

namespace DxGeo.Core.Crs.Internal;

/// <summary>
/// JGD2011 plane rectangular zone (1–19) for a lon/lat in Japan, from the embedded seed table
/// Crs/Data/jgd2011-zone-seeds.txt: the zone of the nearest seed place, when within that seed's radius.
/// An approximation of the legal prefecture/island assignment; see the data file's header.
/// </summary>
internal sealed class JapanZoneTable
{
    private const string ResourceName = "DxGeo.Core.Crs.Data.jgd2011-zone-seeds.txt";
    private const double DefaultRadiusKm = 60;
    // Cheap rejection box around every seed (Yonaguni to Minamitorishima, Okinotorishima to Soya + radius).
    private const double MinLon = 122.0, MaxLon = 154.5, MinLat = 20.0, MaxLat = 46.0;

    private readonly Seed[] _seeds;
    private readonly double[] _lon; // the seeds' coordinates as flat arrays for the scan
    private readonly double[] _lat;

    private JapanZoneTable(Seed[] seeds)
    {
        _seeds = seeds;
        _lon = seeds.Select(s => s.LonDeg).ToArray();
        _lat = seeds.Select(s => s.LatDeg).ToArray();
    }

    public static JapanZoneTable Default { get; } = Load();

    public int Count => _seeds.Length;

    internal readonly record struct Seed(int Zone, double LonDeg, double LatDeg, double RadiusKm, string Place);

    internal IReadOnlyList<Seed> Seeds => _seeds;

    /// <summary>Zone 1–19, or null when the point is not in (or close off the coast of) Japan.</summary>
    public int? ZoneOf(double lonDeg, double latDeg)
    {
        if (!(lonDeg >= MinLon && lonDeg <= MaxLon && latDeg >= MinLat && latDeg <= MaxLat)) return null;
        // Equirectangular km at the query's latitude: exact enough to compare seeds tens of km apart.
        var kx = 111.32 * Math.Cos(latDeg * Math.PI / 180);
        const double ky = 110.57;
        var best = -1;
        var bestKm2 = double.MaxValue;
        var lons = _lon;
        var lats = _lat;
        for (var i = 0; i < lons.Length; i++)
        {
            var dx = (lonDeg - lons[i]) * kx;
            var dy = (latDeg - lats[i]) * ky;
            var km2 = dx * dx + dy * dy;
            if (km2 < bestKm2) { bestKm2 = km2; best = i; }
        }
        var radius = _seeds[best].RadiusKm;
        return bestKm2 <= radius * radius ? _seeds[best].Zone : null;
    }

    private static JapanZoneTable Load()
    {
        using var stream = typeof(JapanZoneTable).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"embedded resource {ResourceName} is missing from DxGeo.Core");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return new JapanZoneTable(Parse(reader.ReadToEnd()));
    }

    internal static Seed[] Parse(string text)
    {
        var seeds = new List<Seed>();
        var lineNo = 0;
        foreach (var raw in text.Split('\n'))
        {
            lineNo++;
            var line = raw.Trim();
            if (line.Length == 0 || line.StartsWith('#')) continue;
            var f = line.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
            var ic = CultureInfo.InvariantCulture;
            if (f.Length < 4 || !int.TryParse(f[0], NumberStyles.Integer, ic, out var zone) || zone is < 1 or > 19
                || !double.TryParse(f[1], NumberStyles.Float, ic, out var lon) || !double.TryParse(f[2], NumberStyles.Float, ic, out var lat))
                throw new InvalidDataException($"{ResourceName} line {lineNo}: expected 'zone lon lat [radiusKm] place', got '{line}'");
            var hasRadius = double.TryParse(f[3], NumberStyles.Float, ic, out var radius);
            var place = string.Join(' ', f.Skip(hasRadius ? 4 : 3));
            seeds.Add(new Seed(zone, lon, lat, hasRadius ? radius : DefaultRadiusKm, place));
        }
        return [.. seeds];
    }
}
