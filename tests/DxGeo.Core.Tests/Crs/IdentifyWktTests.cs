using System.Text.RegularExpressions;
using DxGeo.Core.Crs;

namespace DxGeo.Core.Tests.Crs;

public class IdentifyWktTests
{
    private static readonly CrsRegistry Registry = CrsRegistry.Default;

    [Fact]
    public void Identifies_the_gdal_wkt1_of_every_shipped_code()
    {
        foreach (var code in Registry.Codes)
            Assert.True(Registry.IdentifyWkt(Registry.GetWkt(code)) == code, $"EPSG:{code}");
    }

    [Fact]
    public void Identifies_wkt1_without_authority_by_content()
    {
        foreach (var code in Registry.Codes)
        {
            var anonymous = StripAuthorities(Registry.GetWkt(code)).Replace(Registry.Name(code), "Unnamed", StringComparison.Ordinal);
            Assert.True(Registry.IdentifyWkt(anonymous) == code, $"EPSG:{code}: {anonymous}");
        }
    }

    [Fact]
    public void Identifies_the_esri_wkt_of_every_shipped_code()
    {
        var esri = CrsTestData.EsriWkt();
        Assert.Equal(Registry.Codes.Count, esri.Count);
        foreach (var (code, wkt) in esri)
            Assert.True(Registry.IdentifyWkt(wkt) == code, $"EPSG:{code}: {wkt}");
    }

    [Fact]
    public void Identifies_esri_wkt_with_an_unfamiliar_name_by_its_parameters()
    {
        foreach (var (code, wkt) in CrsTestData.EsriWkt())
        {
            var renamed = Regex.Replace(wkt, @"^(PROJCS|GEOGCS)\[""[^""]*""", "$1[\"Site_grid\"", RegexOptions.None);
            Assert.True(Registry.IdentifyWkt(renamed) == code, $"EPSG:{code}: {renamed}");
        }
    }

    [Fact]
    public void Identifies_a_prj_written_by_live_gdalsrsinfo_in_esri_form()
    {
        var prj = GdalTools.Run("gdalsrsinfo", ["-o", "wkt_esri", "EPSG:6677"]).Trim();
        Assert.Contains("JGD_2011_Japan_Zone_9", prj);
        Assert.Equal(6677, Registry.IdentifyWkt(prj));
    }

    [Fact]
    public void Identifies_wkt2_by_its_id_as_newer_geopackages_carry_it()
    {
        var wkt2 = GdalTools.Run("gdalsrsinfo", ["-o", "wkt2", "EPSG:2451"]).Trim();
        Assert.StartsWith("PROJCRS[", wkt2);
        Assert.Equal(2451, Registry.IdentifyWkt(wkt2));
    }

    [Fact]
    public void Identifies_single_line_prj_text_as_shapefiles_carry_it()
    {
        var oneLine = Regex.Replace(CrsTestData.EsriWkt()[2451], @"\s*\n\s*", "");
        Assert.Equal(2451, Registry.IdentifyWkt(oneLine));
    }

    [Fact]
    public void Tokyo_datum_zone_with_the_same_parameters_is_not_mistaken_for_jgd()
    {
        const string tokyoZone9 = """
            PROJCS["Japan_Zone_9",GEOGCS["GCS_Tokyo",DATUM["D_Tokyo",SPHEROID["Bessel_1841",6377397.155,299.1528128]],
            PRIMEM["Greenwich",0.0],UNIT["Degree",0.0174532925199433]],PROJECTION["Transverse_Mercator"],
            PARAMETER["False_Easting",0.0],PARAMETER["False_Northing",0.0],PARAMETER["Central_Meridian",139.833333333333],
            PARAMETER["Scale_Factor",0.9999],PARAMETER["Latitude_Of_Origin",36.0],UNIT["Meter",1.0]]
            """;
        Assert.Null(Registry.IdentifyWkt(tokyoZone9));
    }

    [Fact]
    public void A_jgd_zone_with_a_different_origin_is_unknown()
    {
        var shifted = CrsTestData.EsriWkt()[6677].Replace("139.833333333333", "139.5", StringComparison.Ordinal)
            .Replace("JGD_2011_Japan_Zone_9", "Custom", StringComparison.Ordinal);
        Assert.Null(Registry.IdentifyWkt(shifted));
    }

    [Theory]
    [InlineData("")]
    [InlineData("not wkt at all")]
    [InlineData("PROJCS[\"broken\",GEOGCS[")]
    [InlineData("GEOGCS[\"Tokyo\",DATUM[\"Tokyo\",SPHEROID[\"Bessel 1841\",6377397.155,299.1528128]],AUTHORITY[\"EPSG\",\"4301\"]]")]
    public void Unknown_or_malformed_wkt_gives_null(string wkt)
    {
        Assert.Null(Registry.IdentifyWkt(wkt));
    }

    private static string StripAuthorities(string wkt) => Regex.Replace(wkt, @",\s*AUTHORITY\[""EPSG"",""\d+""\]", "");
}
