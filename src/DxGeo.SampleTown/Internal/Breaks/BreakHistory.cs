using DxGeo.Core.Assets;
using DxGeo.SampleTown.Internal.Geo;
using DxGeo.SampleTown.Internal.Network;
using DxGeo.SampleTown.Internal.Numerics;
using NetTopologySuite.Geometries;

namespace DxGeo.SampleTown.Internal.Breaks;

/// <summary>A simulated break in local metres with the pipe it really happened on.</summary>
internal sealed record BreakDraft(Coordinate Location, DateOnly Date, BreakType Type, PipeDraft TruePipe, string Cause);

/// <summary>
/// Draws 2011–2025 break history: for each pipe and year a Poisson count with mean rate × km × exposure × year
/// factor × excitation by the pipe's own earlier breaks (exposure 0 before the pipe was laid, ½ in its first year);
/// earthquake breaks dated in the weeks after the quake, the rest by month with winter peaks; each located at a
/// random point of the pipe, recorded up to ~3 m off the main as field crews do.
/// </summary>
internal static class BreakHistory
{
    /// <summary>The per-year factor shared by all pipes (winter severity), lognormal around 1.</summary>
    public static Dictionary<int, double> YearFactors(int seed)
    {
        var yearRng = Prng.For(seed, "break-years");
        var yearFactor = new Dictionary<int, double>();
        for (var y = YearEffects.FirstYear; y <= YearEffects.LastYear; y++)
            yearFactor[y] = DetMath.Exp(yearRng.Normal(0, YearEffects.YearNoiseSd));
        return yearFactor;
    }

    /// <summary>Expected breaks on the pipe over the history without excitation (the background the simulation draws from, summed).</summary>
    public static double Expected(PipeDraft p, IReadOnlyDictionary<int, double> yearFactor)
    {
        var sum = 0.0;
        for (var year = YearEffects.FirstYear; year <= YearEffects.LastYear; year++)
        {
            var mean = Mean(p, year, yearFactor);
            sum += mean;
            foreach (var q in YearEffects.Quakes.Where(q => q.Date.Year == year)) sum += mean * q.ExtraFor(p);
        }
        return sum;
    }

    /// <summary>Background expected breaks (no excitation) in one year; a year without a factor (the future) counts 1.</summary>
    public static double Mean(PipeDraft p, int year, IReadOnlyDictionary<int, double> yearFactor)
    {
        var exposure = year < p.TrueInstallYear ? 0 : year == p.TrueInstallYear ? 0.5 : 1.0;
        return exposure == 0 ? 0 : BreakModel.Rate(p, year) * p.LengthM / 1000 * exposure * yearFactor.GetValueOrDefault(year, 1.0);
    }

    public static List<BreakDraft> Simulate(IReadOnlyList<PipeDraft> pipes, IReadOnlyDictionary<int, double> yearFactor, int seed)
    {
        var rng = Prng.For(seed, "breaks");

        var result = new List<BreakDraft>();
        foreach (var p in pipes)
        {
            var own = new List<DateOnly>();
            for (var year = YearEffects.FirstYear; year <= YearEffects.LastYear; year++)
            {
                var mean = Mean(p, year, yearFactor);
                if (mean == 0) continue;
                var thisYear = new List<BreakDraft>();
                for (var n = rng.Poisson(mean * BreakModel.Excitation(own, year)); n > 0; n--)
                    thisYear.Add(Make(p, RandomDate(year, rng), "background", rng));
                foreach (var q in YearEffects.Quakes.Where(q => q.Date.Year == year))
                    for (var n = rng.Poisson(mean * q.ExtraFor(p)); n > 0; n--)
                        thisYear.Add(Make(p, q.Date.AddDays(rng.NextInt(q.WindowDays)), $"earthquake {q.Date:yyyy-MM-dd}", rng));
                own.AddRange(thisYear.Select(b => b.Date));
                result.AddRange(thisYear);
            }
        }
        return result.OrderBy(b => b.Date).ThenBy(b => b.TruePipe.Id, StringComparer.Ordinal).ToList();
    }

    private static DateOnly RandomDate(int year, Prng rng)
    {
        var month = rng.Pick(YearEffects.MonthWeights.ToArray()) + 1;
        return new DateOnly(year, month, 1 + rng.NextInt(DateTime.DaysInMonth(year, month)));
    }

    private static BreakDraft Make(PipeDraft p, DateOnly date, string cause, Prng rng)
    {
        var pts = p.Line.Coordinates;
        var at = rng.Uniform(0, p.LengthM);
        var onPipe = Polyline.PointAt(pts, at);
        var (ux, uy) = Polyline.Direction(pts, at);
        var off = Math.Clamp(rng.Normal(0, 1.0), -3, 3);
        var location = new Coordinate(onPipe.X - uy * off, onPipe.Y + ux * off);
        return new BreakDraft(location, date, BreakModel.DrawType(p.TrueMaterial, rng), p, cause);
    }
}
