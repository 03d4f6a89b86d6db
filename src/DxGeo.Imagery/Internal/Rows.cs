using System.Globalization;
using DxGeo.Core.Features;

namespace DxGeo.Imagery.Internal;

/// <summary>Field access by name on records of a known schema (values as the workspace returns them).</summary>
internal static class Rows
{
    public static int Index(LayerSchema s, string field) =>
        s.IndexOf(field) is var i and >= 0 ? i : throw new InvalidOperationException($"layer '{s.Name}' has no field '{field}'");

    public static void Set(this FeatureRecord r, LayerSchema s, string field, object? value) => r.Values[Index(s, field)] = value;

    public static object? Raw(this FeatureRecord r, LayerSchema s, string field) =>
        s.IndexOf(field) is var i and >= 0 && i < r.Values.Length ? r.Values[i] : null;

    public static string? Text(this FeatureRecord r, LayerSchema s, string field) => r.Raw(s, field) switch
    {
        null or DBNull => null,
        string t => t,
        var v => Convert.ToString(v, CultureInfo.InvariantCulture),
    };

    public static double? Real(this FeatureRecord r, LayerSchema s, string field) => r.Raw(s, field) switch
    {
        null or DBNull => null,
        double d => d,
        var v => Convert.ToDouble(v, CultureInfo.InvariantCulture),
    };

    public static long? Integer(this FeatureRecord r, LayerSchema s, string field) => r.Raw(s, field) switch
    {
        null or DBNull => null,
        long l => l,
        var v => Convert.ToInt64(v, CultureInfo.InvariantCulture),
    };

    public static DateTimeOffset? Time(this FeatureRecord r, LayerSchema s, string field) => r.Raw(s, field) switch
    {
        null or DBNull => null,
        DateTimeOffset t => t,
        DateTime d => new DateTimeOffset(DateTime.SpecifyKind(d, DateTimeKind.Utc)),
        string t => DateTimeOffset.Parse(t, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal),
        var v => throw new InvalidCastException($"field '{field}' holds {v.GetType().Name}, not a time"),
    };

    /// <summary>A copy of the record's values (so an update never aliases a record another reader holds).</summary>
    public static FeatureRecord Copy(this FeatureRecord r) => new(r.Geometry, (object?[])r.Values.Clone(), r.Fid);
}
