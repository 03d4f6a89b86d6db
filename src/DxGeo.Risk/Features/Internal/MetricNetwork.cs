using DxGeo.Core.Assets;
using DxGeo.Core.Crs;
using NetTopologySuite.Geometries;
using NetTopologySuite.Index.Strtree;

namespace DxGeo.Risk.Features.Internal;

/// <summary>
/// The pipe network projected once into one metric frame (chosen for the network's extent) with an STR-tree, so
/// overlays, neighbour counts and distances are all measured in metres in the same plane.
/// </summary>
internal sealed class MetricNetwork
{
    private static readonly GeometryFactory Wgs84 = new(new PrecisionModel(), 4326);
    private readonly STRtree<int> _tree = new();

    public MetricNetwork(IReadOnlyList<WaterPipe> pipes)
    {
        Pipes = pipes;
        var env = new Envelope();
        foreach (var p in pipes) env.ExpandToInclude(p.Geometry.EnvelopeInternal);
        Frame = MetricFrame.For(Wgs84.ToGeometry(env));
        Lines = new LineString[pipes.Count];
        LengthM = new double[pipes.Count];
        IndexOf = new Dictionary<string, int>(pipes.Count, StringComparer.Ordinal);
        for (var i = 0; i < pipes.Count; i++)
        {
            Lines[i] = Frame.Project(pipes[i].Geometry);
            LengthM[i] = Lines[i].Length;
            IndexOf[pipes[i].PipeId] = i;
            _tree.Insert(Lines[i].EnvelopeInternal, i);
        }
        _tree.Build();
    }

    public IReadOnlyList<WaterPipe> Pipes { get; }
    public MetricFrame Frame { get; }
    /// <summary>Pipe geometry in metres, by pipe index.</summary>
    public LineString[] Lines { get; }
    /// <summary>Length measured in the metric frame (the ledger's length_m is not trusted).</summary>
    public double[] LengthM { get; }
    public Dictionary<string, int> IndexOf { get; }
    public int Count => Lines.Length;

    /// <summary>Pipes whose geometry lies within <paramref name="distanceM"/> of a metric geometry (exact distance).</summary>
    public List<int> Within(Geometry metric, double distanceM)
    {
        var env = new Envelope(metric.EnvelopeInternal);
        env.ExpandBy(distanceM);
        var result = new List<int>();
        foreach (var i in _tree.Query(env))
            if (Lines[i].IsWithinDistance(metric, distanceM)) result.Add(i);
        return result;
    }

    /// <summary>Projects a lon/lat geometry into this network's frame.</summary>
    public T Project<T>(T lonLat) where T : Geometry => Frame.Project(lonLat);
}
