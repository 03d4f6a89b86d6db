namespace DxGeo.Core.Errors;

/// <summary>
/// Bad input data. The message always names where: the file, the feature (index and/or id) and the field.
/// </summary>
public sealed class InputDataException : DxGeoException
{
    public string? File { get; }
    public long? FeatureIndex { get; }
    public string? FeatureId { get; }
    public string? Field { get; }
    public string Reason { get; }

    public InputDataException(string reason, string? file = null, long? featureIndex = null,
        string? featureId = null, string? field = null, Exception? inner = null)
        : base(Format(reason, file, featureIndex, featureId, field), inner ?? new Exception(reason))
    {
        Reason = reason;
        File = file;
        FeatureIndex = featureIndex;
        FeatureId = featureId;
        Field = field;
    }

    private static string Format(string reason, string? file, long? index, string? id, string? field)
    {
        var where = new List<string>();
        if (file is not null) where.Add(file);
        if (index is not null) where.Add($"feature #{index}");
        if (id is not null) where.Add($"id '{id}'");
        if (field is not null) where.Add($"field '{field}'");
        return where.Count == 0 ? reason : $"{string.Join(", ", where)}: {reason}";
    }
}
