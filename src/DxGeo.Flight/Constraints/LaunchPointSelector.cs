using DxGeo.Core.Errors;
using DxGeo.Flight.Patterns;
using DxGeo.Flight.Planning;
using NetTopologySuite.Geometries;

namespace DxGeo.Flight.Constraints;

/// <summary>
/// Keeps the candidate launch points the vehicle may use (in clear space, away from structures); the sortie splitter
/// then picks, for each sortie, the one that lets it cover the most within radio range and battery.
/// </summary>
public static class LaunchPointSelector
{
    public static IReadOnlyList<LaunchPoint> Usable(IReadOnlyList<LaunchPoint> candidates, Airspace air,
        IReadOnlyList<StructureObstacle> obstacles, List<string> warnings, Func<Coordinate, string> describe)
    {
        if (candidates.Count == 0) throw new DxGeoException("no launch point candidates given");
        var usable = new List<LaunchPoint>();
        var rejected = new List<string>();
        foreach (var c in candidates)
        {
            var p = air.Factory.CreatePoint(c.PositionM);
            string? why = null;
            if (air.Fence is not null && !air.Fence.Inner.Covers(p)) why = "outside the geofence";
            else if (!air.NoFly.Forbidden.IsEmpty && air.NoFly.Forbidden.Intersects(p))
                why = $"within {air.NoFly.MarginM:0} m of no-fly zone {air.NoFly.Nearest(p).Zone?.Label}";
            else if (obstacles.FirstOrDefault(o => o.Footprint.Intersects(p)) is { } o) why = $"too close to the {o.Name}";
            if (why is null) usable.Add(c);
            else rejected.Add($"'{c.Id}' at {describe(c.PositionM)} {why}");
        }
        if (usable.Count == 0)
            throw new DxGeoException($"no usable launch point: {string.Join("; ", rejected)}");
        if (rejected.Count > 0) warnings.Add($"launch points not used: {string.Join("; ", rejected)}");
        return usable;
    }
}
