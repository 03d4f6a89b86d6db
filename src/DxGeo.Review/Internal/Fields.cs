using DxGeo.Core.Features;

namespace DxGeo.Review.Internal;

/// <summary>Named access to a record's values through its schema (the workspace hands back positional values).</summary>
internal static class Fields
{
    public static object? Get(this FeatureRecord r, LayerSchema s, string field) =>
        s.IndexOf(field) is var i and >= 0 && i < r.Values.Length ? r.Values[i] : null;

    public static string? Text(this FeatureRecord r, LayerSchema s, string field) => r.Get(s, field) as string;

    public static long Long(this FeatureRecord r, LayerSchema s, string field) => r.Get(s, field) switch
    {
        long l => l,
        int i => i,
        double d => (long)d,
        _ => 0,
    };

    public static double? Real(this FeatureRecord r, LayerSchema s, string field) => r.Get(s, field) switch
    {
        double d => d,
        long l => l,
        _ => null,
    };

    public static DateTimeOffset? Time(this FeatureRecord r, LayerSchema s, string field) => r.Get(s, field) as DateTimeOffset?;

    public static void Set(this FeatureRecord r, LayerSchema s, string field, object? value)
    {
        var i = s.IndexOf(field);
        if (i < 0) throw new InvalidOperationException($"layer '{s.Name}' has no field '{field}'");
        r.Values[i] = value;
    }

    /// <summary>A new record for <paramref name="s"/> from name/value pairs (missing fields null).</summary>
    public static FeatureRecord Make(LayerSchema s, NetTopologySuite.Geometries.Geometry? g, params (string Field, object? Value)[] values)
    {
        var rec = new FeatureRecord(g, new object?[s.Fields.Count]);
        foreach (var (f, v) in values) rec.Set(s, f, v);
        return rec;
    }

    /// <summary>The record's values as a name→value map (for audit JSON), leaving out <paramref name="omit"/>.</summary>
    public static SortedDictionary<string, object?> Snapshot(this FeatureRecord r, LayerSchema s, params string[] omit)
    {
        var d = new SortedDictionary<string, object?>(StringComparer.Ordinal);
        for (var i = 0; i < s.Fields.Count && i < r.Values.Length; i++)
            if (!omit.Contains(s.Fields[i].Name)) d[s.Fields[i].Name] = r.Values[i];
        return d;
    }
}
