using DxGeo.Core.Assets;
using NetTopologySuite.Index.Strtree;
using NetTopologySuite.LinearReferencing;

namespace DxGeo.Risk.Features.Internal;

/// <summary>The class of the road a pipe runs under: the road centreline nearest the pipe's midpoint, within a distance.</summary>
internal static class RoadClassMatcher
{
    public static string?[] Match(MetricNetwork network, IReadOnlyList<Road> roads, double maxDistanceM)
    {
        var result = new string?[network.Count];
        if (roads.Count == 0) return result;
        var metric = roads.Select(r => network.Project(r.Geometry)).ToArray();
        var tree = new STRtree<int>();
        for (var k = 0; k < metric.Length; k++) tree.Insert(metric[k].EnvelopeInternal, k);
        tree.Build();
        for (var i = 0; i < network.Count; i++)
        {
            var line = network.Lines[i];
            var mid = line.Factory.CreatePoint(new LengthIndexedLine(line).ExtractPoint(line.Length / 2));
            var env = mid.EnvelopeInternal.Copy();
            env.ExpandBy(maxDistanceM);
            var best = double.PositiveInfinity;
            foreach (var k in tree.Query(env))
            {
                if (string.IsNullOrWhiteSpace(roads[k].RoadClass)) continue;
                var d = metric[k].Distance(mid);
                if (d <= maxDistanceM && d < best) { best = d; result[i] = roads[k].RoadClass; }
            }
        }
        return result;
    }
}
