using DxGeo.Core.Features;
using DxGeo.Core.Workspace;

namespace DxGeo.Mavlink.Tests.Support;

/// <summary>An IWorkspace held in memory with all-or-nothing writes, for testing writers against the contract.</summary>
public sealed class MemoryWorkspace : IWorkspace
{
    private readonly Dictionary<string, (LayerSchema Schema, List<FeatureRecord> Rows)> _layers = [];
    public int Commits { get; private set; }

    public string Location => "memory";
    public IReadOnlyList<LayerInfo> ListLayers() => [.. _layers.Values.Select(l => new LayerInfo(l.Schema, l.Rows.Count, null))];
    public LayerInfo? FindLayer(string name) => _layers.TryGetValue(name, out var l) ? new LayerInfo(l.Schema, l.Rows.Count, null) : null;
    public IEnumerable<FeatureRecord> Read(string layer, FeatureQuery? query = null) => _layers[layer].Rows;
    public long Count(string layer, FeatureQuery? query = null) => _layers[layer].Rows.Count;
    public FeatureRecord? Get(string layer, long fid) => _layers[layer].Rows.FirstOrDefault(r => r.Fid == fid);
    public IWorkspaceWrite BeginWrite() => new Write(this);
    public void Dispose() { }

    private sealed class Write(MemoryWorkspace ws) : IWorkspaceWrite
    {
        private readonly Dictionary<string, (LayerSchema Schema, List<FeatureRecord> Rows)> _copy =
            ws._layers.ToDictionary(kv => kv.Key, kv => (kv.Value.Schema, kv.Value.Rows.ToList()));

        public void CreateLayer(LayerSchema schema, bool replace = false)
        {
            if (_copy.ContainsKey(schema.Name) && !replace) throw new InvalidOperationException($"layer {schema.Name} exists");
            _copy[schema.Name] = (schema, []);
        }

        public void DropLayer(string name) => _copy.Remove(name);

        public long Insert(string layer, FeatureRecord feature)
        {
            var (schema, rows) = _copy[layer];
            if (feature.Values.Length != schema.Fields.Count) throw new ArgumentException($"{layer}: {feature.Values.Length} values for {schema.Fields.Count} fields");
            for (var i = 0; i < schema.Fields.Count; i++)
            {
                var f = schema.Fields[i];
                var v = feature.Values[i];
                if (v is null) { if (!f.Nullable) throw new ArgumentException($"{layer}.{f.Name} is not nullable"); continue; }
                var ok = f.Type switch
                {
                    FieldType.Integer => v is long, FieldType.Real => v is double, FieldType.Text => v is string,
                    FieldType.DateTime => v is DateTimeOffset d && d.Offset == TimeSpan.Zero, FieldType.Boolean => v is bool,
                    FieldType.Date => v is DateOnly, _ => false,
                };
                if (!ok) throw new ArgumentException($"{layer}.{f.Name}: {v.GetType().Name} is not {f.Type}");
            }
            if (feature.Geometry is { } g && (g.SRID != schema.Srid || !g.IsValid || g.GeometryType != schema.GeometryType.ToString()))
                throw new ArgumentException($"{layer}: bad geometry {g.GeometryType} srid {g.SRID}");
            var fid = rows.Count + 1;
            rows.Add(new FeatureRecord(feature.Geometry, feature.Values, fid));
            return fid;
        }

        public void Update(string layer, FeatureRecord feature) => throw new NotSupportedException();
        public void Delete(string layer, long fid) => throw new NotSupportedException();

        public void Commit()
        {
            ws._layers.Clear();
            foreach (var kv in _copy) ws._layers[kv.Key] = kv.Value;
            ws.Commits++;
        }

        public void Dispose() { }
    }
}
