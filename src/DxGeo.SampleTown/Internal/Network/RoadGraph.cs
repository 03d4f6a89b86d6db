using DxGeo.SampleTown.Internal.Geo;
using DxGeo.SampleTown.Internal.Layout;
using NetTopologySuite.Geometries;
using NetTopologySuite.Index.Strtree;
using NetTopologySuite.Operation.OverlayNG;

namespace DxGeo.SampleTown.Internal.Network;

/// <summary>A street edge between two junctions (or a junction and a dead end).</summary>
internal sealed record RoadEdge(LineString Line, StreetLine Street, int StartDegree, int EndDegree)
{
    public bool IsDeadEnd => StartDegree == 1 || EndDegree == 1;
}

/// <summary>
/// Nodes all streets into a planar graph (snap-rounded to 1 cm so streets that end on another street share its
/// junction) and remembers which street each edge came from.
/// </summary>
internal static class RoadGraph
{
    public static List<RoadEdge> Build(IReadOnlyList<StreetLine> streets)
    {
        var all = Polyline.Factory.CreateMultiLineString(streets.Select(s => s.Line).ToArray());
        var noded = UnaryUnionNG.Union((Geometry)all, new PrecisionModel(100));
        var lines = Polygons.Lines(noded).Where(l => l.Length > 0.5).ToList();

        var degree = new Dictionary<(double, double), int>();
        foreach (var l in lines)
            foreach (var c in new[] { l.StartPoint.Coordinate, l.EndPoint.Coordinate })
                degree[(c.X, c.Y)] = degree.GetValueOrDefault((c.X, c.Y)) + 1;

        var tree = new STRtree<StreetLine>();
        foreach (var s in streets) tree.Insert(s.Line.EnvelopeInternal, s);
        var edges = new List<RoadEdge>();
        foreach (var l in lines)
        {
            var mid = Polyline.Factory.CreatePoint(Polyline.PointAt(l.Coordinates, l.Length / 2));
            var env = mid.EnvelopeInternal.Copy();
            env.ExpandBy(0.05);
            // The street under the edge's midpoint; at a crossing of two streets prefer the higher class.
            var street = tree.Query(env).Where(s => s.Line.Distance(mid) < 0.05)
                .OrderBy(s => s.Class).ThenBy(s => s.Key, StringComparer.Ordinal).FirstOrDefault();
            if (street is null) continue;
            var s0 = l.StartPoint.Coordinate;
            var e0 = l.EndPoint.Coordinate;
            edges.Add(new RoadEdge(l, street, degree[(s0.X, s0.Y)], degree[(e0.X, e0.Y)]));
        }
        // A stable order independent of the overlay's output order.
        return edges.OrderBy(e => Math.Round(e.Line.Centroid.X, 2)).ThenBy(e => Math.Round(e.Line.Centroid.Y, 2))
            .ThenBy(e => e.Line.Length).ToList();
    }
}
