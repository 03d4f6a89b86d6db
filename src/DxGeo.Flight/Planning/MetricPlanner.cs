using DxGeo.Core.Errors;
using DxGeo.Flight.Constraints;
using DxGeo.Flight.Patterns;
using NetTopologySuite.Geometries;

namespace DxGeo.Flight.Planning;

/// <summary>Everything the planner needs, in the site's metric frame.</summary>
public sealed record MetricSite
{
    public required SurveyPattern Pattern { get; init; }
    public required IReadOnlyList<LaunchPoint> Launches { get; init; }
    public required NoFlyConstraint NoFly { get; init; }
    public GeofenceConstraint? Fence { get; init; }
    public required AltitudeLimit Altitude { get; init; }
    public required RadioRangeConstraint Radio { get; init; }
    public required BatteryModel Battery { get; init; }
    public bool HoverAndCapture { get; init; }
    public double TurnaroundM { get; init; } = 10;
    /// <summary>Make any part of the target left uncovered (no-fly zones, fence) an error instead of a reported gap.</summary>
    public bool RequireFullCoverage { get; init; }
    /// <summary>Formats a metric position for messages (lon/lat at the CRS edge).</summary>
    public Func<Coordinate, string> Describe { get; init; } = c => $"({c.X:0.0}, {c.Y:0.0}) m";
    public required GeometryFactory Factory { get; init; }
}

/// <summary>The planned flights in metres: sorties, what stays uncovered and why, and notes.</summary>
public sealed record MetricPlan
{
    public required SurveyPattern Pattern { get; init; }
    public required IReadOnlyList<Sortie> Sorties { get; init; }
    public required IReadOnlyList<UncoveredPart> Uncovered { get; init; }
    public required IReadOnlyList<string> Warnings { get; init; }
    /// <summary>The fence the plan was checked against (null when none was given).</summary>
    public GeofenceConstraint? Fence { get; init; }
    public required NoFlyConstraint NoFly { get; init; }
}

/// <summary>
/// Applies the hard constraints to a pattern and turns it into sorties: altitude limit, clipping photo lines to the
/// clear airspace (fence inset, no-fly margin), reporting what cannot be covered and why, then radio range and
/// battery via <see cref="BatterySortieSplitter"/>. Every violation that cannot be planned around is an error.
/// </summary>
public static class MetricPlanner
{
    public static MetricPlan Plan(MetricSite site)
    {
        var pattern = site.Pattern;
        var warnings = new List<string>(pattern.Warnings);
        site.Altitude.Check(pattern.TransitAltitudeM, "the transit altitude");
        foreach (var pass in pattern.Passes) site.Altitude.Check(pass.AltitudeM, $"pass '{pass.Name}'");
        if (pattern.Lines.Count == 0) throw new DxGeoException("the pattern has no photo lines");

        var air = new Airspace(site.NoFly, site.Fence, site.Factory);
        var launches = LaunchPointSelector.Usable(site.Launches, air, pattern.Obstacles, warnings, site.Describe);

        var clipped = new List<PhotoLine>();
        var lostPhotos = new Dictionary<int, int>();
        foreach (var line in pattern.Lines)
        {
            var parts = air.Clip(line, site.TurnaroundM);
            var kept = parts.Sum(p => p.PhotoCount);
            if (kept < line.PhotoCount) lostPhotos[line.PassIndex] = lostPhotos.GetValueOrDefault(line.PassIndex) + line.PhotoCount - kept;
            clipped.AddRange(parts);
        }
        if (clipped.Count == 0)
            throw new DxGeoException("nothing can be flown: every photo line lies in no-fly zones (with their margin) or outside the geofence");

        var uncovered = new List<UncoveredPart>();
        if (pattern.Target is { } target)
        {
            var covered = CoverageAnalysis.Covered(clipped, pattern.Passes, site.Factory);
            var shot = pattern.Passes[0].Shot;
            var reach = Math.Sqrt(Math.Pow(shot.FootprintSideM / 2, 2) + Math.Pow(shot.FootprintFrontalM / 2, 2)) + shot.TriggerDistanceM + site.TurnaroundM;
            uncovered = CoverageAnalysis.Uncovered(target, covered, site.NoFly, site.Fence, reach);
            if (uncovered.Count > 0)
            {
                var area = uncovered.Sum(u => u.AreaM2);
                var msg = $"{area:0} m² ({100 * area / target.Area:0.0} %) of the target cannot be covered with the requested overlap: " +
                          string.Join("; ", uncovered.GroupBy(u => u.Reason).Select(g => $"{g.Sum(u => u.AreaM2):0} m² {g.Key}"));
                if (site.RequireFullCoverage) throw new DxGeoException(msg);
                warnings.Add(msg);
            }
        }
        else
        {
            foreach (var (pass, n) in lostPhotos)
                warnings.Add($"pass '{pattern.Passes[pass].Name}': {n} photos fall within no-fly margins or outside the geofence and are left out");
        }

        var router = new TransitRouter(air);
        var transits = new TransitPaths(router, pattern.Obstacles, site.Factory);
        var splitter = new BatterySortieSplitter(launches, transits, site.Radio, site.Battery, pattern.TransitAltitudeM,
            pattern.LineSpeedMps, site.HoverAndCapture, site.TurnaroundM, site.Describe);
        var sorties = splitter.Split(clipped);
        foreach (var s in sorties) site.Altitude.Check(s.MaxAltitudeM, $"sortie {s.Index}");
        PlanVerifier.Verify(sorties, site);
        return new MetricPlan
        {
            Pattern = pattern, Sorties = sorties, Uncovered = uncovered, Warnings = warnings, Fence = site.Fence, NoFly = site.NoFly,
        };
    }
}
