using DxGeo.Core.Crs;

namespace DxGeo.Core.Tests.Crs;

/// <summary>
/// PickMetricCrs against the legal zone assignment (MLIT notice: zones by prefecture, Hokkaido by sub-prefecture,
/// remote islands by lon/lat box). Places are city halls / stations, looked up independently of the seed table.
/// </summary>
public class ZonePickingTests
{
    [Theory]
    [InlineData("Tokyo Station", 139.7671, 35.6812, 6677)]
    [InlineData("Sapporo Station", 141.3508, 43.0687, 6680)]
    [InlineData("Osaka Station", 135.4959, 34.7025, 6674)]
    [InlineData("Hakata Station, Fukuoka", 130.4207, 33.5897, 6670)]
    [InlineData("Sendai Station, Miyagi", 140.8824, 38.2601, 6678)]
    [InlineData("Naha, Okinawa", 127.6792, 26.2124, 6683)]
    [InlineData("Kagoshima-Chuo Station", 130.5413, 31.5839, 6670)]
    [InlineData("Niigata Station", 139.0610, 37.9120, 6676)]
    [InlineData("Nagoya Station", 136.8815, 35.1709, 6675)]
    [InlineData("Hiroshima Station", 132.4753, 34.3975, 6671)]
    [InlineData("Kochi Station", 133.5436, 33.5672, 6672)]
    public void Picks_the_plane_rectangular_zone_of_prefectural_capitals(string place, double lon, double lat, int expected)
    {
        Assert.True(expected == CrsRegistry.Default.PickMetricCrs(lon, lat), place);
    }

    [Theory]
    [InlineData("Seoul", 126.978, 37.566, 32652)]
    [InlineData("Busan", 129.075, 35.180, 32652)]
    [InlineData("Taipei", 121.565, 25.033, 32651)]
    [InlineData("Vladivostok", 131.886, 43.116, 32652)]
    [InlineData("London", -0.128, 51.507, 32630)]
    [InlineData("Sydney", 151.209, -33.868, 32756)]
    [InlineData("Bergen (Norway exception)", 5.322, 60.391, 32632)]
    public void Outside_Japan_picks_utm_by_longitude(string place, double lon, double lat, int expected)
    {
        Assert.True(expected == CrsRegistry.Default.PickMetricCrs(lon, lat), place);
    }

    [Theory]
    // Kyushu: Nagasaki is zone I, its neighbours II; Kagoshima's islands west of 130°E are I
    [InlineData("Unzen, Nagasaki", 130.262, 32.752, 6669)]
    [InlineData("Hasami, Nagasaki", 129.895, 33.138, 6669)]
    [InlineData("Arita, Saga", 129.885, 33.195, 6670)]
    [InlineData("Naze, Amami Oshima", 129.494, 28.377, 6669)]
    [InlineData("Kamikoshiki island", 129.860, 31.830, 6669)]
    [InlineData("Miyanoura, Yakushima", 130.628, 30.427, 6670)]
    [InlineData("Nishinoomote, Tanegashima", 130.997, 30.732, 6670)]
    [InlineData("Moji Port, Kitakyushu", 130.962, 33.945, 6670)]
    [InlineData("Shimonoseki Station", 130.922, 33.950, 6671)]
    // Chugoku / Shikoku / Kansai borders
    [InlineData("Tomonoura, Fukuyama (Hiroshima)", 133.383, 34.383, 6671)]
    [InlineData("Kasaoka Station (Okayama)", 133.507, 34.505, 6673)]
    [InlineData("Yonago Station (Tottori)", 133.333, 35.424, 6673)]
    [InlineData("Matsue Castle (Shimane)", 133.051, 35.475, 6671)]
    [InlineData("Omishima island (Ehime)", 133.010, 34.240, 6672)]
    [InlineData("Innoshima (Hiroshima)", 133.180, 34.320, 6671)]
    [InlineData("Sannomiya, Kobe", 135.195, 34.695, 6673)]
    [InlineData("Himeji Castle", 134.694, 34.839, 6673)]
    [InlineData("Kyoto Station", 135.758, 34.985, 6674)]
    [InlineData("Wakayama Castle", 135.171, 34.227, 6674)]
    [InlineData("Kumano Hongu shrine (Wakayama)", 135.773, 33.840, 6674)]
    // Chubu borders
    [InlineData("Kuwana Station (Mie)", 136.684, 35.065, 6674)]
    [InlineData("Toyohashi Station (Aichi)", 137.382, 34.763, 6675)]
    [InlineData("Hamamatsu Station (Shizuoka)", 137.735, 34.704, 6676)]
    [InlineData("Kanazawa Station (Ishikawa)", 136.648, 36.578, 6675)]
    [InlineData("Fukui Station", 136.224, 36.062, 6674)]
    [InlineData("Takayama Station (Gifu)", 137.252, 36.141, 6675)]
    [InlineData("Matsumoto Castle (Nagano)", 137.969, 36.239, 6676)]
    [InlineData("Itoigawa Station (Niigata)", 137.862, 37.044, 6676)]
    [InlineData("Mount Fuji summit", 138.727, 35.363, 6676)]
    [InlineData("Kofu Station (Yamanashi)", 138.569, 35.667, 6676)]
    // Kanto / Tohoku borders
    [InlineData("Atami Station (Shizuoka)", 139.078, 35.104, 6676)]
    [InlineData("Hakone-Yumoto (Kanagawa)", 139.104, 35.233, 6677)]
    [InlineData("Kusatsu Onsen (Gunma)", 138.596, 36.622, 6677)]
    [InlineData("Karuizawa Station (Nagano)", 138.636, 36.342, 6676)]
    [InlineData("Nikko Toshogu (Tochigi)", 139.599, 36.758, 6677)]
    [InlineData("Aizuwakamatsu (Fukushima)", 139.930, 37.495, 6677)]
    [InlineData("Yonezawa (Yamagata)", 140.116, 37.922, 6678)]
    [InlineData("Choshi (Chiba)", 140.827, 35.735, 6677)]
    [InlineData("Hirosaki Castle (Aomori)", 140.464, 40.608, 6678)]
    [InlineData("Hachijojima (Tokyo)", 139.785, 33.110, 6677)]
    // Hokkaido: XI west, XII centre, XIII east
    [InlineData("Hakodate Station", 140.727, 41.773, 6679)]
    [InlineData("Otaru Station", 140.993, 43.198, 6679)]
    [InlineData("Niseko", 140.687, 42.805, 6679)]
    [InlineData("Toyako Onsen", 140.815, 42.565, 6679)]
    [InlineData("Muroran Station", 140.974, 42.317, 6680)]
    [InlineData("Tomakomai Station", 141.604, 42.638, 6680)]
    [InlineData("Asahikawa Station", 142.355, 43.763, 6680)]
    [InlineData("Wakkanai Station", 141.677, 45.416, 6680)]
    [InlineData("Cape Erimo", 143.246, 41.926, 6680)]
    [InlineData("Obihiro Station", 143.203, 42.918, 6681)]
    [InlineData("Kushiro Station", 144.382, 42.990, 6681)]
    [InlineData("Abashiri Station", 144.273, 44.018, 6681)]
    [InlineData("Nemuro Station", 145.572, 43.328, 6681)]
    // remote islands by the legal lon/lat boxes
    [InlineData("Chichijima (Ogasawara)", 142.192, 27.094, 6682)]
    [InlineData("Iwoto", 141.323, 24.784, 6682)]
    [InlineData("Kumejima (Okinawa)", 126.805, 26.342, 6683)]
    [InlineData("Ishigaki (Okinawa, west of 126°E)", 124.156, 24.340, 6684)]
    [InlineData("Miyakojima", 125.281, 24.806, 6684)]
    [InlineData("Yonaguni", 123.004, 24.468, 6684)]
    [InlineData("Minamidaitojima (east of 130°E)", 131.237, 25.846, 6685)]
    [InlineData("Okinotorishima", 136.082, 20.425, 6686)]
    [InlineData("Minamitorishima", 153.981, 24.286, 6687)]
    public void Picks_the_zone_at_borders_and_on_islands(string place, double lon, double lat, int expected)
    {
        Assert.True(expected == CrsRegistry.Default.PickMetricCrs(lon, lat),
            $"{place}: expected {expected}, got {CrsRegistry.Default.PickMetricCrs(lon, lat)}");
    }

    [Fact]
    public void Seed_table_places_lie_within_reach_of_their_zone_origin()
    {
        // Catches typos in the data table: every seed must project to |E| < 160 km in its own zone.
        foreach (var seed in DxGeo.Core.Crs.Internal.JapanZoneTable.Default.Seeds)
        {
            var (e, _) = CrsRegistry.Default.CreateTransform(Epsg.Wgs84, Epsg.Jgd2011Zone(seed.Zone)).Transform(seed.LonDeg, seed.LatDeg);
            Assert.True(Math.Abs(e) < 160_000, $"{seed.Place} (zone {seed.Zone}) is {e / 1000:F0} km from its zone's meridian");
        }
    }

    [Fact]
    public void Remote_island_seeds_respect_the_legal_boxes()
    {
        foreach (var s in DxGeo.Core.Crs.Internal.JapanZoneTable.Default.Seeds)
        {
            var ok = s.Zone switch
            {
                14 => s.LatDeg < 28 && s.LonDeg is >= 140.5 and < 143,
                15 => s.LonDeg is >= 126 and <= 130 && s.LatDeg < 27.5,
                16 => s.LonDeg < 126,
                17 => s.LonDeg > 130 && s.LatDeg < 27,
                18 => s.LatDeg < 28 && s.LonDeg < 140.5,
                19 => s.LatDeg < 28 && s.LonDeg >= 143,
                _ => s.LatDeg >= 27 || s.LonDeg is > 128 and < 131 || s.LatDeg > 32, // mainland and Kagoshima islands
            };
            Assert.True(ok, $"{s.Place}: zone {s.Zone} at ({s.LonDeg}, {s.LatDeg})");
        }
    }

    [Theory]
    [InlineData(135.0, 30.0)]  // Pacific, south of Shikoku
    [InlineData(134.0, 40.0)]  // Sea of Japan, middle
    [InlineData(129.0, 35.5)]  // Korea Strait near Busan
    public void Open_sea_far_from_japan_is_not_given_a_jgd_zone(double lon, double lat)
    {
        var code = CrsRegistry.Default.PickMetricCrs(lon, lat);
        Assert.InRange(code, 32601, 32660);
    }
}
