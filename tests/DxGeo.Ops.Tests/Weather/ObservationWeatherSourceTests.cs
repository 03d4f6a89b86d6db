using DxGeo.Core.Errors;
using DxGeo.Ops.Tests.Support;
using DxGeo.Ops.Weather;

namespace DxGeo.Ops.Tests.Weather;

public sealed class ObservationWeatherSourceTests
{
    [Fact]
    public async Task Nearest_station_to_the_launch_point_answers()
    {
        var src = new ObservationWeatherSource(OpsKit.SampleFile("weather-observation.json"));
        var harbour = await src.CurrentAsync(140.9645, 38.1858);
        Assert.Equal(("川湊港 anemometer", 6.1, 9.4), (harbour.Station, harbour.WindMps, harbour.GustMps));
        var inland = await src.CurrentAsync(140.9450, 38.1950);
        Assert.Equal("川湊 (AMeDAS stand-in)", inland.Station);
    }

    [Fact]
    public async Task Missing_file_and_bad_fields_are_errors_not_calm_weather()
    {
        await Assert.ThrowsAsync<DxGeoException>(() => new ObservationWeatherSource("/nonexistent/obs.json").CurrentAsync(0, 0));
        var e = Assert.Throws<InputDataException>(() => ObservationWeatherSource.Parse("""{"observed":"2026-11-25T05:00:00Z","windMps":"strong"}""", "obs.json", 0, 0));
        Assert.Equal(("obs.json", "windMps"), (e.File, e.Field));
    }
}
