using DxGeo.Core.Features;

namespace DxGeo.Review.Internal;

/// <summary>Record helpers only the review workflow needs (field access itself is Core's <see cref="FeatureRecordFields"/>).</summary>
internal static class Fields
{
    /// <summary>The record's values as a name→value map (for audit JSON), leaving out <paramref name="omit"/>.</summary>
    public static SortedDictionary<string, object?> Snapshot(this FeatureRecord r, LayerSchema s, params string[] omit)
    {
        var d = new SortedDictionary<string, object?>(StringComparer.Ordinal);
        for (var i = 0; i < s.Fields.Count && i < r.Values.Length; i++)
            if (!omit.Contains(s.Fields[i].Name)) d[s.Fields[i].Name] = r.Values[i];
        return d;
    }
}
