using DxGeo.Core.Errors;
using DxGeo.Core.Features;

namespace DxGeo.Core.Import;

/// <summary>
/// Which source column feeds which layer field, written <c>field=COLUMN,field=COLUMN</c> (ours on the left, theirs on
/// the right), e.g. <c>material=KANSHU,diameter_mm=KOKEI,install_year=布設年度</c>. A field name may be shortened to a
/// unique prefix (<c>diameter=KOKEI</c>). Fields not mapped take the column of the same name (case-insensitive).
/// </summary>
public sealed class FieldMapping
{
    private readonly List<(string Field, string Column)> _pairs;

    private FieldMapping(List<(string, string)> pairs) => _pairs = pairs;

    public static FieldMapping Empty { get; } = new([]);

    /// <summary>Explicit pairs as written (field, column).</summary>
    public IReadOnlyList<(string Field, string Column)> Pairs => _pairs;

    /// <summary>Parses one or more specs (the option may be repeated). Throws naming the bad part.</summary>
    public static FieldMapping Parse(params string?[] specs)
    {
        var pairs = new List<(string, string)>();
        foreach (var spec in specs)
        {
            if (string.IsNullOrWhiteSpace(spec)) continue;
            foreach (var part in spec.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
            {
                var eq = part.IndexOf('=');
                if (eq <= 0 || eq == part.Length - 1)
                    throw new DxGeoException($"--map: '{part}' is not field=COLUMN (e.g. material=KANSHU)");
                var field = part[..eq].Trim();
                var column = part[(eq + 1)..].Trim();
                if (pairs.Any(p => string.Equals(p.Item1, field, StringComparison.OrdinalIgnoreCase)))
                    throw new DxGeoException($"--map: field '{field}' is mapped twice");
                pairs.Add((field, column));
            }
        }
        return new FieldMapping(pairs);
    }

    /// <summary>The explicit mapping against a layer's fields: field index → source column. Field names may be unique prefixes.</summary>
    internal Dictionary<int, string> Resolve(LayerSchema schema)
    {
        var result = new Dictionary<int, string>();
        foreach (var (field, column) in _pairs)
            result[FieldIndex(schema, field)] = column;
        return result;
    }

    internal static int FieldIndex(LayerSchema schema, string field)
    {
        var i = schema.IndexOf(field);
        if (i >= 0) return i;
        var prefixed = Enumerable.Range(0, schema.Fields.Count)
            .Where(k => schema.Fields[k].Name.StartsWith(field, StringComparison.OrdinalIgnoreCase)).ToList();
        if (prefixed.Count == 1) return prefixed[0];
        var fields = string.Join(", ", schema.Fields.Select(f => f.Name));
        throw new DxGeoException(prefixed.Count > 1
            ? $"--map: '{field}' could be any of {string.Join(", ", prefixed.Select(k => schema.Fields[k].Name))}: write the full name"
            : $"--map: layer '{schema.Name}' has no field '{field}' (fields: {fields})");
    }
}
