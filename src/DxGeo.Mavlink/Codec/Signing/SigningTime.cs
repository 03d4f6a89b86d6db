namespace DxGeo.Mavlink.Codec.Signing;

/// <summary>MAVLink signing timestamps: 10 µs units since 2015-01-01 00:00:00 UTC, 48 bits.</summary>
public static class SigningTime
{
    public static readonly DateTimeOffset Epoch = new(2015, 1, 1, 0, 0, 0, TimeSpan.Zero);
    /// <summary>Timestamp units per second.</summary>
    public const ulong UnitsPerSecond = 100_000;

    public static ulong From(DateTimeOffset t) => (ulong)Math.Max(0, (t - Epoch).Ticks / 100);

    public static DateTimeOffset ToDateTime(ulong timestamp) => Epoch.AddTicks((long)timestamp * 100);
}
