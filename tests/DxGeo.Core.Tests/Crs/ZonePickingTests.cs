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
}
