using DxGeo.Core.Errors;

namespace DxGeo.Risk.Features;

/// <summary>
/// The years the break record covers: <see cref="FirstYear"/> (first year with a recorded break) to
/// <see cref="LastCompleteYear"/> (last calendar year that is over on the as-of date). Panel years and
/// scoring years are chosen inside this window so no feature ever sees a break from its own or a later year.
/// </summary>
public sealed record HistoryWindow(int FirstYear, int LastCompleteYear)
{
    /// <summary>The first year a panel row can have: features need at least <paramref name="minHistoryYears"/> of record.</summary>
    public int FirstPanelYear(int minHistoryYears) => FirstYear + minHistoryYears;

    /// <summary>The year a fresh score predicts: the one after the record ends.</summary>
    public int NextYear => LastCompleteYear + 1;

    /// <summary>Derives the window from the break dates, refusing dates after <paramref name="asOf"/>.</summary>
    public static HistoryWindow From(IEnumerable<(string BreakId, DateOnly Date)> breaks, DateOnly asOf)
    {
        int? first = null, last = null;
        foreach (var (id, date) in breaks)
        {
            if (date > asOf)
                throw new InputDataException($"break dated {date:yyyy-MM-dd} is in the future (as of {asOf:yyyy-MM-dd})",
                    featureId: id, field: "date");
            first = first is null ? date.Year : Math.Min(first.Value, date.Year);
            last = last is null ? date.Year : Math.Max(last.Value, date.Year);
        }
        if (first is null)
            throw new DxGeoException("no break history: the pipe_breaks layer is empty or missing; " +
                "the risk model learns from past breaks (import them with `dxgeo import … --layer pipe_breaks`)");
        // The as-of year is still running: its breaks are history for next year but not a full label year.
        var lastComplete = last!.Value >= asOf.Year ? asOf.Year - 1 : last.Value;
        return new HistoryWindow(first.Value, lastComplete);
    }
}
