using DxGeo.Imagery.Findings;

namespace DxGeo.Review.Reviews;

/// <summary>An inspector's answer for one finding.</summary>
public enum Verdict { Confirmed, FalseAlarm }

/// <summary>A box on the full-resolution photo, in pixels.</summary>
public sealed record PixelBox(int XPx, int YPx, int WPx, int HPx);

/// <summary>A decision as submitted: on which finding, at which version the reviewer saw it, and what they decided.
/// Damage type and severity are required when confirming; the box is optional (the finding's box is kept).</summary>
public sealed record ReviewDecision(string FindingId, long ExpectedVersion, Verdict Verdict, string? DamageType = null,
    string? Severity = null, PixelBox? Box = null, string? Comment = null);

public static class Verdicts
{
    public static FindingStatus ToStatus(this Verdict v) => v == Verdict.Confirmed ? FindingStatus.Confirmed : FindingStatus.FalseAlarm;
    public static string ToCode(this Verdict v) => v.ToStatus().ToCode();

    public static Verdict Parse(string code) => code switch
    {
        "confirmed" or "confirm" => Verdict.Confirmed,
        "false_alarm" => Verdict.FalseAlarm,
        _ => throw new Core.Errors.InputDataException($"verdict '{code}' is not confirmed or false_alarm", field: "verdict"),
    };
}
