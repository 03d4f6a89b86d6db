using DxGeo.Core.Errors;
using DxGeo.Core.Features;
using DxGeo.Core.Workspace;
using NetTopologySuite.Geometries;

namespace DxGeo.Core.Tests.Spatial;

/// <summary>
/// A workspace test double: layers in lists, bbox answered by envelope intersection (as the GeoPackage R-tree
/// does), and a log of every read so tests can check that questions go through the index, not full scans.
/// </summary>
public sealed class InMemoryWorkspace : IWorkspace
{
    private readonly Dictionary<string, (LayerSchema Schema, List<FeatureRecord> Rows)> _layers = new(StringComparer.OrdinalIgnoreCase);
    private long _nextFid = 1;

    public string Location => "memory.gpkg";
    /// <summary>Each Read: layer, query and number of records it returned.</summary>
    public List<(string Layer, FeatureQuery? Query, long Returned)> Reads { get; } = [];

    public InMemoryWorkspace Add(LayerSchema schema, IEnumerable<FeatureRecord> rows)
    {
        var list = rows.Select(r => new FeatureRecord(r.Geometry, r.Values, _nextFid++)).ToList();
        _layers[schema.Name] = (schema, list);
        return this;
    }

    public long ReturnedFrom(string layer) => Reads.Where(r => r.Layer == layer).Sum(r => r.Returned);

    public IReadOnlyList<LayerInfo> ListLayers() => _layers.Values.Select(l => Info(l.Schema, l.Rows)).ToList();

    public LayerInfo? FindLayer(string name) => _layers.TryGetValue(name, out var l) ? Info(l.Schema, l.Rows) : null;

    private static LayerInfo Info(LayerSchema s, List<FeatureRecord> rows)
    {
        var e = new Envelope();
        foreach (var r in rows) if (r.Geometry is { IsEmpty: false } g) e.ExpandToInclude(g.EnvelopeInternal);
        return new LayerInfo(s, rows.Count, e.IsNull ? null : e);
    }

    public IEnumerable<FeatureRecord> Read(string layer, FeatureQuery? query = null)
    {
        if (!_layers.TryGetValue(layer, out var l)) throw new DxGeoException($"no layer '{layer}'");
        var entry = (layer, query, 0L);
        var index = Reads.Count;
        Reads.Add(entry);
        IEnumerable<FeatureRecord> rows = l.Rows;
        if (query?.BoundingBox is { } box)
            rows = rows.Where(r => r.Geometry is { } g && g.EnvelopeInternal.Intersects(box));
        if (query?.AttributeEquals is { } eq)
            rows = rows.Where(r => eq.All(kv => Equals(r.Values[l.Schema.IndexOf(kv.Key)], kv.Value)));
        rows = rows.Skip((int)(query?.Offset ?? 0));
        if (query?.Limit is { } lim) rows = rows.Take((int)lim);
        foreach (var r in rows.ToList())
        {
            Reads[index] = (layer, query, Reads[index].Returned + 1);
            yield return Copy(r);
        }
    }

    public long Count(string layer, FeatureQuery? query = null) => Read(layer, query).LongCount();

    public FeatureRecord? Get(string layer, long fid) =>
        _layers.TryGetValue(layer, out var l) ? l.Rows.Where(r => r.Fid == fid).Select(Copy).FirstOrDefault() : null;

    private static FeatureRecord Copy(FeatureRecord r) => new(r.Geometry?.Copy(), (object?[])r.Values.Clone(), r.Fid);

    public IWorkspaceWrite BeginWrite() => new Write(this);

    public void Dispose() { }

    private sealed class Write(InMemoryWorkspace ws) : IWorkspaceWrite
    {
        private readonly List<Action> _ops = [];
        public void CreateLayer(LayerSchema schema, bool replace = false) => _ops.Add(() =>
        {
            if (ws._layers.ContainsKey(schema.Name) && !replace) throw new DxGeoException($"layer '{schema.Name}' exists");
            ws._layers[schema.Name] = (schema, []);
        });
        public void DropLayer(string name) => _ops.Add(() => ws._layers.Remove(name));
        public long Insert(string layer, FeatureRecord feature)
        {
            var fid = ws._nextFid++;
            _ops.Add(() => ws._layers[layer].Rows.Add(new FeatureRecord(feature.Geometry, feature.Values, fid)));
            return fid;
        }
        public void Update(string layer, FeatureRecord feature) => _ops.Add(() =>
        {
            var rows = ws._layers[layer].Rows;
            var i = rows.FindIndex(r => r.Fid == feature.Fid);
            if (i < 0) throw new DxGeoException($"no fid {feature.Fid}");
            rows[i] = new FeatureRecord(feature.Geometry, feature.Values, feature.Fid);
        });
        public void Delete(string layer, long fid) => _ops.Add(() => ws._layers[layer].Rows.RemoveAll(r => r.Fid == fid));
        public void Commit() { foreach (var op in _ops) op(); _ops.Clear(); }
        public void Dispose() => _ops.Clear();
    }
}
