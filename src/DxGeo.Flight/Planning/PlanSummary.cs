using System.Globalization;
using System.Text;

namespace DxGeo.Flight.Planning;

/// <summary>The plan summary engineers read: per pass the GSD it achieves, per sortie distance, time, photos and
/// largest distance from the launch point, what is not covered and why, and the warnings.</summary>
public static class PlanSummary
{
    public static string Format(FlightPlan plan)
    {
        var sb = new StringBuilder();
        void L(string s) => sb.Append(s).Append('\n');
        L(Inv($"Plan {plan.Name} ({plan.PatternKind}{(plan.Asset is { } a ? $" {a.Layer}/{a.Id}" : "")}), camera {plan.Camera.Name}, metric CRS EPSG:{plan.MetricEpsg}"));
        L("Passes:");
        foreach (var p in plan.Passes)
            L(Inv($"  {p.Name,-38} GSD {p.GsdCmPerPx,6:0.000} cm/px ({p.GsdCmPerPx * 10:0.00} mm/px) at {p.DistanceToSurfaceM,6:0.0} m, ") +
              Inv($"altitude {p.AltitudeM,5:0.0} m, spacing {p.LineSpacingM,5:0.0} m, trigger {p.TriggerDistanceM,5:0.00} m, ") +
              Inv($"{p.PhotoCount,5} photos, {p.LengthM / 1000,6:0.00} km") +
              (Math.Abs(p.FocalLengthMm - plan.Camera.FocalLengthMm) > 1e-6 ? Inv($", zoom {p.FocalLengthMm:0.0} mm") : ""));
        L(Inv($"Sorties (battery budget {plan.BatteryBudgetS / 60:0.0} min, radio range {plan.RadioRangeM:0} m, transit altitude {plan.TransitAltitudeM:0.0} m):"));
        L("  #   launch  distance     time  photos  max from launch  max altitude");
        foreach (var s in plan.Sorties)
            L(Inv($"  {s.Index,-3} {s.LaunchId,-6} {s.DistanceM / 1000,6:0.00} km {s.TimeS / 60,6:0.0} min {s.PhotoCount,6} {s.MaxDistanceFromLaunchM,12:0} m {s.MaxAltitudeM,11:0.0} m"));
        L(Inv($"Total: {plan.Sorties.Count} sorties, {plan.TotalDistanceM / 1000:0.00} km, {plan.TotalTimeS / 60:0.0} min, {plan.TotalPhotos} photos, {plan.Sorties.Sum(s => s.Mission.Count)} mission items"));
        if (plan.Uncovered.Count > 0)
        {
            L("Not covered with the requested overlap:");
            foreach (var g in plan.Uncovered.GroupBy(u => u.Reason))
                L(Inv($"  {g.Sum(u => u.AreaM2),8:0} m² in {g.Count()} part(s): {g.Key}"));
        }
        if (plan.Warnings.Count > 0)
        {
            L("Warnings:");
            foreach (var w in plan.Warnings) L($"  - {w}");
        }
        return sb.ToString();
    }

    private static string Inv(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}
