using DxGeo.Core.Assets.Layers;
using DxGeo.Core.Errors;
using DxGeo.Core.Import;

namespace DxGeo.Core.Tests.Import;

public sealed class MappingTests
{
    private static readonly Features.LayerSchema Pipes = AssetLayers.Pipes.Schema;

    [Fact]
    public void Field_mapping_accepts_unique_prefixes_and_repeated_options()
    {
        var m = FieldMapping.Parse("material=KANSHU, diameter=KOKEI", "install_year=布設年度");
        Assert.Equal([("material", "KANSHU"), ("diameter", "KOKEI"), ("install_year", "布設年度")], m.Pairs);
        var resolved = m.Resolve(Pipes);
        Assert.Equal("KOKEI", resolved[Pipes.IndexOf("diameter_mm")]);
    }

    [Theory]
    [InlineData("material", "not field=COLUMN")]
    [InlineData("=KANSHU", "not field=COLUMN")]
    [InlineData("material=A,material=B", "mapped twice")]
    public void Field_mapping_syntax_errors_name_the_part(string spec, string reason)
    {
        Assert.Contains(reason, Assert.Throws<DxGeoException>(() => FieldMapping.Parse(spec)).Message);
    }

    [Theory]
    [InlineData("colour=IRO", "has no field 'colour'")]
    [InlineData("install=X", "could be any of install_year, install_year_imputed")]
    public void Field_mapping_against_the_layer_names_bad_fields(string spec, string reason)
    {
        Assert.Contains(reason, Assert.Throws<DxGeoException>(() => FieldMapping.Parse(spec).Resolve(Pipes)).Message);
    }

    [Fact]
    public void Value_mapping_matches_normalised_text_numbers_and_wildcard()
    {
        var map = ValueMapping.Parse("material:ダクタイル鋳鉄=DCIP;ｴﾝﾋﾞ=VP;1=SP;不明=;*=UNK,status:廃止=abandoned").Resolve(Pipes);
        var material = map[Pipes.IndexOf("material")];
        Assert.True(ValueMapping.TryMap(material, " ダクタイル鋳鉄 ", out var a));
        Assert.Equal("DCIP", a);
        Assert.True(ValueMapping.TryMap(material, "エンビ", out var b)); // full-width matches the half-width key
        Assert.Equal("VP", b);
        Assert.True(ValueMapping.TryMap(material, 1L, out var c));
        Assert.Equal("SP", c);
        Assert.True(ValueMapping.TryMap(material, "不明", out var d));
        Assert.Null(d);
        Assert.True(ValueMapping.TryMap(material, "石綿", out var e));
        Assert.Equal("UNK", e);
        Assert.False(ValueMapping.TryMap(material, null, out _));
        Assert.True(map.ContainsKey(Pipes.IndexOf("status")));
    }

    [Theory]
    [InlineData("material", "not field:THEIRS=OURS")]
    [InlineData("material:鋳鉄", "not THEIRS=OURS")]
    [InlineData("material:鋳鉄=CIP;鋳鉄=DCIP", "mapped twice")]
    public void Value_mapping_syntax_errors_name_the_part(string spec, string reason)
    {
        Assert.Contains(reason, Assert.Throws<DxGeoException>(() => ValueMapping.Parse(spec)).Message);
    }

    [Theory]
    [InlineData("S53", 1978)]
    [InlineData("昭和53年", 1978)]
    [InlineData("平成元年度", 1989)]
    [InlineData("Ｈ１３", 2001)]
    [InlineData("R5", 2023)]
    [InlineData("1,978", 1978)]
    public void Integer_fields_read_japanese_era_years_and_full_width_digits(string text, long year)
    {
        Assert.Null(Core.Import.Internal.ValueConverter.TryConvert(Features.FieldType.Integer, text, out var v));
        Assert.Equal(year, v);
    }

    [Theory]
    [InlineData("H13.4.1", 2001, 4, 1)]
    [InlineData("令和2年12月31日", 2020, 12, 31)]
    [InlineData("2001/4/1", 2001, 4, 1)]
    [InlineData("20010401", 2001, 4, 1)]
    public void Date_fields_read_ledger_formats(string text, int y, int m, int d)
    {
        Assert.Null(Core.Import.Internal.ValueConverter.TryConvert(Features.FieldType.Date, text, out var v));
        Assert.Equal(new DateOnly(y, m, d), v);
    }

    [Fact]
    public void Unreadable_values_give_a_reason()
    {
        Assert.Contains("not an integer", Core.Import.Internal.ValueConverter.TryConvert(Features.FieldType.Integer, "150mm", out _));
        Assert.Contains("not a date", Core.Import.Internal.ValueConverter.TryConvert(Features.FieldType.Date, "H13.2.30", out _));
        Assert.Contains("not a boolean", Core.Import.Internal.ValueConverter.TryConvert(Features.FieldType.Boolean, "maybe", out _));
    }
}
