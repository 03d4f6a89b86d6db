namespace DxGeo.Imagery.Damage.Training;

/// <summary>Append-only binary cache of feature vectors (key, vector) for one featurizer; no cache dir = in memory only.</summary>
internal sealed class FeatureCache
{
    private readonly string? _path;
    private readonly int _dim;
    private readonly Dictionary<string, float[]> _map = new(StringComparer.Ordinal);
    private readonly List<(string Key, float[] F)> _pending = [];

    private FeatureCache(string? path, int dim)
    {
        _path = path;
        _dim = dim;
    }

    public static FeatureCache Open(string? dir, string featurizer, int dim)
    {
        if (dir is null) return new FeatureCache(null, dim);
        Directory.CreateDirectory(dir);
        var c = new FeatureCache(Path.Combine(dir, $"{featurizer}-{dim}.bin"), dim);
        if (File.Exists(c._path)) c.Load();
        return c;
    }

    public bool TryGet(string key, out float[] f) => _map.TryGetValue(key, out f!);

    public void Add(string key, float[] f)
    {
        _map[key] = f;
        _pending.Add((key, f));
        if (_pending.Count >= 200) Flush();
    }

    public void Flush()
    {
        if (_path is null || _pending.Count == 0) { _pending.Clear(); return; }
        using var w = new BinaryWriter(File.Open(_path, FileMode.Append));
        foreach (var (k, f) in _pending)
        {
            w.Write(k);
            foreach (var v in f) w.Write(v);
        }
        _pending.Clear();
    }

    private void Load()
    {
        using var r = new BinaryReader(File.OpenRead(_path!));
        while (r.BaseStream.Position < r.BaseStream.Length)
        {
            string k;
            var f = new float[_dim];
            try
            {
                k = r.ReadString();
                for (var i = 0; i < _dim; i++) f[i] = r.ReadSingle();
            }
            catch (EndOfStreamException)
            {
                break; // a run stopped mid-write: the partial record is ignored
            }
            _map[k] = f;
        }
    }
}
