using DxGeo.Core.Assets;
using DxGeo.Risk.Features;
using NetTopologySuite.Geometries.Prepared;
using NetTopologySuite.Index.Strtree;

namespace DxGeo.Risk.Renewal;

/// <summary>A planned road work a pipe lies under (so renewal can share its excavation).</summary>
public sealed record RoadWorkMatch(string WorkId, int? PlannedYear);

/// <summary>Pipes that cross a planned road-work area (within a small tolerance for digitising offsets).</summary>
public static class RoadWorkOverlap
{
    public static RoadWorkMatch?[] Find(PipeProfileSet set, IReadOnlyList<RoadWork> works, double toleranceM = 3)
    {
        var net = set.Network;
        var result = new RoadWorkMatch?[net.Count];
        if (works.Count == 0) return result;
        var areas = works.Select(w => PreparedGeometryFactory.Prepare(net.Project(w.Geometry).Buffer(toleranceM))).ToArray();
        var tree = new STRtree<int>();
        for (var k = 0; k < areas.Length; k++) tree.Insert(areas[k].Geometry.EnvelopeInternal, k);
        tree.Build();
        for (var i = 0; i < net.Count; i++)
            foreach (var k in tree.Query(net.Lines[i].EnvelopeInternal))
                if (areas[k].Intersects(net.Lines[i]) &&
                    (result[i] is null || (works[k].PlannedYear ?? int.MaxValue) < (result[i]!.PlannedYear ?? int.MaxValue)))
                    result[i] = new RoadWorkMatch(works[k].WorkId, works[k].PlannedYear); // the earliest work wins
        return result;
    }
}
