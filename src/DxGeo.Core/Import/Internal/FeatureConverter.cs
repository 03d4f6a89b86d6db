using DxGeo.Core.Features;
using DxGeo.Core.Formats;

namespace DxGeo.Core.Import.Internal;

/// <summary>
/// Turns one source feature's properties into values aligned with the layer's fields: finds each column's target
/// field(s) (explicit mapping, else the same name case-insensitively), applies value maps, converts types.
/// Keeps the bookkeeping the report needs (which column filled which field, unmapped columns, mapped values).
/// </summary>
internal sealed class FeatureConverter
{
    private readonly LayerSchema _schema;
    private readonly Dictionary<int, string> _explicit;
    private readonly Dictionary<int, Dictionary<string, string?>> _valueMaps;
    private readonly HashSet<string> _ignored;
    private readonly Dictionary<string, int[]> _targets = new(StringComparer.Ordinal);

    public FeatureConverter(LayerSchema schema, Dictionary<int, string> explicitMap,
        Dictionary<int, Dictionary<string, string?>> valueMaps, IEnumerable<string> ignoredFields)
    {
        _schema = schema;
        _explicit = explicitMap;
        _valueMaps = valueMaps;
        _ignored = new HashSet<string>(ignoredFields, StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>Column names in order of first appearance.</summary>
    public List<string> SeenColumns { get; } = [];
    public List<string> UnmappedColumns { get; } = [];
    /// <summary>Derived fields a column would have filled (their values are computed instead).</summary>
    public Dictionary<string, string> IgnoredColumns { get; } = new(StringComparer.Ordinal);
    /// <summary>Field index → column that filled it.</summary>
    public Dictionary<int, string> FieldSources { get; } = [];
    public long ValuesMapped { get; private set; }

    /// <summary>Converts; a value that does not convert gives a problem naming the column, or (when
    /// <paramref name="asNull"/> and the field is nullable) null plus an entry in <paramref name="nulled"/>.</summary>
    public (string Column, string Reason)? Convert(SourceFeature f, object?[] values, bool asNull, List<(string Column, string Reason)> nulled)
    {
        foreach (var (column, raw) in f.Properties)
        {
            foreach (var t in Targets(column))
            {
                var v = raw;
                if (_valueMaps.TryGetValue(t, out var map) && ValueMapping.TryMap(map, v, out var mapped))
                {
                    v = mapped;
                    ValuesMapped++;
                }
                var field = _schema.Fields[t];
                if (ValueConverter.TryConvert(field.Type, v, out var converted) is { } reason)
                {
                    var why = column == field.Name ? reason : $"{reason} (for {field.Name})";
                    if (asNull && field.Nullable) { nulled.Add((column, why)); converted = null; }
                    else return (column, why);
                }
                values[t] = converted;
            }
        }
        return null;
    }

    private int[] Targets(string column)
    {
        if (_targets.TryGetValue(column, out var cached)) return cached;
        SeenColumns.Add(column);
        var list = new List<int>();
        foreach (var (i, c) in _explicit)
            if (string.Equals(c, column, StringComparison.OrdinalIgnoreCase)) list.Add(i);
        var same = _schema.IndexOf(column); // a field not mapped explicitly takes the column of its own name
        if (same >= 0 && !_explicit.ContainsKey(same) && !list.Contains(same)) list.Add(same);
        foreach (var i in list.ToArray())
            if (_ignored.Contains(_schema.Fields[i].Name))
            {
                IgnoredColumns[column] = _schema.Fields[i].Name;
                list.Remove(i);
            }
        foreach (var i in list) FieldSources.TryAdd(i, column);
        if (list.Count == 0 && !IgnoredColumns.ContainsKey(column)) UnmappedColumns.Add(column);
        return _targets[column] = list.ToArray();
    }
}
