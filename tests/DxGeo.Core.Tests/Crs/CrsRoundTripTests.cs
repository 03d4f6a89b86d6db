using DxGeo.Core.Crs;

namespace DxGeo.Core.Tests.Crs;

public class CrsRoundTripTests
{
    public static TheoryData<int> ProjectedCodes()
    {
        var data = new TheoryData<int>();
        foreach (var c in CrsRegistry.Default.Codes.Where(c => !CrsRegistry.Default.IsGeographic(c) && c is < 32600 or (>= 32651 and <= 32656)))
            data.Add(c);
        return data;
    }

    [Theory]
    [MemberData(nameof(ProjectedCodes))]
    public void Lon_lat_round_trips_through_each_projected_crs_within_a_micrometre(int code)
    {
        var registry = CrsRegistry.Default;
        var toMetric = registry.CreateTransform(Epsg.Wgs84, code);
        var back = toMetric.Inverse();
        var random = new Random(code);
        // points around where the CRS is used: its origin's neighbourhood (±1.5° lon, ±1.5° lat)
        var (lon0, lat0) = back.Transform(code == Epsg.WebMercator ? 15_550_000 : code > 32600 ? 500_000 : 0, code > 32600 || code == 3857 ? 4_000_000 : 0);
        var xs = Enumerable.Range(0, 1000).Select(_ => lon0 + (random.NextDouble() - 0.5) * 3).ToArray();
        var ys = Enumerable.Range(0, 1000).Select(_ => Math.Clamp(lat0 + (random.NextDouble() - 0.5) * 3, -80, 80)).ToArray();
        var (lons, lats) = (xs.ToArray(), ys.ToArray());
        toMetric.Transform(xs, ys);
        back.Transform(xs, ys);
        for (var i = 0; i < xs.Length; i++)
        {
            // 1e-11° ≈ 1 µm
            Assert.True(Math.Abs(xs[i] - lons[i]) < 1e-11 && Math.Abs(ys[i] - lats[i]) < 1e-11,
                $"EPSG:{code} ({lons[i]}, {lats[i]}) came back as ({xs[i]}, {ys[i]})");
        }
    }
}
