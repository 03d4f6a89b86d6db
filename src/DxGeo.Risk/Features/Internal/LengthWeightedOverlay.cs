using NetTopologySuite.Geometries;
using NetTopologySuite.Geometries.Prepared;
using NetTopologySuite.Index.Strtree;

namespace DxGeo.Risk.Features.Internal;

/// <summary>
/// How much of each pipe's length lies in each polygon of a layer: the length-weighted overlay behind the soil
/// and flood features. A prepared polygon answers "contains the whole pipe" cheaply; only pipes crossing a
/// boundary pay for a real intersection.
/// </summary>
internal static class LengthWeightedOverlay
{
    /// <returns>For each pipe, the (polygon index, metres inside) pairs with positive length.</returns>
    public static List<(int Polygon, double LengthM)>[] Run(MetricNetwork network, IReadOnlyList<Geometry> metricPolygons)
    {
        var result = new List<(int, double)>[network.Count];
        for (var i = 0; i < result.Length; i++) result[i] = [];
        if (metricPolygons.Count == 0) return result;

        var tree = new STRtree<int>();
        var prepared = new IPreparedGeometry[metricPolygons.Count];
        for (var k = 0; k < metricPolygons.Count; k++)
        {
            prepared[k] = PreparedGeometryFactory.Prepare(metricPolygons[k]);
            tree.Insert(metricPolygons[k].EnvelopeInternal, k);
        }
        tree.Build();

        for (var i = 0; i < network.Count; i++)
        {
            var line = network.Lines[i];
            foreach (var k in tree.Query(line.EnvelopeInternal))
            {
                if (!prepared[k].Intersects(line)) continue;
                var inside = prepared[k].Contains(line) ? line.Length : Intersection(metricPolygons[k], line);
                if (inside > 0) result[i].Add((k, inside));
            }
        }
        return result;
    }

    private static double Intersection(Geometry polygon, LineString line)
    {
        try { return polygon.Intersection(line).Length; }
        catch (TopologyException) { return polygon.Buffer(0).Intersection(line).Length; } // self-touching input rings
    }
}
