using DxGeo.Core.Crs;

namespace DxGeo.Core.Tests.Crs;

/// <summary>Random points through our transforms and through gdaltransform in the same run: within 1 mm.</summary>
public class CrsLiveGdalTests
{
    [Theory]
    [InlineData(4326, 6677, 138.8, 34.5, 141.0, 37.2)]   // zone IX over its area
    [InlineData(4612, 2453, 139.3, 41.4, 141.6, 43.5)]   // JGD2000 zone XI
    [InlineData(4326, 32654, 138.0, 20.0, 144.0, 45.0)]  // UTM 54N
    [InlineData(4326, 3857, -179.0, -80.0, 179.0, 80.0)] // web mercator, worldwide
    public void Random_points_agree_with_live_gdaltransform(int source, int target, double minLon, double minLat, double maxLon, double maxLat)
    {
        var seed = Environment.TickCount;
        var random = new Random(seed);
        var lonLat = Enumerable.Range(0, 200)
            .Select(_ => (minLon + random.NextDouble() * (maxLon - minLon), minLat + random.NextDouble() * (maxLat - minLat)))
            .ToArray();
        var gdal = GdalTools.Transform(source, target, lonLat);

        var transform = CrsRegistry.Default.CreateTransform(source, target);
        var xs = lonLat.Select(p => p.Item1).ToArray();
        var ys = lonLat.Select(p => p.Item2).ToArray();
        transform.Transform(xs, ys);
        var worst = Enumerable.Range(0, xs.Length).Max(i => Math.Max(Math.Abs(xs[i] - gdal[i].X), Math.Abs(ys[i] - gdal[i].Y)));
        Assert.True(worst <= 0.001, $"seed {seed}: worst difference to gdaltransform {worst:E3} m");

        // and back: gdaltransform's projected values through our inverse land on the original lon/lat
        var inverse = transform.Inverse();
        var worstBackDeg = gdal.Select((p, i) => inverse.Transform(p.X, p.Y) is var (lon, lat)
            ? Math.Max(Math.Abs(lon - lonLat[i].Item1), Math.Abs(lat - lonLat[i].Item2)) : 0).Max();
        Assert.True(worstBackDeg <= 1e-8, $"seed {seed}: worst inverse difference {worstBackDeg:E3}°");
    }
}
