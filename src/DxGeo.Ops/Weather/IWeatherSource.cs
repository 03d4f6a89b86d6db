namespace DxGeo.Ops.Weather;

/// <summary>Surface weather at a place and time: mean wind and gusts (m/s, 10 m), precipitation (mm/h).</summary>
public sealed record WeatherObservation(DateTimeOffset ObservedUtc, double WindMps, double GustMps, double PrecipitationMmPerH, string Station);

/// <summary>Where the gate and the in-flight wind check get the weather from (an observation file or endpoint, or a
/// simulation). Sources throw <see cref="Core.Errors.DxGeoException"/> when they cannot answer; the gate turns that into
/// a no-go, never a launch.</summary>
public interface IWeatherSource
{
    string Description { get; }
    Task<WeatherObservation> CurrentAsync(double lonDeg, double latDeg, CancellationToken ct = default);
}
