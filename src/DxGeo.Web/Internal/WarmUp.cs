using System.Globalization;
using System.Text.Json;

namespace DxGeo.Web.Internal;

/// <summary>
/// Sends what a first visitor's browser asks for (the page, <c>/api/config</c>, one tile near the middle of the first
/// tiled layer) through a started server once, over its own loopback address: the first request through ASP.NET
/// Core builds the routing tables and compiles the middleware, endpoint and tile code, which cost a just-started
/// server a second or more. Failures are ignored: this only saves time.
/// </summary>
internal static class WarmUp
{
    public static async Task Run(string address, CancellationToken ct)
    {
        using var http = new HttpClient { BaseAddress = new Uri(Loopback(address)), Timeout = TimeSpan.FromSeconds(30) };
        try
        {
            using (await http.GetAsync("/index.html", ct)) { }
            using var config = JsonDocument.Parse(await http.GetStringAsync("/api/config", ct));
            if (FirstTile(config.RootElement) is { } tile) using (await http.GetAsync(tile, ct)) { }
        }
        catch (Exception e) when (e is HttpRequestException or OperationCanceledException or JsonException or UriFormatException or KeyNotFoundException or InvalidOperationException) { }
    }

    /// <summary>A wildcard listen address (0.0.0.0, [::], *, +) reached through loopback.</summary>
    private static string Loopback(string address) => address
        .Replace("://0.0.0.0", "://127.0.0.1", StringComparison.Ordinal).Replace("://[::]", "://[::1]", StringComparison.Ordinal)
        .Replace("://*", "://localhost", StringComparison.Ordinal).Replace("://+", "://localhost", StringComparison.Ordinal);

    /// <summary>The z14 tile at the centre of the config's extent, of its first tiled layer.</summary>
    private static string? FirstTile(JsonElement config)
    {
        if (config.GetProperty("extent") is not { ValueKind: JsonValueKind.Array } e) return null;
        var layer = config.GetProperty("layers").EnumerateArray().FirstOrDefault(l => l.GetProperty("tiles").ValueKind == JsonValueKind.String);
        if (layer.ValueKind != JsonValueKind.Object) return null;
        var lon = (e[0].GetDouble() + e[2].GetDouble()) / 2;
        var lat = Math.Clamp((e[1].GetDouble() + e[3].GetDouble()) / 2, -85, 85) * Math.PI / 180;
        const int z = 14;
        var x = (int)Math.Floor((lon + 180) / 360 * (1 << z));
        var y = (int)Math.Floor((1 - Math.Log(Math.Tan(lat) + 1 / Math.Cos(lat)) / Math.PI) / 2 * (1 << z));
        return layer.GetProperty("tiles").GetString()!
            .Replace("{z}", z.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal)
            .Replace("{x}", x.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal)
            .Replace("{y}", y.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal);
    }
}
