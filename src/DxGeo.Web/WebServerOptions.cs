namespace DxGeo.Web;

/// <summary>How <see cref="DxGeoWebServer"/> serves a workspace.</summary>
public sealed record WebServerOptions
{
    /// <summary>Listen addresses, e.g. "http://127.0.0.1:5000" (several separated by ';').</summary>
    public string Urls { get; init; } = "http://127.0.0.1:5000";

    /// <summary>Base map XYZ URL template for the web app ({z}/{x}/{y}); null or empty = no base map (works offline).</summary>
    public string? BaseMapUrl { get; init; } = DefaultBaseMapUrl;

    /// <summary>Attribution shown with the base map.</summary>
    public string? BaseMapAttribution { get; init; } = "地理院タイル (GSI Japan)";

    /// <summary>Items per page when the client gives no limit.</summary>
    public int DefaultLimit { get; init; } = 100;

    /// <summary>Largest page; a larger requested limit is clamped to it (OGC API Features /rec/core/fc-limit-response).</summary>
    public int MaxLimit { get; init; } = 10_000;

    /// <summary>Tiles kept in memory (per layer/z/x/y), both raw and gzip.</summary>
    public int TileCacheEntries { get; init; } = 4096;

    /// <summary>The GSI standard map of Japan (地理院地図 標準地図).</summary>
    public const string DefaultBaseMapUrl = "https://cyberjapandata.gsi.go.jp/xyz/std/{z}/{x}/{y}.png";
}
