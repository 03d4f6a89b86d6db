using System.Globalization;
using System.Text.Json;
using DxGeo.Core.Errors;

namespace DxGeo.Ops.Weather;

/// <summary>
/// Reads the latest observation from a JSON file or an HTTP(S) endpoint each time it is asked (a local AMeDAS relay,
/// an anemometer at the launch site). Format: <c>{"observed": ISO time, "windMps", "gustMps", "precipitationMmPerH",
/// "station"}</c>, or <c>{"observations": [ … ]}</c> of which the one nearest the launch point (by "lon"/"lat") is used.
/// </summary>
public sealed class ObservationWeatherSource(string fileOrUrl, HttpClient? http = null) : IWeatherSource
{
    public string Description => $"observation {fileOrUrl}";

    public async Task<WeatherObservation> CurrentAsync(double lonDeg, double latDeg, CancellationToken ct = default)
    {
        string text;
        try
        {
            text = fileOrUrl.StartsWith("http://", StringComparison.OrdinalIgnoreCase) || fileOrUrl.StartsWith("https://", StringComparison.OrdinalIgnoreCase)
                ? await (http ?? Shared).GetStringAsync(fileOrUrl, ct)
                : await File.ReadAllTextAsync(fileOrUrl, ct);
        }
        catch (Exception e) when (e is IOException or HttpRequestException or UnauthorizedAccessException or TaskCanceledException && !ct.IsCancellationRequested)
        {
            throw new DxGeoException($"weather observation {fileOrUrl} unavailable: {e.Message}", e);
        }
        return Parse(text, fileOrUrl, lonDeg, latDeg);
    }

    private static readonly HttpClient Shared = new() { Timeout = TimeSpan.FromSeconds(5) };

    public static WeatherObservation Parse(string text, string source, double lonDeg, double latDeg)
    {
        JsonDocument doc;
        try { doc = JsonDocument.Parse(text); }
        catch (JsonException e) { throw new InputDataException($"invalid JSON: {e.Message}", source); }
        using (doc)
        {
            var root = doc.RootElement;
            if (root.TryGetProperty("observations", out var list) && list.ValueKind == JsonValueKind.Array)
            {
                var all = list.EnumerateArray().Select((o, i) => (One(o, source, i), Lon: Num(o, "lon", source, i), Lat: Num(o, "lat", source, i))).ToList();
                if (all.Count == 0) throw new InputDataException("no observations", source, field: "observations");
                var k = Math.Cos(latDeg * Math.PI / 180); // compare degrees on a locally scaled plane: only the ranking matters
                return all.MinBy(o => Math.Pow((o.Lon - lonDeg) * k, 2) + Math.Pow(o.Lat - latDeg, 2)).Item1;
            }
            return One(root, source, null);
        }
    }

    private static WeatherObservation One(JsonElement o, string source, int? index)
    {
        var observed = o.TryGetProperty("observed", out var t) && DateTimeOffset.TryParse(t.GetString(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at)
            ? at : throw new InputDataException("missing or not an ISO 8601 time", source, index, field: "observed");
        var wind = Num(o, "windMps", source, index);
        var gust = o.TryGetProperty("gustMps", out _) ? Num(o, "gustMps", source, index) : wind;
        var rain = o.TryGetProperty("precipitationMmPerH", out _) ? Num(o, "precipitationMmPerH", source, index) : 0;
        var station = o.TryGetProperty("station", out var s) ? s.GetString() ?? source : source;
        return new WeatherObservation(observed.ToUniversalTime(), wind, gust, rain, station);
    }

    private static double Num(JsonElement o, string f, string source, int? index) =>
        o.TryGetProperty(f, out var v) && v.ValueKind == JsonValueKind.Number && v.GetDouble() is var d && d >= (f is "lon" or "lat" ? double.MinValue : 0)
            ? d : throw new InputDataException("missing, not a number or negative", source, index, field: f);
}
