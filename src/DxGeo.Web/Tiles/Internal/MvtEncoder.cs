namespace DxGeo.Web.Tiles.Internal;

/// <summary>
/// Writes one layer of a Mapbox vector tile (specification 2.1) from geometries already in integer tile
/// coordinates: keys and values deduplicated per layer, geometry as MoveTo/LineTo/ClosePath commands with
/// zig-zag deltas. Written by hand rather than through a general writer so that a tile costs one pass over the
/// clipped coordinates and no intermediate geometry objects.
/// </summary>
internal sealed class MvtEncoder(string layerName, uint extent)
{
    public const uint Point = 1, LineString = 2, Polygon = 3;
    private const uint MoveTo = 1, LineTo = 2, ClosePath = 7;

    private readonly ProtoWriter _features = new();
    private readonly ProtoWriter _feature = new();
    private readonly Dictionary<string, int> _keys = new(StringComparer.Ordinal);
    private readonly Dictionary<object, int> _values = new();
    private readonly List<uint> _tags = [];
    private readonly List<uint> _geometry = [];
    private int _cx, _cy;

    public int FeatureCount { get; private set; }

    /// <summary>Starts a feature's geometry; add parts with <see cref="AddPoints"/>, <see cref="AddLine"/> or <see cref="AddRing"/>.</summary>
    public void BeginGeometry()
    {
        _geometry.Clear();
        _cx = _cy = 0;
    }

    public bool HasGeometry => _geometry.Count > 0;

    public void AddPoints(ReadOnlySpan<int> xy)
    {
        if (xy.Length == 0) return;
        _geometry.Add(Command(MoveTo, xy.Length / 2));
        for (var i = 0; i < xy.Length; i += 2) Delta(xy[i], xy[i + 1]);
    }

    /// <summary>A line part of at least two distinct points (consecutive duplicates already removed).</summary>
    public void AddLine(ReadOnlySpan<int> xy)
    {
        _geometry.Add(Command(MoveTo, 1));
        Delta(xy[0], xy[1]);
        _geometry.Add(Command(LineTo, xy.Length / 2 - 1));
        for (var i = 2; i < xy.Length; i += 2) Delta(xy[i], xy[i + 1]);
    }

    /// <summary>A ring without its closing point, already wound as the specification wants (exterior positive area in y-down tile space).</summary>
    public void AddRing(ReadOnlySpan<int> xy)
    {
        AddLine(xy);
        _geometry.Add(Command(ClosePath, 1));
    }

    /// <summary>Ends the feature started with <see cref="BeginGeometry"/>; attributes with null values are left out.</summary>
    public void EndFeature(ulong id, uint type, IReadOnlyList<string> names, object?[] values)
    {
        if (_geometry.Count == 0) return;
        _tags.Clear();
        for (var i = 0; i < names.Count; i++)
        {
            if (values[i] is not { } v) continue;
            _tags.Add((uint)Index(_keys, names[i]));
            _tags.Add((uint)Index(_values, v));
        }
        _feature.Clear();
        _feature.VarintField(1, id);
        _feature.PackedField(2, _tags);
        _feature.VarintField(3, type);
        _feature.PackedField(4, _geometry);
        _features.BytesField(2, _feature.Span);
        FeatureCount++;
    }

    /// <summary>The whole tile (this one layer, or nothing when no feature was added).</summary>
    public byte[] ToTile()
    {
        if (FeatureCount == 0) return [];
        var head = new ProtoWriter();
        head.VarintField(15, 2);
        head.StringField(1, layerName);
        // Features were framed one by one into _features (field 2 each): they are copied verbatim.
        var tile = new ProtoWriter();
        tile.BytesField(3, Concat(head.Span, _features.Span, Keys(), Values(), ExtentField()));
        return tile.Span.ToArray();
    }

    private byte[] Keys()
    {
        var w = new ProtoWriter();
        foreach (var k in _keys.OrderBy(kv => kv.Value)) w.StringField(3, k.Key);
        return w.Span.ToArray();
    }

    private byte[] Values()
    {
        var w = new ProtoWriter();
        var v = new ProtoWriter();
        foreach (var (value, _) in _values.OrderBy(kv => kv.Value))
        {
            v.Clear();
            switch (value)
            {
                case string s: v.StringField(1, s); break;
                case double d: v.DoubleField(3, d); break;
                case long l: v.VarintField(4, unchecked((ulong)l)); break;
                case bool b: v.VarintField(7, b ? 1UL : 0UL); break;
                default: v.StringField(1, value.ToString() ?? ""); break;
            }
            w.BytesField(4, v.Span);
        }
        return w.Span.ToArray();
    }

    private byte[] ExtentField()
    {
        var w = new ProtoWriter();
        w.VarintField(5, extent);
        return w.Span.ToArray();
    }

    private static byte[] Concat(ReadOnlySpan<byte> a, ReadOnlySpan<byte> b, byte[] c, byte[] d, byte[] e)
    {
        var all = new byte[a.Length + b.Length + c.Length + d.Length + e.Length];
        var o = 0;
        a.CopyTo(all.AsSpan(o)); o += a.Length;
        b.CopyTo(all.AsSpan(o)); o += b.Length;
        c.CopyTo(all.AsSpan(o)); o += c.Length;
        d.CopyTo(all.AsSpan(o)); o += d.Length;
        e.CopyTo(all.AsSpan(o));
        return all;
    }

    private static int Index<T>(Dictionary<T, int> d, T key) where T : notnull
    {
        if (!d.TryGetValue(key, out var i)) d[key] = i = d.Count;
        return i;
    }

    private static uint Command(uint id, int count) => (id & 0x7) | ((uint)count << 3);

    private void Delta(int x, int y)
    {
        _geometry.Add(ZigZag(x - _cx));
        _geometry.Add(ZigZag(y - _cy));
        _cx = x;
        _cy = y;
    }

    private static uint ZigZag(int n) => (uint)((n << 1) ^ (n >> 31));
}
