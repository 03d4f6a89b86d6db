using DxGeo.Core.Errors;
using DxGeo.Flight.Formats;
using DxGeo.Flight.Missions;

namespace DxGeo.Mavlink.Plans;

/// <summary>
/// Reads what a ground station flies: QGroundControl <c>.plan</c> files (parsed by the planning library's
/// <see cref="QgcPlan"/>: mission items, fence, rally points) and QGC WPL 110 waypoint files, as the items to upload.
/// </summary>
public static class PlanFileReader
{
    public static FlightPlan Read(string path)
    {
        if (!File.Exists(path)) throw new InputDataException("file not found", path);
        return Parse(File.ReadAllText(path), path, Path.GetFileNameWithoutExtension(path));
    }

    /// <summary>Parses a QGC .plan (JSON) or QGC WPL text held elsewhere (e.g. a stored plan); <paramref name="source"/>
    /// names it in errors, <paramref name="id"/> becomes the planned flight id.</summary>
    public static FlightPlan Parse(string text, string source, string id)
    {
        if (text.TrimStart().StartsWith("QGC WPL", StringComparison.Ordinal))
        {
            var wpl = WplFormat.Parse(text.Split('\n'), source);
            return new FlightPlan
            {
                Mission = wpl.Items, PlannedFlightId = id,
                Home = wpl.Home is { } h && (h.LatitudeDeg != 0 || h.LongitudeDeg != 0) ? (h.LatitudeDeg, h.LongitudeDeg, h.Z) : null,
            };
        }
        var file = QgcPlan.Parse(text, source);
        return new FlightPlan
        {
            Mission = file.Mission, Fence = file.FenceItems(), Rally = file.RallyItems(), Home = file.Home, PlannedFlightId = id,
        };
    }
}
