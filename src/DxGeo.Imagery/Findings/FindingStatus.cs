namespace DxGeo.Imagery.Findings;

/// <summary>Review state of a finding; stored as the lower-case text in the <c>status</c> column.</summary>
public enum FindingStatus
{
    /// <summary>Raised by the model (or added by an inspector) and not yet settled: <c>to_review</c>.</summary>
    ToReview,
    /// <summary>Damage confirmed by review: <c>confirmed</c>.</summary>
    Confirmed,
    /// <summary>Not damage: <c>false_alarm</c>.</summary>
    FalseAlarm,
    /// <summary>Two reviewers disagreed; a lead resolves it: <c>disputed</c>.</summary>
    Disputed,
}

public static class FindingStatusCodes
{
    public static string ToCode(this FindingStatus s) => s switch
    {
        FindingStatus.ToReview => "to_review",
        FindingStatus.Confirmed => "confirmed",
        FindingStatus.FalseAlarm => "false_alarm",
        FindingStatus.Disputed => "disputed",
        _ => throw new ArgumentOutOfRangeException(nameof(s)),
    };

    public static FindingStatus Parse(string code) => code switch
    {
        "to_review" => FindingStatus.ToReview,
        "confirmed" => FindingStatus.Confirmed,
        "false_alarm" => FindingStatus.FalseAlarm,
        "disputed" => FindingStatus.Disputed,
        _ => throw new ArgumentException($"unknown finding status '{code}' (to_review, confirmed, false_alarm, disputed)", nameof(code)),
    };
}
