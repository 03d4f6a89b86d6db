using DxGeo.Core.Assets;
using DxGeo.Risk.DataModels;

namespace DxGeo.Risk.Features;

/// <summary>
/// Turns pipe profiles into the pipe-year panel. Leakage-safe by construction: the row for year Y counts
/// only breaks dated before 1 January Y, and its label is the breaks within Y.
/// </summary>
public static class PipeYearPanelBuilder
{
    /// <summary>Rows for every in-service pipe that existed before each year in [<paramref name="fromYear"/>, <paramref name="toYear"/>].</summary>
    public static List<PipeYearRow> Build(IReadOnlyList<PipeProfile> pipes, HistoryWindow window, int fromYear, int toYear)
    {
        var rows = new List<PipeYearRow>(Math.Max(0, pipes.Count * (toYear - fromYear + 1)));
        for (var year = fromYear; year <= toYear; year++)
            foreach (var p in pipes)
                if (Exists(p, year)) rows.Add(Row(p, window, year));
        return rows;
    }

    /// <summary>A pipe enters the panel in the year after it was laid; abandoned/planned pipes never do.</summary>
    public static bool Exists(PipeProfile p, int year) => p.InService && (p.InstallYear is not { } y || y < year);

    /// <summary>The row for one pipe in one year (label filled from breaks in that year, 0 for a future year).</summary>
    public static PipeYearRow Row(PipeProfile p, HistoryWindow window, int year)
    {
        var yearStart = new DateOnly(year, 1, 1);
        var own = p.OwnBreaks;
        var near = p.NearbyBreaks;
        var ownAll = CountBefore(own, yearStart);
        var historyYears = Math.Max(0, year - window.FirstYear);
        var exposureYears = Math.Max(1, p.InstallYear is { } iy ? Math.Min(historyYears, year - iy) : historyYears);
        var lengthKm = Math.Max(p.LengthM, 1.0) / 1000.0;
        var inYear = CountBefore(own, yearStart.AddYears(1)) - ownAll;

        return new PipeYearRow
        {
            PipeId = p.PipeId,
            Year = year,
            LengthM = (float)p.LengthM,
            Label = inYear > 0,
            BreakCount = inYear,
            AgeYears = p.InstallYear is { } install ? year - install : float.NaN,
            InstallYearMissing = p.InstallYear is null || p.InstallYearImputed ? 1f : 0f,
            DiameterMm = p.DiameterMm > 0 ? p.DiameterMm : float.NaN,
            LogLengthM = (float)Math.Log(Math.Max(p.LengthM, 1.0)),
            CorrosivityScore = (float)p.CorrosivityScore,
            HighCorrosivityShare = (float)p.HighCorrosivityShare,
            FloodDepthMean = (float)p.FloodDepthMean,
            FloodDepthMax = p.FloodDepthMax,
            ElevationM = (float)p.ElevationM,
            SlopePct = (float)p.SlopePct,
            OwnBreaks1y = CountIn(own, yearStart.AddYears(-1), yearStart),
            OwnBreaks3y = CountIn(own, yearStart.AddYears(-3), yearStart),
            OwnBreaks5y = CountIn(own, yearStart.AddYears(-5), yearStart),
            OwnBreaksAll = ownAll,
            OwnBreaksPerKmYear = (float)(ownAll / lengthKm / exposureYears),
            YearsSinceLastBreak = ownAll > 0 ? (float)((yearStart.DayNumber - own[ownAll - 1].DayNumber) / 365.25) : float.NaN,
            NearbyBreaks1y = CountIn(near, yearStart.AddYears(-1), yearStart),
            NearbyBreaks3y = CountIn(near, yearStart.AddYears(-3), yearStart),
            NearbyBreaksAll = CountBefore(near, yearStart),
            HistoryYears = historyYears,
            Material = AssetCodes.Code(p.Material),
            SoilClass = Category(p.SoilClass),
            RoadClass = Category(p.RoadClass),
            PressureZone = Category(p.PressureZone),
        };
    }

    internal static string Category(string? value) =>
        string.IsNullOrWhiteSpace(value) ? "none" : value.Trim().ToLowerInvariant();

    /// <summary>Number of dates strictly before <paramref name="end"/> in an ascending list.</summary>
    internal static int CountBefore(IReadOnlyList<DateOnly> sorted, DateOnly end)
    {
        int lo = 0, hi = sorted.Count;
        while (lo < hi)
        {
            var mid = (lo + hi) >>> 1;
            if (sorted[mid] < end) lo = mid + 1; else hi = mid;
        }
        return lo;
    }

    private static int CountIn(IReadOnlyList<DateOnly> sorted, DateOnly from, DateOnly to) =>
        CountBefore(sorted, to) - CountBefore(sorted, from);
}
