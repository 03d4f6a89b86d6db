using System.Text;
using DxGeo.Core.Errors;
using DxGeo.Ops.Missions;
using DxGeo.Ops.Tests.Support;
using DxGeo.Ops.Triggers;

namespace DxGeo.Ops.Tests.Triggers;

public sealed class AlertParserTests
{
    [Fact]
    public void Jma_tsunami_report_gives_kind_per_area_levels_and_a_stable_id()
    {
        var a = AlertParser.ParseFile(OpsKit.SampleFile("tsunami-warning-kawaminato.xml"));
        Assert.Equal("tsunami", a.Kind);
        Assert.Equal("jma:20261125135800:20261125T050000Z", a.Id);
        Assert.Equal(DateTimeOffset.Parse("2026-11-25T05:00:00Z"), a.IssuedUtc);
        Assert.Equal([new AlertArea("220", "宮城県", AlertLevel.Warning), new AlertArea("250", "福島県", AlertLevel.Advisory)], a.Areas);
        Assert.Equal(AlertLevel.Warning, a.Level);
        Assert.False(a.IsCancellation || a.IsTest);
    }

    [Fact]
    public void Trigger_matches_by_area_code_or_name_at_or_above_its_level()
    {
        var a = AlertParser.ParseFile(OpsKit.SampleFile("tsunami-warning-kawaminato.xml"));
        Assert.Equal("220", new TriggerMatch { Areas = ["220"] }.Match(a)?.Code);
        Assert.Equal("220", new TriggerMatch { Areas = ["宮城県"], Kinds = ["tsunami"] }.Match(a)?.Code);
        Assert.Null(new TriggerMatch { Areas = ["250"] }.Match(a)); // Fukushima only has an advisory
        Assert.Equal("250", new TriggerMatch { Areas = ["250"], MinLevel = AlertLevel.Advisory }.Match(a)?.Code);
        Assert.Null(new TriggerMatch { Areas = ["220"], Kinds = ["flood"] }.Match(a));
        Assert.Null(new TriggerMatch { Areas = ["220"], MinLevel = AlertLevel.MajorWarning }.Match(a));
    }

    [Fact]
    public void Cancelled_and_test_reports_launch_nothing()
    {
        var xml = File.ReadAllText(OpsKit.SampleFile("tsunami-warning-kawaminato.xml"));
        var cancelled = AlertParser.Parse(Encoding.UTF8.GetBytes(xml.Replace("<InfoType>発表</InfoType>", "<InfoType>取消</InfoType>")), "x");
        var test = AlertParser.Parse(Encoding.UTF8.GetBytes(xml.Replace("<Status>通常</Status>", "<Status>試験</Status>")), "x");
        var lifted = AlertParser.Parse(Encoding.UTF8.GetBytes(xml.Replace("<Name>津波警報</Name>", "<Name>津波警報解除</Name>")), "x");
        var m = new TriggerMatch { Areas = ["220"] };
        Assert.Null(m.Match(cancelled));
        Assert.Null(m.Match(test));
        Assert.Null(m.Match(lifted));
    }

    [Fact]
    public void Json_alert_errors_name_the_file_and_field()
    {
        var e = Assert.Throws<InputDataException>(() => AlertParser.Parse(Encoding.UTF8.GetBytes("""{"id":"x","kind":"tsunami","level":"severe","issued":"2026-11-25T05:00:00Z","areas":[{"code":"1"}]}"""), "in.json"));
        Assert.Equal(("in.json", "level"), (e.File, e.Field));
        e = Assert.Throws<InputDataException>(() => AlertParser.Parse(Encoding.UTF8.GetBytes("""{"id":"x","kind":"tsunami","level":"warning","issued":"2026-11-25T05:00:00Z","areas":[]}"""), "in.json"));
        Assert.Equal("areas", e.Field);
        var ok = AlertParser.ParseFile(OpsKit.SampleFile("tsunami-warning-kawaminato.json"));
        Assert.Equal((AlertLevel.MajorWarning, "220"), (ok.Level, ok.Areas[0].Code));
    }
}
