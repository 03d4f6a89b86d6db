using DxGeo.Core.Assets;
using DxGeo.Risk.Features;
using NetTopologySuite.Index.Strtree;

namespace DxGeo.Risk.Renewal;

/// <summary>How much a break on a pipe matters, as weights (documented in docs/risk.md).</summary>
public sealed record ConsequenceOptions
{
    /// <summary>Critical facilities within this distance (m) of a pipe raise its consequence.</summary>
    public double FacilityBufferM { get; init; } = 300;
    /// <summary>Weight of one facility of a kind within the buffer (kinds not listed use "other").</summary>
    public IReadOnlyDictionary<string, double> FacilityWeights { get; init; } = new Dictionary<string, double>(StringComparer.OrdinalIgnoreCase)
    {
        ["hospital"] = 2.0, ["shelter"] = 0.5, ["school"] = 0.5, ["other"] = 0.25,
    };
    /// <summary>Diameter at which the diameter factor is 1; larger mains feed more customers downstream.</summary>
    public int ReferenceDiameterMm { get; init; } = 150;
}

/// <summary>
/// Consequence of a break: (diameter / reference)^0.5 × (1 + Σ weights of critical facilities within the buffer).
/// Diameter stands in for customers downstream, which the pipe layer does not record.
/// </summary>
public static class ConsequenceScore
{
    public static double[] Compute(PipeProfileSet set, IReadOnlyList<Facility> facilities, ConsequenceOptions? options = null)
    {
        var o = options ?? new ConsequenceOptions();
        var net = set.Network;
        var facilityWeight = new double[net.Count];
        if (facilities.Count > 0)
        {
            var points = facilities.Select(f => net.Project(f.Geometry)).ToArray();
            var tree = new STRtree<int>();
            for (var k = 0; k < points.Length; k++) tree.Insert(points[k].EnvelopeInternal, k);
            tree.Build();
            for (var i = 0; i < net.Count; i++)
            {
                var env = net.Lines[i].EnvelopeInternal.Copy();
                env.ExpandBy(o.FacilityBufferM);
                foreach (var k in tree.Query(env))
                    if (net.Lines[i].IsWithinDistance(points[k], o.FacilityBufferM))
                        facilityWeight[i] += Weight(o, facilities[k].Kind);
            }
        }
        var result = new double[net.Count];
        for (var i = 0; i < net.Count; i++)
        {
            var d = set.Profiles[i].DiameterMm > 0 ? set.Profiles[i].DiameterMm : o.ReferenceDiameterMm;
            result[i] = Math.Sqrt((double)d / o.ReferenceDiameterMm) * (1 + facilityWeight[i]);
        }
        return result;
    }

    private static double Weight(ConsequenceOptions o, string? kind) =>
        kind is not null && o.FacilityWeights.TryGetValue(kind.Trim(), out var w) ? w : o.FacilityWeights.GetValueOrDefault("other", 0);
}
