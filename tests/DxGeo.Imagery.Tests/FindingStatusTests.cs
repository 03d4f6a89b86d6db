using DxGeo.Imagery.Findings;

namespace DxGeo.Imagery.Tests;

public class FindingStatusTests
{
    [Theory]
    [InlineData(FindingStatus.ToReview, "to_review")]
    [InlineData(FindingStatus.Confirmed, "confirmed")]
    [InlineData(FindingStatus.FalseAlarm, "false_alarm")]
    [InlineData(FindingStatus.Disputed, "disputed")]
    public void Status_codes_round_trip(FindingStatus status, string code)
    {
        Assert.Equal(code, status.ToCode());
        Assert.Equal(status, FindingStatusCodes.Parse(code));
    }

    [Fact]
    public void Unknown_status_code_is_refused_by_name() =>
        Assert.Contains("'settled'", Assert.Throws<ArgumentException>(() => FindingStatusCodes.Parse("settled")).Message);

    [Fact]
    public void Findings_schema_is_valid_and_versioned()
    {
        var s = FindingsLayer.Schema;
        Assert.True(s.IndexOf("version") >= 0);
        Assert.True(s.IndexOf("status") >= 0);
    }
}
