using DxGeo.Core.Crs;
using DxGeo.Core.Features;
using DxGeo.Core.Spatial.Internal;
using DxGeo.Core.Workspace;
using NetTopologySuite.Geometries;

namespace DxGeo.Core.Spatial;

/// <summary>Count, ground length and ground area of one group of features.</summary>
public sealed record GroupSummary(string Key, long Count, double LengthM, double AreaM2)
{
    public double LengthKm => LengthM / 1000;
}

/// <summary>A layer's totals, overall and per value of the group-by field (largest length first).</summary>
public sealed record LayerSummary(string Layer, string? GroupBy, IReadOnlyList<GroupSummary> Groups, GroupSummary Total);

/// <summary>
/// Count, total length (m) and total area (m²) of a layer's features, optionally grouped by an attribute
/// ("km of pipe by material") and restricted by a <see cref="FeatureQuery"/> (bbox via the R-tree, attributes, time).
/// Lengths and areas are measured in a metric CRS chosen for the layer's extent, never in degrees.
/// </summary>
public static class LayerSummaryOp
{
    public static LayerSummary Run(IWorkspace ws, string layer, string? groupBy = null, FeatureQuery? filter = null)
    {
        var info = LayerAccess.RequireGeometry(ws, layer);
        var groupIndex = groupBy is null ? -1 : LayerAccess.RequireField(info.Schema, groupBy);
        if (info.Extent is not { IsNull: false } extent)
            return new LayerSummary(info.Name, groupBy, [], new GroupSummary("total", 0, 0, 0));
        var frame = MetricFrame.For(new GeometryFactory(new PrecisionModel(), 4326).ToGeometry(extent));
        return Summarize(info.Name, ws.Read(info.Name, filter), groupIndex, groupBy, frame);
    }

    /// <summary>Summarizes records already in hand (e.g. the hits of another question).</summary>
    public static LayerSummary Summarize(LayerSchema schema, IEnumerable<FeatureRecord> records, string? groupBy, MetricFrame frame)
    {
        var groupIndex = groupBy is null ? -1 : LayerAccess.RequireField(schema, groupBy);
        return Summarize(schema.Name, records, groupIndex, groupBy, frame);
    }

    private static LayerSummary Summarize(string layer, IEnumerable<FeatureRecord> records, int groupIndex, string? groupBy, MetricFrame frame)
    {
        var groups = new Dictionary<string, (long N, double L, double A)>(StringComparer.Ordinal);
        long n = 0;
        double length = 0, area = 0;
        foreach (var r in records)
        {
            double l = 0, a = 0;
            if (r.Geometry is { IsEmpty: false } g)
            {
                if (g is ILineal) l = frame.Project(g).Length;
                else if (g is IPolygonal) a = frame.Project(g).Area;
            }
            n++;
            length += l;
            area += a;
            if (groupIndex < 0) continue;
            var key = LayerAccess.Text(groupIndex < r.Values.Length ? r.Values[groupIndex] : null);
            groups.TryGetValue(key, out var s);
            groups[key] = (s.N + 1, s.L + l, s.A + a);
        }
        var list = groups.Select(kv => new GroupSummary(kv.Key, kv.Value.N, kv.Value.L, kv.Value.A))
            .OrderByDescending(s => s.LengthM).ThenByDescending(s => s.AreaM2).ThenByDescending(s => s.Count)
            .ThenBy(s => s.Key, StringComparer.Ordinal).ToList();
        return new LayerSummary(layer, groupBy, list, new GroupSummary("total", n, length, area));
    }
}
