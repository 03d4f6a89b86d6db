using DxGeo.Core.Errors;

namespace DxGeo.Flight.Missions;

/// <summary>Turns fence polygons and circles into MAVLink fence items (mission type 1), as QGroundControl uploads them.</summary>
public static class FenceItems
{
    /// <summary>One vertex item per corner (param1 = vertex count), inclusion or exclusion (no-fly).</summary>
    public static IEnumerable<MissionItem> Polygon(IReadOnlyList<(double LatDeg, double LonDeg)> ring, bool inclusion)
    {
        var pts = ring.Count > 1 && ring[0] == ring[^1] ? ring.Take(ring.Count - 1).ToList() : [.. ring];
        if (pts.Count < 3) throw new DxGeoException($"a fence polygon needs at least 3 vertices, got {pts.Count}");
        return pts.Select(p => new MissionItem
        {
            Command = inclusion ? MavCmd.NavFencePolygonVertexInclusion : MavCmd.NavFencePolygonVertexExclusion,
            Frame = MavFrame.Global, Param1 = pts.Count, LatitudeDeg = p.LatDeg, LongitudeDeg = p.LonDeg, MissionType = MissionType.Fence,
        });
    }

    public static MissionItem Circle(double latDeg, double lonDeg, double radiusM, bool inclusion) => new()
    {
        Command = inclusion ? MavCmd.NavFenceCircleInclusion : MavCmd.NavFenceCircleExclusion, Frame = MavFrame.Global,
        Param1 = (float)radiusM, LatitudeDeg = latDeg, LongitudeDeg = lonDeg, MissionType = MissionType.Fence,
    };

    public static IReadOnlyList<MissionItem> Numbered(IEnumerable<MissionItem> items) => [.. items.Select((it, i) => it with { Seq = i })];
}
