using DxGeo.Core.Crs;
using DxGeo.Core.Errors;

namespace DxGeo.Core.Tests.Crs;

public class CrsRegistryTests
{
    private static readonly CrsRegistry Registry = CrsRegistry.Default;

    public static IEnumerable<int> RequiredCodes() =>
        new[] { 4326, 3857, 6668, 4612 }
            .Concat(Enumerable.Range(6669, 19)).Concat(Enumerable.Range(2443, 19)).Concat(Enumerable.Range(32651, 6));

    [Fact]
    public void Ships_every_code_the_platform_needs()
    {
        var missing = RequiredCodes().Where(c => !Registry.IsKnown(c)).ToList();
        Assert.Empty(missing);
    }

    [Fact]
    public void Shipped_wkt_is_what_gdalsrsinfo_prints_now()
    {
        // The data file is generated; prove it still matches the GDAL on this machine for a few codes.
        foreach (var code in new[] { 6677, 32654 })
        {
            var live = GdalTools.Run("gdalsrsinfo", ["-o", "wkt1", $"EPSG:{code}"]).Trim();
            Assert.Equal(live, Registry.GetWkt(code));
        }
    }

    [Theory]
    [InlineData(4326, true, "WGS 84")]
    [InlineData(6668, true, "JGD2011")]
    [InlineData(4612, true, "JGD2000")]
    [InlineData(6677, false, "JGD2011 / Japan Plane Rectangular CS IX")]
    [InlineData(2461, false, "JGD2000 / Japan Plane Rectangular CS XIX")]
    [InlineData(32654, false, "WGS 84 / UTM zone 54N")]
    [InlineData(32756, false, "WGS 84 / UTM zone 56S")]
    [InlineData(3857, false, "WGS 84 / Pseudo-Mercator")]
    public void Knows_names_and_kinds(int code, bool geographic, string name)
    {
        Assert.Equal(geographic, Registry.IsGeographic(code));
        Assert.Equal(name, Registry.Name(code));
    }

    [Fact]
    public void Unknown_code_throws_naming_it_and_listing_what_is_supported()
    {
        var e = Assert.Throws<UnknownCrsException>(() => Registry.GetWkt(27700));
        Assert.Equal(27700, e.Epsg);
        Assert.IsAssignableFrom<DxGeoException>(e);
        Assert.Contains("EPSG:27700", e.Message);
        Assert.Contains("4326", e.Message);
        Assert.Contains("6668–6687", e.Message);
        Assert.Contains("2443–2461", e.Message);
        Assert.Contains("32601–32660", e.Message);
    }

    [Fact]
    public void Every_entry_point_rejects_unknown_codes_the_same_way()
    {
        Assert.Equal(30169, Assert.Throws<UnknownCrsException>(() => Registry.CreateTransform(30169, 4326)).Epsg);
        Assert.Equal(30169, Assert.Throws<UnknownCrsException>(() => Registry.CreateTransform(4326, 30169)).Epsg);
        Assert.Equal(1, Assert.Throws<UnknownCrsException>(() => Registry.IsGeographic(1)).Epsg);
        Assert.Equal(1, Assert.Throws<UnknownCrsException>(() => Registry.Name(1)).Epsg);
        Assert.Equal(30169, Assert.Throws<UnknownCrsException>(() => MetricFrame.ForEpsg(30169)).Epsg);
        Assert.False(Registry.IsKnown(30169));
    }

    [Fact]
    public void Transforms_are_cached_and_identity_when_codes_are_equal()
    {
        Assert.Same(Registry.CreateTransform(4326, 6677), Registry.CreateTransform(4326, 6677));
        var identity = Registry.CreateTransform(6677, 6677);
        Assert.Equal((-5000.25, 12000.5), identity.Transform(-5000.25, 12000.5));
        Assert.Equal(6677, identity.SourceEpsg);
        Assert.Equal(6677, identity.TargetEpsg);
    }

    [Fact]
    public void Inverse_swaps_source_and_target()
    {
        var t = Registry.CreateTransform(4326, 6677);
        var inv = t.Inverse();
        Assert.Equal(6677, inv.SourceEpsg);
        Assert.Equal(4326, inv.TargetEpsg);
        Assert.Same(t, inv.Inverse());
    }

    [Fact]
    public void Lon_lat_of_wgs84_jgd2011_and_jgd2000_are_taken_as_the_same_as_proj_does()
    {
        // PROJ: WGS 84 → JGD2011 and JGD2000 → JGD2011 are null shifts (see the gdaltransform reference file).
        Assert.Equal((139.7671, 35.6812), Registry.CreateTransform(4326, 6668).Transform(139.7671, 35.6812));
        Assert.Equal((140.8824, 38.2601), Registry.CreateTransform(4612, 6668).Transform(140.8824, 38.2601));
        var viaWgs = Registry.CreateTransform(4326, 6677).Transform(139.7671, 35.6812);
        var viaJgd = Registry.CreateTransform(6668, 6677).Transform(139.7671, 35.6812);
        Assert.Equal(viaJgd, viaWgs);
    }

    [Fact]
    public void Zone_to_zone_goes_through_lon_lat_and_round_trips()
    {
        var t = Registry.CreateTransform(6677, 6678); // IX → X across the Fukushima/Miyagi border
        var (e, n) = t.Transform(60000, 220000);
        var (e2, n2) = t.Inverse().Transform(e, n);
        Assert.InRange(e2 - 60000, -1e-6, 1e-6);
        Assert.InRange(n2 - 220000, -1e-6, 1e-6);
        var lonLat = Registry.CreateTransform(6677, 4326).Transform(60000, 220000);
        var direct = Registry.CreateTransform(4326, 6678).Transform(lonLat.X, lonLat.Y);
        Assert.InRange(direct.X - e, -1e-6, 1e-6);
        Assert.InRange(direct.Y - n, -1e-6, 1e-6);
    }

    [Fact]
    public void A_shared_transform_gives_the_same_results_from_many_threads()
    {
        var random = new Random(42);
        var lon = Enumerable.Range(0, 20_000).Select(_ => 139 + random.NextDouble() * 2).ToArray();
        var lat = Enumerable.Range(0, 20_000).Select(_ => 35 + random.NextDouble() * 2).ToArray();
        var fresh = Registry.CreateTransform(6677, 6678); // a pair no other test uses first
        var expected = lon.Select((x, i) => Registry.CreateTransform(4326, 6677).Transform(x, lat[i])).ToArray();
        var xs = new double[lon.Length];
        var ys = new double[lon.Length];
        Parallel.For(0, 8, new ParallelOptions { MaxDegreeOfParallelism = 8 }, chunk =>
        {
            var t = Registry.CreateTransform(4326, 6677);
            for (var i = chunk; i < lon.Length; i += 8)
            {
                var (x, y) = t.Transform(lon[i], lat[i]);
                var back = t.Inverse().Transform(x, y);
                (xs[i], ys[i]) = (x, y);
                Assert.InRange(back.X - lon[i], -1e-11, 1e-11);
                _ = fresh.Transform(x, y);
            }
        });
        for (var i = 0; i < lon.Length; i++)
        {
            Assert.Equal(expected[i].X, xs[i]);
            Assert.Equal(expected[i].Y, ys[i]);
        }
    }

    [Fact]
    public void Epsg_helpers_name_the_zone_codes()
    {
        Assert.Equal(6677, Epsg.Jgd2011Zone(9));
        Assert.Equal(2451, Epsg.Jgd2000Zone(9));
        Assert.Equal(32654, Epsg.WgsUtm(54));
        Assert.Equal(32756, Epsg.WgsUtm(56, north: false));
        Assert.Equal(9, Epsg.Jgd2011ZoneOf(6677));
        Assert.Null(Epsg.Jgd2011ZoneOf(2451));
        Assert.Throws<ArgumentOutOfRangeException>(() => Epsg.Jgd2011Zone(20));
        Assert.Equal("JGD2000 / Japan Plane Rectangular CS IX", Registry.Name(Epsg.Jgd2000Zone(9)));
    }

    [Fact]
    public void Span_transform_rejects_mismatched_lengths()
    {
        var t = Registry.CreateTransform(4326, 6677);
        Assert.Throws<ArgumentException>(() => t.Transform(new double[3], new double[2]));
    }
}
