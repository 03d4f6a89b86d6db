using DxGeo.Core.Errors;
using DxGeo.Core.Mesh;

namespace DxGeo.Core.Tests.Mesh;

// Expected codes come from published references and are re-derived by hand from the JIS X 0410 formulas:
//   1st  p = ⌊lat × 1.5⌋ (lat in 40′ steps), u = ⌊lon⌋ − 100
//   2nd  q = ⌊(lat′ mod 40′) / 5′⌋,  v = ⌊(lon′ mod 60′) / 7.5′⌋            (0–7, from the south / west)
//   3rd  r = ⌊(lat″ mod 300″) / 30″⌋, w = ⌊(lon″ mod 450″) / 45″⌋           (0–9)
//   half / quarter: split the cell 2 × 2, digit = 1 SW, 2 SE, 3 NW, 4 NE (Statistics Bureau 分割地域メッシュ)
public class JisMeshCodeTests
{
    // Tokyo Tower (35.658581 N, 139.745433 E): codes published in the test suite of the jismesh library.
    //   lat × 1.5 = 53.488 → p 53; lon → u 39                              → 5339
    //   lat′ = 2139.5149′, minus 53 × 40′ = 19.5149′ → q = 3, rest 4.5149′ = 270.89″
    //   lon′ = 0.745433° × 60 = 44.7260′ → v = 5, rest 7.2260′ = 433.56″     → 533935
    //   r = ⌊270.89 / 30⌋ = 9 (rest 0.89″);  w = ⌊433.56 / 45⌋ = 9 (rest 28.56″) → 53393599
    //   half: 0.89″ < 15″ south, 28.56″ ≥ 22.5″ east → 2                    → 533935992
    //   quarter: 0.89″ < 7.5″ south, 28.56 − 22.5 = 6.06″ < 11.25″ west → 1 → 5339359921
    [Theory]
    [InlineData(MeshLevel.First, "5339")]
    [InlineData(MeshLevel.Second, "533935")]
    [InlineData(MeshLevel.Third, "53393599")]
    [InlineData(MeshLevel.Half, "533935992")]
    [InlineData(MeshLevel.Quarter, "5339359921")]
    public void Tokyo_Tower_gets_its_published_codes(MeshLevel level, string expected) =>
        Assert.Equal(expected, JisMesh.FromLonLat(139.745433, 35.658581, level).ToString());

    // Kyoto Tower (34.987574 N, 135.759363 E), same source.
    //   lat × 1.5 = 52.48 → 52; u 35 → 5235. lat′ 2099.2544 − 2080 = 19.2544′ → q 3, rest 255.27″
    //   lon′ 45.5618′ → v 6, rest 33.71″ → 523536.  r = 8 (rest 15.27″), w = 0 (rest 33.71″) → 52353680
    //   half: 15.27 ≥ 15 north, 33.71 ≥ 22.5 east → 4.  quarter: 0.27 < 7.5 south, 11.21 < 11.25 west → 1
    [Theory]
    [InlineData(MeshLevel.First, "5235")]
    [InlineData(MeshLevel.Second, "523536")]
    [InlineData(MeshLevel.Third, "52353680")]
    [InlineData(MeshLevel.Half, "523536804")]
    [InlineData(MeshLevel.Quarter, "5235368041")]
    public void Kyoto_Tower_gets_its_published_codes(MeshLevel level, string expected) =>
        Assert.Equal(expected, JisMesh.FromLonLat(135.759363, 34.987574, level).ToString());

    // Tokyo Station (35.681236 N, 139.767125 E): third mesh 53394611 is the usual published example.
    //   lat′ 2140.8742 − 2120 = 20.8742′ → q 4, rest 52.45″; lon′ 46.0275′ → v 6, rest 61.65″
    //   r = 1 (rest 22.45″), w = 1 (rest 16.65″) → 53394611
    //   half: 22.45 ≥ 15 north, 16.65 < 22.5 west → 3; quarter: 7.45 < 7.5 south, 16.65 ≥ 11.25 east → 2
    [Theory]
    [InlineData(MeshLevel.Second, "533946")]
    [InlineData(MeshLevel.Third, "53394611")]
    [InlineData(MeshLevel.Half, "533946113")]
    [InlineData(MeshLevel.Quarter, "5339461132")]
    public void Tokyo_Station_is_in_53394611(MeshLevel level, string expected) =>
        Assert.Equal(expected, JisMesh.FromLonLat(139.767125, 35.681236, level).ToString());

    // First meshes printed on the Statistics Bureau's index map: Sapporo 6441, Naha 3927, Osaka 5235, Fukuoka 5030.
    [Theory]
    [InlineData(141.3469, 43.0642, "6441")] // Sapporo city hall: 43.0642 × 1.5 = 64.60
    [InlineData(127.6809, 26.2124, "3927")] // Naha city hall: 26.2124 × 1.5 = 39.32
    [InlineData(135.5022, 34.6937, "5235")] // Osaka city hall: 34.6937 × 1.5 = 52.04
    [InlineData(130.4017, 33.5902, "5030")] // Fukuoka city hall: 33.5902 × 1.5 = 50.39
    public void City_halls_fall_in_their_first_meshes(double lon, double lat, string expected) =>
        Assert.Equal(expected, JisMesh.FromLonLat(lon, lat, MeshLevel.First).ToString());

    [Fact]
    public void A_point_on_a_boundary_belongs_to_the_cell_north_and_east_of_it()
    {
        // 36° N is the 1st-mesh row boundary 54 × 40′; 140° E the column boundary u = 40.
        Assert.Equal("5440", JisMesh.FromLonLat(140.0, 36.0, MeshLevel.First).ToString());
        Assert.Equal("5339", JisMesh.FromLonLat(139.9999999, 35.9999999, MeshLevel.First).ToString());
        // 35°40′ N (= 35.6666…, not exactly representable) is the 2nd-mesh row boundary q = 4 of 5339.
        Assert.Equal("533940", JisMesh.FromLonLat(139.0, 35.0 + 40.0 / 60.0, MeshLevel.Second).ToString());
    }

    [Theory]
    [InlineData(99.99, 35.0)]
    [InlineData(200.0, 35.0)]
    [InlineData(139.0, -0.1)]
    [InlineData(139.0, 66.67)]
    [InlineData(double.NaN, 35.0)]
    public void Points_outside_the_system_are_refused(double lon, double lat)
    {
        var e = Assert.Throws<DxGeoException>(() => JisMesh.FromLonLat(lon, lat, MeshLevel.Third));
        Assert.Contains("outside the JIS X 0410 mesh system", e.Message);
    }

    [Fact]
    public void Codes_print_dashed_as_in_the_published_tables()
    {
        Assert.Equal("5339-46-11-3-2", JisMesh.Parse("5339461132").ToDashed());
        Assert.Equal("5339-46", JisMesh.Parse("533946").ToDashed());
    }
}
