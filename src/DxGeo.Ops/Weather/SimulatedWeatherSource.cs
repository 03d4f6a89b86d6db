namespace DxGeo.Ops.Weather;

/// <summary>Weather for simulations and tests: fixed values, changeable while a flight runs (e.g. the wind picks up).</summary>
public sealed class SimulatedWeatherSource(double windMps = 3, double? gustMps = null, double precipitationMmPerH = 0) : IWeatherSource
{
    private volatile WeatherObservation _now = new(DateTimeOffset.UtcNow, windMps, gustMps ?? windMps * 1.4, precipitationMmPerH, "simulated");

    public string Description => "simulated weather";

    public void Set(double windMps, double? gustMps = null, double? precipitationMmPerH = null) =>
        _now = new WeatherObservation(DateTimeOffset.UtcNow, windMps, gustMps ?? windMps * 1.4, precipitationMmPerH ?? _now.PrecipitationMmPerH, "simulated");

    public Task<WeatherObservation> CurrentAsync(double lonDeg, double latDeg, CancellationToken ct = default) =>
        Task.FromResult(_now with { ObservedUtc = DateTimeOffset.UtcNow });
}
