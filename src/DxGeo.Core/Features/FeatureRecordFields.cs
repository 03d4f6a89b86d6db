using System.Globalization;

namespace DxGeo.Core.Features;

/// <summary>
/// Named access to a record's values through its schema (the workspace hands back positional values). Readers are
/// lenient about storage types (an integer column read as real, a time stored as text); a missing value is null.
/// </summary>
public static class FeatureRecordFields
{
    public static object? Get(this FeatureRecord r, LayerSchema s, string field) =>
        s.IndexOf(field) is var i and >= 0 && i < r.Values.Length ? r.Values[i] is DBNull ? null : r.Values[i] : null;

    /// <summary>Sets a field; a field the schema does not have is a programming error, not bad input.</summary>
    public static void Set(this FeatureRecord r, LayerSchema s, string field, object? value) =>
        r.Values[s.IndexOf(field) is var i and >= 0 ? i : throw new InvalidOperationException($"layer '{s.Name}' has no field '{field}'")] = value;

    public static string? Text(this FeatureRecord r, LayerSchema s, string field) => r.Get(s, field) switch
    {
        null => null,
        string t => t,
        var v => Convert.ToString(v, CultureInfo.InvariantCulture),
    };

    public static double? Real(this FeatureRecord r, LayerSchema s, string field) => r.Get(s, field) switch
    {
        null => null,
        double d => d,
        var v => Convert.ToDouble(v, CultureInfo.InvariantCulture),
    };

    public static long? Integer(this FeatureRecord r, LayerSchema s, string field) => r.Get(s, field) switch
    {
        null => null,
        long l => l,
        var v => Convert.ToInt64(v, CultureInfo.InvariantCulture),
    };

    public static DateTimeOffset? Time(this FeatureRecord r, LayerSchema s, string field) => r.Get(s, field) switch
    {
        null => null,
        DateTimeOffset t => t,
        DateTime d => new DateTimeOffset(DateTime.SpecifyKind(d, DateTimeKind.Utc)),
        string t => DateTimeOffset.Parse(t, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal),
        var v => throw new InvalidCastException($"field '{field}' holds {v.GetType().Name}, not a time"),
    };

    /// <summary>A copy of the record's values (so an update never aliases a record another reader holds).</summary>
    public static FeatureRecord Copy(this FeatureRecord r) => new(r.Geometry, (object?[])r.Values.Clone(), r.Fid);
}
