using System.Globalization;
using System.Text;
using DxGeo.Core.Errors;
using DxGeo.Core.Features;

namespace DxGeo.Core.Import;

/// <summary>
/// Their codes to ours, per field: <c>field:THEIRS=OURS;THEIRS=OURS</c>, several fields separated by ',' (or the
/// option repeated), e.g. <c>material:ダクタイル鋳鉄=DCIP;鋳鉄=CIP;1=SP;*=UNK,status:廃止=abandoned</c>.
/// Source values are compared trimmed, case-insensitive and NFKC-normalised (so half-width ｶﾀｶﾅ and full-width
/// digits match). <c>*</c> catches every other non-empty value; an empty right side (<c>不明=</c>) gives null.
/// Values with no entry pass through unchanged (and are then checked like any other value).
/// </summary>
public sealed class ValueMapping
{
    private readonly Dictionary<string, Dictionary<string, string?>> _byField;

    private ValueMapping(Dictionary<string, Dictionary<string, string?>> byField) => _byField = byField;

    public static ValueMapping Empty { get; } = new(new(StringComparer.OrdinalIgnoreCase));

    /// <summary>The fields that have a value map.</summary>
    public IReadOnlyCollection<string> Fields => _byField.Keys;

    public static ValueMapping Parse(params string?[] specs)
    {
        var byField = new Dictionary<string, Dictionary<string, string?>>(StringComparer.OrdinalIgnoreCase);
        foreach (var spec in specs)
        {
            if (string.IsNullOrWhiteSpace(spec)) continue;
            foreach (var group in spec.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
            {
                var colon = group.IndexOf(':');
                if (colon <= 0) throw new DxGeoException($"--values: '{group}' is not field:THEIRS=OURS;THEIRS=OURS (e.g. material:鋳鉄=CIP;ダクタイル鋳鉄=DCIP)");
                var field = group[..colon].Trim();
                if (!byField.TryGetValue(field, out var map)) byField[field] = map = new Dictionary<string, string?>(StringComparer.Ordinal);
                foreach (var pair in group[(colon + 1)..].Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
                {
                    var eq = pair.LastIndexOf('=');
                    if (eq <= 0) throw new DxGeoException($"--values: '{pair}' (field '{field}') is not THEIRS=OURS");
                    var key = Key(pair[..eq]);
                    var value = pair[(eq + 1)..].Trim();
                    if (!map.TryAdd(key, value.Length == 0 ? null : value))
                        throw new DxGeoException($"--values: '{pair[..eq].Trim()}' is mapped twice for field '{field}'");
                }
            }
        }
        return new ValueMapping(byField);
    }

    /// <summary>Checks that every mapped field exists in the layer (resolving unique prefixes as --map does).</summary>
    internal Dictionary<int, Dictionary<string, string?>> Resolve(LayerSchema schema)
    {
        var result = new Dictionary<int, Dictionary<string, string?>>();
        foreach (var (field, map) in _byField)
        {
            int i;
            try { i = FieldMapping.FieldIndex(schema, field); }
            catch (DxGeoException e) { throw new DxGeoException(e.Message.Replace("--map", "--values")); }
            result[i] = map;
        }
        return result;
    }

    /// <summary>Applies a field's map to a source value: (true, mapped) when an entry (or '*') matched.</summary>
    internal static bool TryMap(Dictionary<string, string?> map, object? value, out string? mapped)
    {
        mapped = null;
        if (value is null) return false;
        var text = value is IFormattable f ? f.ToString(null, CultureInfo.InvariantCulture) : value.ToString() ?? "";
        if (text.Trim().Length == 0) return false;
        return map.TryGetValue(Key(text), out mapped) || map.TryGetValue("*", out mapped);
    }

    private static string Key(string s) => s.Trim().Normalize(NormalizationForm.FormKC).ToUpperInvariant();
}
